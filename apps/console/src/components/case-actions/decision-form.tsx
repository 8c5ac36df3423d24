import { Form } from 'antd';
import { ZDecisionMade } from '@sanxiang/shared/src/contracts';
import { recordingApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { SchemaFields, SchemaFormContext, toJson, type TSchemaFormContext } from '../../forms/schema-fields';
import { walk } from '../../forms/schema-walk';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { SubmissionFooter } from '../../forms/submission-footer';

/** What the officer sends; the service adds who recorded it (as ZRecordDecisionRequest does). */
const ZDecisionRequest = ZDecisionMade.omit({ recordedBy: true });
const decisionNode = walk(ZDecisionRequest);

/**
 * 登记执法决定: the decision made after collective discussion and the head's approval (major
 * cases), with what is to be published and how (公开 / 删除部分信息后公开 / 不予公开). Starts the
 * disclosure clock.
 */
export function DecisionForm(props: { caseNumber: string; context: TSchemaFormContext; onDone: () => void }) {
  const [form] = Form.useForm();
  const submission = useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await recordingApi.POST('/cases/{caseNumber}/decisions', {
          params: { path: { caseNumber: props.caseNumber } },
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    // the decision moves the case on: its 待我审批 item goes
    invalidates: [['case', props.caseNumber], ['approvals-mine']],
    onDone: props.onDone,
  });
  if (decisionNode.kind !== 'object') return null;
  const submit = (values: Record<string, unknown>) => {
    clearFieldErrors(form);
    const parsed = ZDecisionRequest.safeParse(toJson(decisionNode, values, props.context));
    if (!parsed.success) return submission.showError(issuesAsProblem(parsed.error.issues));
    submission.mutation.mutate(parsed.data);
  };
  return (
    <SchemaFormContext.Provider value={props.context}>
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={submission.edited}>
        <SchemaFields fields={decisionNode.fields} name={[]} path={[]} />
        <SubmissionFooter submission={submission} label="登记决定" retryLabel="重新提交" />
      </Form>
    </SchemaFormContext.Provider>
  );
}
