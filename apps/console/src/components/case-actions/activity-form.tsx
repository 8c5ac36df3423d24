import { Checkbox, DatePicker, Form, Input } from 'antd';
import { Select } from '../select';
import type { Dayjs } from 'dayjs';
import { recordingApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { activityKindLabel } from '../../format/labels';
import { clearFieldErrors } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { SubmissionFooter } from '../../forms/submission-footer';

interface TValues {
  kind: string;
  title: string;
  place?: string;
  startedAt?: Dayjs;
  audioVisualRequired?: boolean;
}

/**
 * 登记执法活动 (现场检查、询问、抽样…): evidence and records belong to one. The recording service
 * validates the request (its schema is not shared yet) and its errors land beside the fields.
 */
export function ActivityForm(props: { caseNumber: string; onDone: () => void }) {
  const [form] = Form.useForm<TValues>();
  const submission = useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await recordingApi.POST('/cases/{caseNumber}/activities', {
          params: { path: { caseNumber: props.caseNumber } },
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    invalidates: [['case', props.caseNumber]],
    onDone: () => {
      form.resetFields();
      props.onDone();
    },
  });
  const submit = (v: TValues) => {
    clearFieldErrors(form);
    submission.mutation.mutate({
      kind: v.kind,
      title: v.title ?? '',
      ...(v.place?.trim() ? { place: v.place.trim() } : {}),
      startedAt: v.startedAt ? v.startedAt.toISOString() : undefined,
      ...(v.audioVisualRequired ? { audioVisualRequired: true } : {}),
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} onValuesChange={submission.edited}>
      <Form.Item label="活动类别" name="kind" required>
        <Select
          aria-label="活动类别"
          options={Object.entries(activityKindLabel).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item label="活动名称" name="title" required>
        <Input placeholder="如 现场检查（厂区）" />
      </Form.Item>
      <Form.Item label="地点" name="place">
        <Input />
      </Form.Item>
      <Form.Item label="开始时间" name="startedAt" required>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="audioVisualRequired" valuePropName="checked">
        <Checkbox>应当全程音像记录（群体性事件、当事人不配合等）</Checkbox>
      </Form.Item>
      <SubmissionFooter submission={submission} label="登记执法活动" />
    </Form>
  );
}
