import { Alert, Card, Form, Input } from 'antd';
import { disclosureApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { SubmissionFooter } from '../../forms/submission-footer';
import { clearFieldErrors } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { RadioChoice } from '../radio-choice';

/**
 * 答复更正申请: 已更正 / 部分更正 (the correction made for this request must be republished first;
 * the service refuses otherwise and says why) or 不予更正 with the reasons; the requester reads the
 * answer with the tracking number.
 */
export function CorrectionAnswer({ id, corrected }: { id: string; corrected: boolean }) {
  const [form] = Form.useForm<{ outcome?: string; answer?: string }>();
  const submission = useSubmission({
    form,
    send: async (body: { outcome: string; answer: string }, key: string) =>
      unwrap(
        await disclosureApi.POST('/correction-requests/{id}/answer', {
          params: { path: { id } },
          headers: { 'idempotency-key': key },
          body: body as never,
        }),
      ),
    invalidates: [['correction-request', id], ['correction-requests']],
  });
  return (
    <Card title="答复申请人">
      {!corrected ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="答复“已更正”或“部分更正”之前，须先针对本申请完成更正，并经审核、负责人批准后重新发布。"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={submission.edited}
        onFinish={(v) => {
          clearFieldErrors(form);
          submission.mutation.mutate({ outcome: v.outcome ?? '', answer: v.answer?.trim() ?? '' });
        }}
      >
        <Form.Item label="办理结果" name="outcome" required>
          <RadioChoice
            label="办理结果"
            options={[
              { value: 'corrected', label: '已更正' },
              { value: 'partlyCorrected', label: '部分更正' },
              { value: 'rejected', label: '不予更正' },
            ]}
          />
        </Form.Item>
        <Form.Item label="答复内容（申请人凭受理编号查看）" name="answer" required>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <SubmissionFooter submission={submission} label="提交答复" retryLabel="重新提交" />
      </Form>
    </Card>
  );
}
