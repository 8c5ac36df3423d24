import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Form, Space, Typography } from 'antd';
import { Select } from '../select';
import { ZSubmissionMaterial, type TSubmissionMaterial } from '@sanxiang/shared/src/contracts';
import { materialKindLabel, type TSubmissionMaterialKind } from '@sanxiang/shared/src/domain';
import { legalReviewApi } from '../../api/clients';
import { problemText, unwrap } from '../../api/problem';
import { formatDateShort, formatDateTime } from '../../format/time';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { candidates, type TCaseDocument } from './proposal-form';
import { SubmissionFooter } from '../../forms/submission-footer';

/**
 * 补充材料: the legal-review office's open requests of this case's current round, each answered by
 * choosing, for every kind asked for, a record or evidence file of the case.
 */
export function MaterialAnswers(props: {
  caseNumber: string;
  reviewId?: string;
  documents: TCaseDocument[];
}) {
  const review = useQuery({
    queryKey: ['review', props.reviewId],
    enabled: Boolean(props.reviewId),
    queryFn: async () =>
      unwrap(
        await legalReviewApi.GET('/reviews/{reviewId}', { params: { path: { reviewId: props.reviewId! } } }),
      ),
  });
  if (!props.reviewId) return <Empty description="本案尚未送法制审核" />;
  if (review.isError) return <Alert type="error" showIcon message={problemText(review.error)} />;
  const open = (review.data?.materialRequests ?? []).filter((m) => !m.receivedAt);
  if (open.length === 0) return <Empty description="法制审核机构没有待补充的材料" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {open.map((m) => (
        <AnswerOne
          key={m.id}
          caseNumber={props.caseNumber}
          reviewId={props.reviewId!}
          request={m}
          documents={props.documents}
        />
      ))}
    </Space>
  );
}

function AnswerOne(props: {
  caseNumber: string;
  reviewId: string;
  request: {
    id: string;
    missing: string[];
    note: string | null;
    requestedAt: string;
    dueDate: string;
    requestedBy: { name: string };
  };
  documents: TCaseDocument[];
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const submission = useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await legalReviewApi.POST('/reviews/{reviewId}/material-requests/{requestId}/receipt', {
          params: { path: { reviewId: props.reviewId, requestId: props.request.id } },
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    invalidates: [
      ['review', props.reviewId],
      ['case', props.caseNumber],
      ['case-rounds', props.caseNumber],
    ],
  });
  const labels = new Map(props.documents.map((d) => [d.value, d.label]));
  const submit = (values: Record<string, string>) => {
    clearFieldErrors(form);
    const materials: TSubmissionMaterial[] = [];
    for (const [i, kind] of props.request.missing.entries()) {
      const parsed = ZSubmissionMaterial.safeParse({
        kind,
        documentId: values[kind],
        title: labels.get(values[kind] ?? '') ?? materialKindLabel[kind as TSubmissionMaterialKind],
      });
      if (!parsed.success)
        return submission.showError(issuesAsProblem(parsed.error.issues, `body.materials.${i}`));
      materials.push(parsed.data);
    }
    submission.mutation.mutate({ materials });
  };
  return (
    <Card
      size="small"
      title={`${props.request.requestedBy.name} ${formatDateTime(props.request.requestedAt)} 要求补充`}
      extra={<Typography.Text type="danger">期限 {formatDateShort(props.request.dueDate)}</Typography.Text>}
    >
      {props.request.note ? <Typography.Paragraph>{props.request.note}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={submission.edited}>
        {props.request.missing.map((kind) => (
          <Form.Item
            key={kind}
            label={materialKindLabel[kind as TSubmissionMaterialKind]}
            name={kind}
            required
          >
            <Select
              aria-label={materialKindLabel[kind as TSubmissionMaterialKind]}
              options={candidates(kind as TSubmissionMaterialKind, props.documents).map((d) => ({
                value: d.value,
                label: d.label,
              }))}
            />
          </Form.Item>
        ))}
        <SubmissionFooter submission={submission} label="提交补充材料" />
      </Form>
    </Card>
  );
}
