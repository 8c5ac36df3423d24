import { Alert, Card, DatePicker, Descriptions, Form, Input, Space, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import {
  exemptionReasonLabel,
  withdrawalReasonLabel,
  ZExemptionReason,
  ZWithdrawalReason,
} from '@sanxiang/shared/src/domain';
import { disclosureApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { clearFieldErrors } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { outcomeKindLabel, outcomeStageLabel } from '../../format/labels';
import { formatDateShort, formatDateTime, orDash } from '../../format/time';

import { RadioChoice } from '../radio-choice';
import { Select } from '../select';
import type { TDisclosureDetail, TOutcomeRequest } from './types';
import { SubmissionFooter } from '../../forms/submission-footer';

const timeOr = orDash(formatDateTime);
const dayOr = orDash(formatDateShort);

/** One action on a disclosure: a form posting to the disclosure service with its own key. */
function useDisclosureAction(d: TDisclosureDetail, form: FormInstance, path: string, requestId?: string) {
  return useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await disclosureApi.POST(path as '/disclosures/{id}/submit', {
          params: { path: { id: d.id, ...(requestId ? { requestId } : {}) } } as never,
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    invalidates: [['disclosure', d.id], ['disclosures']],
    onDone: () => form.resetFields(),
  });
}

const withNote = <T extends object>(body: T, note: string | undefined) =>
  note?.trim() ? { ...body, note: note.trim() } : body;

type TAction = ReturnType<typeof useDisclosureAction>;

/**
 * The form every action shares: field errors cleared and the body sent on submit, the service's
 * refusal above the button.
 */
function ActionForm<V extends object>({
  form,
  action,
  body,
  submit,
  danger = false,
  style,
  children,
}: {
  form: FormInstance<V>;
  action: TAction;
  body: (values: V) => unknown;
  submit: string;
  danger?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Form
      form={form}
      layout="vertical"
      style={style}
      onValuesChange={action.edited}
      onFinish={(v: V) => {
        clearFieldErrors(form);
        action.mutation.mutate(body(v));
      }}
    >
      {children}
      <SubmissionFooter submission={action} label={submit} kind={danger ? 'danger' : 'primary'} />
    </Form>
  );
}

/** 审核结论 / 批准意见: yes or return, and a note (required when returning). */
function VerdictFields({
  step,
  yes,
  back,
}: {
  step: 'check' | 'approval';
  yes: { value: string; label: string };
  back: string;
}) {
  const label = step === 'check' ? '审核结论' : '批准意见';
  return (
    <>
      <Form.Item label={label} name="outcome" required>
        <RadioChoice label={label} options={[yes, { value: 'return', label: back }]} />
      </Form.Item>
      <Form.Item label="意见（退回时必填）" name="note">
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

const verdictSubmit = (step: 'check' | 'approval') => (step === 'check' ? '提交审核意见' : '提交批准意见');

/** 提交审核: the working version goes to the check (a second person), then to the head. */
export function SubmitForReview({ d }: { d: TDisclosureDetail }) {
  const [form] = Form.useForm<{ note?: string }>();
  const action = useDisclosureAction(d, form, '/disclosures/{id}/submit');
  return (
    <Card title={`提交审核（第 ${d.workingVersion} 版）`}>
      <ActionForm
        form={form}
        action={action}
        body={(v) => withNote({ version: d.workingVersion }, v.note)}
        submit="提交审核"
      >
        <Form.Item label="提交说明" name="note">
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}

/**
 * 审核 (a second person) or 负责人批准 of the submitted version: pass/approve or return with a
 * reason. What was checked is what gets approved: the form names the version.
 */
export function ReviewDecision({ d, step }: { d: TDisclosureDetail; step: 'check' | 'approval' }) {
  const [form] = Form.useForm<{ outcome?: string; note?: string }>();
  const action = useDisclosureAction(d, form, `/disclosures/{id}/${step}`);
  const yes =
    step === 'check' ? { value: 'pass', label: '审核通过' } : { value: 'approve', label: '批准公示' };
  return (
    <Card
      title={
        step === 'check'
          ? `审核公开文本（第 ${d.workingVersion} 版）`
          : `负责人批准（第 ${d.workingVersion} 版）`
      }
    >
      <ActionForm
        form={form}
        action={action}
        body={(v) => withNote({ version: d.workingVersion, outcome: v.outcome ?? '' }, v.note)}
        submit={verdictSubmit(step)}
      >
        <VerdictFields step={step} yes={yes} back="退回修改" />
      </ActionForm>
    </Card>
  );
}

/**
 * 申请撤下: a published decision is taken down only after its revocation (or confirmation of
 * illegality, or an order to redo it), cited by 文号, date and authority, with an explanation that
 * is published with the notice; checked by another person, approved by the head.
 */
export function WithdrawalRequestForm({ d }: { d: TDisclosureDetail }) {
  const [form] = Form.useForm<{
    reason?: string;
    revokingDocument?: { documentNumber?: string; date?: Dayjs; authority?: string };
    explanation?: string;
  }>();
  const action = useDisclosureAction(d, form, '/disclosures/{id}/withdrawal-requests');
  return (
    <Card title="申请撤下">
      <ActionForm
        form={form}
        action={action}
        body={(v) => ({
          reason: v.reason ?? '',
          revokingDocument: {
            documentNumber: v.revokingDocument?.documentNumber ?? '',
            date: v.revokingDocument?.date ? v.revokingDocument.date.format('YYYY-MM-DD') : '',
            authority: v.revokingDocument?.authority ?? '',
          },
          explanation: v.explanation ?? '',
        })}
        submit="提交撤下申请"
        danger
      >
        <Form.Item label="撤下原因" name="reason" required>
          <Select<string>
            aria-label="撤下原因"
            options={ZWithdrawalReason.options.map((k) => ({ value: k, label: withdrawalReasonLabel[k] }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="撤销或确认文书文号" name={['revokingDocument', 'documentNumber']} required>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item label="文书日期" name={['revokingDocument', 'date']} required>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="作出机关" name={['revokingDocument', 'authority']} required>
            <Input style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item label="撤下说明（随撤下公告公开）" name="explanation" required>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}

/** 申请不予公开: a ground from the closed list and an explanation; checked, then approved. */
export function NonPublicationRequestForm({ d }: { d: TDisclosureDetail }) {
  const [form] = Form.useForm<{ reason?: string; explanation?: string }>();
  const action = useDisclosureAction(d, form, '/disclosures/{id}/non-publication-requests');
  return (
    <Card title="申请不予公开">
      <ActionForm
        form={form}
        action={action}
        body={(v) => ({ reason: v.reason ?? '', explanation: v.explanation ?? '' })}
        submit="提交不予公开申请"
        danger
      >
        <Form.Item label="不予公开的理由" name="reason" required>
          <Select<string>
            aria-label="不予公开的理由"
            options={ZExemptionReason.options.map((k) => ({ value: k, label: exemptionReasonLabel[k] }))}
          />
        </Form.Item>
        <Form.Item label="不予公开说明" name="explanation" required>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}

const reasonText = (r: TOutcomeRequest) =>
  r.kind === 'withdrawal'
    ? ((withdrawalReasonLabel as Record<string, string>)[r.reason] ?? r.reason)
    : ((exemptionReasonLabel as Record<string, string>)[r.reason] ?? r.reason);

/** What a withdrawal or non-publication request says, and who did what with it so far. */
export function OutcomeRequestFacts({ r }: { r: TOutcomeRequest }) {
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="申请">{outcomeKindLabel(r.kind)}</Descriptions.Item>
      <Descriptions.Item label="环节">{outcomeStageLabel(r.stage)}</Descriptions.Item>
      <Descriptions.Item label="理由">{reasonText(r)}</Descriptions.Item>
      <Descriptions.Item label="申请人">
        {r.requestedByName}（{timeOr(r.requestedAt)}）
      </Descriptions.Item>
      {r.revokingDocument ? (
        <Descriptions.Item label="撤销或确认文书" span={2}>
          {r.revokingDocument.authority} {r.revokingDocument.documentNumber}（{dayOr(r.revokingDocument.date)}
          ）
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label="说明" span={2}>
        {r.explanation}
      </Descriptions.Item>
      {r.checkedByName ? (
        <Descriptions.Item label="审核人" span={2}>
          {r.checkedByName}（{timeOr(r.checkedAt)}）{r.checkNote ? `：${r.checkNote}` : ''}
        </Descriptions.Item>
      ) : null}
      {r.decidedByName ? (
        <Descriptions.Item label="负责人" span={2}>
          {r.decidedByName}（{timeOr(r.decidedAt)}）{r.decisionNote ? `：${r.decisionNote}` : ''}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 审核 or 负责人批准 of an open withdrawal / non-publication request. */
export function OutcomeDecision({
  d,
  r,
  canCheck,
  canApprove,
}: {
  d: TDisclosureDetail;
  r: TOutcomeRequest;
  canCheck: boolean;
  canApprove: boolean;
}) {
  const step = r.stage === 'awaitingCheck' ? 'check' : 'approval';
  const [form] = Form.useForm<{ outcome?: string; note?: string }>();
  const action = useDisclosureAction(d, form, `/disclosures/{id}/outcome-requests/{requestId}/${step}`, r.id);
  const allowed = step === 'check' ? canCheck : canApprove;
  const yes =
    step === 'check'
      ? { value: 'pass', label: '审核通过' }
      : { value: 'approve', label: r.kind === 'withdrawal' ? '批准撤下' : '批准不予公开' };
  return (
    <Card title={`${outcomeKindLabel(r.kind)}申请 · ${outcomeStageLabel(r.stage)}`}>
      <OutcomeRequestFacts r={r} />
      {allowed ? (
        <ActionForm
          form={form}
          action={action}
          body={(v) => withNote({ outcome: v.outcome ?? '' }, v.note)}
          submit={verdictSubmit(step)}
          style={{ marginTop: 16 }}
        >
          <VerdictFields step={step} yes={yes} back="退回" />
        </ActionForm>
      ) : (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={
            step === 'check' ? '等待审核（公示工作人员或法制审核人员，不能是申请人）' : '等待负责人批准'
          }
        />
      )}
    </Card>
  );
}
