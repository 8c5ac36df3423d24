import { Form } from 'antd';
import { Select } from '../select';
import { useMemo, useState } from 'react';
import { recordKindLabel, type TRecordKind } from '@sanxiang/shared/src/domain';
import { ZRecordInput } from '@sanxiang/shared/src/contracts/record-bodies';
import { recordingApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import {
  initialValues,
  SchemaFields,
  SchemaFormContext,
  toJson,
  type TSchemaFormContext,
} from '../../forms/schema-fields';
import { walk } from '../../forms/schema-walk';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { SubmissionFooter } from '../../forms/submission-footer';

const recordUnion = walk(ZRecordInput);
/** Filed by the legal-review service, never by hand. */
const notByHand = new Set<string>(['legalReviewOpinion']);
/** Only a head files these (the recording service checks it too). */
const headOnly = new Set<string>(['headApproval']);

/**
 * 登记执法记录: the kind chosen, the form of that kind is drawn from the recording service's own
 * schema (ZRecordInput, packages/shared) and checked with it before it is sent.
 */
export function RecordForm(props: {
  caseNumber: string;
  roles: string[];
  context: TSchemaFormContext;
  activities: { value: string; label: string }[];
  onDone: () => void;
  initialKind?: TRecordKind;
}) {
  const [form] = Form.useForm();
  const [kind, setKind] = useState<string | undefined>(props.initialKind);
  const kinds = useMemo(() => {
    if (recordUnion.kind !== 'union') return [];
    return [...recordUnion.options.keys()].filter(
      (k) => !notByHand.has(k) && (!headOnly.has(k) || props.roles.includes('head')),
    );
  }, [props.roles]);
  const fields = recordUnion.kind === 'union' && kind ? recordUnion.options.get(kind) : undefined;
  const content = fields?.find(([k]) => k === 'content')?.[1];
  // A form opened on one kind (送达, 集体讨论…) starts with that kind's initial values.
  const [startValues] = useState(() =>
    props.initialKind && content?.kind === 'object'
      ? { content: initialValues(content.fields, props.context) }
      : undefined,
  );
  const submission = useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await recordingApi.POST('/cases/{caseNumber}/records', {
          params: { path: { caseNumber: props.caseNumber } },
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    // a collective discussion or approval record ends a head's 待我审批 item
    invalidates: [['case', props.caseNumber], ['approvals-mine']],
    onDone: () => {
      form.resetFields();
      setKind(props.initialKind);
      props.onDone();
    },
  });

  const submit = (values: Record<string, unknown>) => {
    clearFieldErrors(form);
    const body = toJson(recordUnion, { ...values, kind }, props.context);
    const parsed = ZRecordInput.safeParse(body);
    if (!parsed.success) return submission.showError(issuesAsProblem(parsed.error.issues));
    submission.mutation.mutate(parsed.data);
  };

  return (
    <SchemaFormContext.Provider value={props.context}>
      <Form
        form={form}
        layout="vertical"
        initialValues={startValues}
        onFinish={submit}
        onValuesChange={submission.edited}
      >
        <Form.Item label="记录种类" required htmlFor="record-kind">
          <Select
            id="record-kind"
            value={kind}
            placeholder="选择要登记的记录"
            onChange={(k: string) => {
              setKind(k);
              const next = recordUnion.kind === 'union' ? recordUnion.options.get(k) : undefined;
              const c = next?.find(([f]) => f === 'content')?.[1];
              form.resetFields();
              if (c?.kind === 'object')
                form.setFieldsValue({ content: initialValues(c.fields, props.context) });
            }}
            options={kinds.map((k) => ({ value: k, label: recordKindLabel[k as TRecordKind] }))}
          />
        </Form.Item>
        {kind ? (
          <>
            <Form.Item label="所属执法活动" name="activityId">
              <Select
                aria-label="所属执法活动"
                allowClear
                options={props.activities}
                placeholder="（可选）"
              />
            </Form.Item>
            {content?.kind === 'object' ? (
              <SchemaFields fields={content.fields} name={['content']} path={['content']} />
            ) : content?.kind === 'union' ? (
              <SchemaFields fields={[['content', content]]} name={[]} path={[]} />
            ) : null}
            <SubmissionFooter submission={submission} label="登记" retryLabel="重新提交" />
          </>
        ) : null}
      </Form>
    </SchemaFormContext.Provider>
  );
}
