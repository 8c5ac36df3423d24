import { Card, Form, Input, InputNumber, Typography } from 'antd';
import { publicDecisionFieldLabel } from '@sanxiang/shared/src/domain';
import { ZDecisionEdit } from '@sanxiang/shared/src/contracts/disclosure-decision';
import { disclosureApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { SubmissionFooter } from '../../forms/submission-footer';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import type { TDisclosureDetail } from './types';

/** The fields a correction may change (the service's `ZDecisionEdit`), in the order people read them. */
const editable = (Object.keys(publicDecisionFieldLabel) as (keyof typeof publicDecisionFieldLabel)[]).filter(
  (f) => f in ZDecisionEdit.shape,
);
const longFields = new Set<string>(['content', 'decision', 'legalBasis', 'performance']);

type TValues = { content?: Record<string, string | number | null | undefined>; note?: string };

/**
 * 更正 of a published decision (003 §(七), 004 §17): the original text of the published version
 * prefilled, only what is changed sent as a new version with the reason; the correction then goes
 * through the same check and approval and is republished on approval. A correction made for a
 * public request (更正申请) carries its id, so that the request can be answered "已更正".
 */
export function CorrectionForm({
  d,
  correctionRequestId,
  onDone,
}: {
  d: TDisclosureDetail;
  correctionRequestId?: string;
  onDone?: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const working = d.versions.find((v) => v.version === d.workingVersion);
  const source = (working?.source ?? {}) as Record<string, unknown>;
  const submission = useSubmission({
    form,
    send: async (body: unknown, key: string) =>
      unwrap(
        await disclosureApi.POST('/disclosures/{id}/versions', {
          params: { path: { id: d.id } },
          headers: { 'idempotency-key': key },
          body: body as never,
        }),
      ),
    invalidates: [['disclosure', d.id], ['disclosures'], ['correction-request']],
    onDone: () => {
      form.resetFields();
      onDone?.();
    },
  });

  const submit = (values: TValues) => {
    clearFieldErrors(form);
    const content: Record<string, unknown> = {};
    for (const f of editable) {
      const v = values.content?.[f];
      const before = source[f];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v === 'string' ? v.trim() !== String(before ?? '').trim() : v !== before)
        content[f] = typeof v === 'string' ? v.trim() : v;
    }
    const parsed = ZDecisionEdit.safeParse(content);
    if (!parsed.success)
      return submission.showError(
        issuesAsProblem(parsed.error.issues.map((i) => ({ ...i, path: ['content', ...i.path] }))),
      );
    if (Object.keys(parsed.data).length === 0)
      return submission.setFormError('没有修改任何内容：请改正不准确的内容后再保存');
    submission.mutation.mutate({
      baseVersion: d.workingVersion,
      content: parsed.data,
      note: values.note?.trim() ?? '',
      ...(correctionRequestId ? { correctionRequestId } : {}),
    });
  };

  return (
    <Card title={`更正公示内容（在第 ${d.workingVersion} 版上修改）`}>
      <Typography.Paragraph>
        改正不准确的内容并写明更正理由，保存为更正版本；更正版本经审核、负责人批准后重新发布，原版本保留在记录中。
      </Typography.Paragraph>
      <Form<TValues>
        form={form}
        layout="vertical"
        initialValues={{ content: Object.fromEntries(editable.map((f) => [f, source[f] ?? undefined])) }}
        onValuesChange={submission.edited}
        onFinish={submit}
      >
        {editable.map((f) => (
          <Form.Item key={f} label={publicDecisionFieldLabel[f]} name={['content', f]}>
            {f === 'fineAmountYuan' ? (
              <InputNumber<number> min={0} style={{ width: 220 }} />
            ) : longFields.has(f) ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
        <Form.Item label="更正理由" name="note" required>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <SubmissionFooter submission={submission} label="保存更正版本" retryLabel="重新保存" />
      </Form>
    </Card>
  );
}
