import { Card, DatePicker, Form, Input, Space, Table, type FormInstance } from 'antd';
import { Select } from './select';
import type { Dayjs } from 'dayjs';
import {
  materialKindLabel,
  reviewOutcomeLabel,
  reviewPointLabel,
  ZReviewOutcome,
  ZReviewPoint,
  ZSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';
import { legalReviewApi } from '../api/clients';
import { unwrap } from '../api/problem';
import { clearFieldErrors } from '../forms/submit-form';
import { useSubmission } from '../forms/use-submission';
import { useSession } from './session-context';
import { SubmissionFooter } from '../forms/submission-footer';

const conclusionLabel: Record<string, string> = {
  noIssue: '无问题',
  issueFound: '发现问题',
  notApplicable: '不适用',
};

/** The review's actions: POST creates (recusal, request, opinion); PUT sets (assignee, findings). */
type TPostPath =
  '/reviews/{reviewId}/recusals' | '/reviews/{reviewId}/material-requests' | '/reviews/{reviewId}/opinion';
type TPutPath = '/reviews/{reviewId}/assignment' | '/reviews/{reviewId}/findings';

/** One action on a review: a small form sent to the legal-review service with its own key. */
function useReviewAction(
  reviewId: string,
  form: ReturnType<typeof Form.useForm>[0],
  action: { post: TPostPath } | { put: TPutPath },
  onDone?: () => void,
) {
  return useSubmission({
    form: form as FormInstance,
    send: async (body: unknown, idempotencyKey: string) => {
      const init = {
        params: { path: { reviewId } },
        body: body as never,
        headers: { 'idempotency-key': idempotencyKey },
      };
      const answer =
        'post' in action
          ? await legalReviewApi.POST(action.post as '/reviews/{reviewId}/recusals', init)
          : await legalReviewApi.PUT(action.put as '/reviews/{reviewId}/assignment', init);
      return unwrap<unknown>(answer);
    },
    // The case's rounds history (review and case pages) shows this round's status and opinion too.
    invalidates: [['review', reviewId], ['reviews'], ['case-rounds']],
    onDone: () => {
      form.resetFields();
      onDone?.();
    },
  });
}

/** 由我承办: a reviewer takes an unassigned review (the office head may assign anyone). */
export function AssignToMe({ reviewId }: { reviewId: string }) {
  const { user } = useSession();
  const [form] = Form.useForm();
  const action = useReviewAction(reviewId, form as FormInstance, { put: '/reviews/{reviewId}/assignment' });
  return (
    <Form
      form={form}
      onFinish={() => action.mutation.mutate({ reviewerId: user.id, reviewerName: user.name })}
    >
      <SubmissionFooter submission={action} label="由我承办" />
    </Form>
  );
}

/** 回避: the reviewer declares a direct interest in the case; the review returns to the queue. */
export function RecusalForm({ reviewId }: { reviewId: string }) {
  const [form] = Form.useForm<{ reason: string }>();
  const action = useReviewAction(reviewId, form as FormInstance, { post: '/reviews/{reviewId}/recusals' });
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={action.edited}
      onFinish={(v) => {
        clearFieldErrors(form);
        action.mutation.mutate({ reason: v.reason ?? '' });
      }}
    >
      <Form.Item label="回避理由（与案件有直接利害关系的情形）" name="reason" required>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <SubmissionFooter submission={action} label="申请回避" kind="danger" />
    </Form>
  );
}

/** 要求补充材料: which materials, by which date (审核办法 §8); the review clock stops until then. */
export function MaterialRequestForm({ reviewId }: { reviewId: string }) {
  const [form] = Form.useForm<{ missing: string[]; dueDate?: Dayjs; note?: string }>();
  const action = useReviewAction(reviewId, form as FormInstance, {
    post: '/reviews/{reviewId}/material-requests',
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={action.edited}
      onFinish={(v) => {
        clearFieldErrors(form);
        action.mutation.mutate({
          missing: v.missing ?? [],
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : '',
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        });
      }}
    >
      <Form.Item label="需补充的材料" name="missing" required>
        <Select
          aria-label="需补充的材料"
          mode="multiple"
          options={ZSubmissionMaterialKind.options.map((k) => ({ value: k, label: materialKindLabel[k] }))}
        />
      </Form.Item>
      <Form.Item label="补充期限" name="dueDate" required>
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <SubmissionFooter submission={action} label="要求补充材料" kind="plain" />
    </Form>
  );
}

interface TFindingRow {
  point: string;
  conclusion?: string;
  findings?: string;
}

/** 审核要点: the nine points of 审核办法 §10, each with a conclusion and what was found. */
export function FindingsForm(props: { reviewId: string; current: TFindingRow[] }) {
  const [form] = Form.useForm<{ rows: TFindingRow[] }>();
  const action = useReviewAction(props.reviewId, form as FormInstance, {
    put: '/reviews/{reviewId}/findings',
  });
  const byPoint = new Map(props.current.map((f) => [f.point, f]));
  const rows = ZReviewPoint.options.map((point) => ({ point, ...byPoint.get(point) }));
  return (
    <Form
      form={form}
      initialValues={{ rows }}
      onValuesChange={action.edited}
      onFinish={(v) => {
        clearFieldErrors(form);
        const findings = (v.rows ?? [])
          .filter((r) => r.conclusion)
          .map((r) => ({ point: r.point, conclusion: r.conclusion, findings: r.findings ?? '' }));
        action.mutation.mutate({ findings });
      }}
    >
      <Table<TFindingRow & { index: number }>
        rowKey="point"
        size="small"
        pagination={false}
        dataSource={rows.map((r, index) => ({ ...r, index }))}
        columns={[
          {
            title: '审核要点',
            dataIndex: 'point',
            width: 260,
            render: (p: keyof typeof reviewPointLabel, r) => (
              <>
                {reviewPointLabel[p]}
                <Form.Item name={['rows', r.index, 'point']} hidden>
                  <Input />
                </Form.Item>
              </>
            ),
          },
          {
            title: '结论',
            key: 'conclusion',
            width: 160,
            render: (_, r) => (
              <Form.Item name={['rows', r.index, 'conclusion']} noStyle>
                <Select
                  aria-label={`${reviewPointLabel[r.point as keyof typeof reviewPointLabel]}的结论`}
                  allowClear
                  style={{ width: 140 }}
                  options={Object.entries(conclusionLabel).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            ),
          },
          {
            title: '审核情况',
            key: 'findings',
            render: (_, r) => (
              <Form.Item name={['rows', r.index, 'findings']} noStyle>
                <Input.TextArea
                  aria-label={`${reviewPointLabel[r.point as keyof typeof reviewPointLabel]}的审核情况`}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <SubmissionFooter submission={action} label="保存审核要点" kind="plain" />
      </div>
    </Form>
  );
}

/** 审核意见: one of the five kinds (审核办法 §12) with the written reasons. */
export function OpinionForm({ reviewId }: { reviewId: string }) {
  const [form] = Form.useForm<{ outcome?: string; reasons?: string }>();
  const action = useReviewAction(reviewId, form as FormInstance, { post: '/reviews/{reviewId}/opinion' });
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={action.edited}
      onFinish={(v) => {
        clearFieldErrors(form);
        action.mutation.mutate({ outcome: v.outcome, reasons: v.reasons ?? '' });
      }}
    >
      <Form.Item label="审核意见" name="outcome" required>
        <Select
          aria-label="审核意见"
          options={ZReviewOutcome.options.map((o) => ({ value: o, label: reviewOutcomeLabel[o] }))}
        />
      </Form.Item>
      <Form.Item label="理由（书面意见）" name="reasons" required>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <SubmissionFooter submission={action} label="出具审核意见" />
    </Form>
  );
}

/** The reviewer's actions on one review, by what its state allows. */
export function ReviewActions(props: {
  reviewId: string;
  status: string;
  assigneeId: string | null;
  findings: TFindingRow[];
}) {
  const { user } = useSession();
  if (props.status === 'issued') return null;
  const mine = props.assigneeId === user.id;
  return (
    <Card title="审核办理">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {!props.assigneeId ? <AssignToMe reviewId={props.reviewId} /> : null}
        {mine ? (
          <>
            <FindingsForm reviewId={props.reviewId} current={props.findings} />
            <MaterialRequestForm reviewId={props.reviewId} />
            <OpinionForm reviewId={props.reviewId} />
          </>
        ) : null}
        <RecusalForm reviewId={props.reviewId} />
      </Space>
    </Card>
  );
}
