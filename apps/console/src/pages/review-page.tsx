import { ProDescriptions } from '@ant-design/pro-components';
import { Page } from '../components/page';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Table, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { legalReviewApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { PageLoading } from '../components/page-loading';
import { ReviewActions } from '../components/review-actions';
import { useSession } from '../components/session-context';
import { clockStateLabel, decisionLabel, outcomeLabel, reviewStatusLabel } from '../format/labels';
import { formatDateShort, formatDateTime } from '../format/time';
import { materialKindLabel, reviewPointLabel } from '@sanxiang/shared/src/domain';

/** 审核事项: one review round with its clock, material requests, findings and opinion. */
export default function ReviewPage() {
  const { reviewId = '' } = useParams();
  const { user } = useSession();
  const review = useQuery({
    queryKey: ['review', reviewId],
    queryFn: async () =>
      unwrap(await legalReviewApi.GET('/reviews/{reviewId}', { params: { path: { reviewId } } })),
  });
  if (review.isPending) return <PageLoading />;
  if (review.isError)
    return <Alert type="error" showIcon message="无法读取审核事项" description={problemText(review.error)} />;
  const r = review.data;
  return (
    <Page
      title={`法制审核 · ${r.caseNumber}`}
      subTitle={`第 ${r.round} 轮`}
      tags={
        <>
          <Tag>{reviewStatusLabel(r.status)}</Tag>
          {r.overdue ? <Tag color="red">已逾期</Tag> : null}
        </>
      }
      extra={[
        <Link key="case" to={`/cases/${encodeURIComponent(r.caseNumber)}`}>
          查看案卷
        </Link>,
      ]}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="审核概况">
          <ProDescriptions column={2} dataSource={r}>
            <ProDescriptions.Item label="事由">{r.summary}</ProDescriptions.Item>
            <ProDescriptions.Item label="决定类别">{decisionLabel(r.decisionKind)}</ProDescriptions.Item>
            <ProDescriptions.Item label="承办人">{r.assignee?.name ?? '未分配'}</ProDescriptions.Item>
            <ProDescriptions.Item label="受理时间">{formatDateTime(r.receivedAt)}</ProDescriptions.Item>
            <ProDescriptions.Item label="审核期限">
              {formatDateShort(r.dueDate)}（计时起点 {formatDateTime(r.clockStartAt)}，10 个工作日
              {r.dueProvisional ? '，暂按法定节假日计算（当年调休安排未公布）' : ''}）
            </ProDescriptions.Item>
            <ProDescriptions.Item label="计时">{clockStateLabel(r.clock)}</ProDescriptions.Item>
            <ProDescriptions.Item label="审核意见">
              {r.outcome ? outcomeLabel(r.outcome) : '尚未出具'}
            </ProDescriptions.Item>
          </ProDescriptions>
        </Card>
        {user.roles.includes('reviewer') ? (
          <ReviewActions
            reviewId={r.id}
            status={r.status}
            assigneeId={r.assignee?.id ?? null}
            findings={(r.findings ?? []).map((f) => ({
              point: f.point,
              conclusion: f.conclusion,
              findings: f.findings,
            }))}
          />
        ) : null}
        <RoundsHistory caseNumber={r.caseNumber} current={r.id} />
        <Card title="补充材料">
          {r.materialRequests.length === 0 ? (
            <Empty description="未要求补充材料" />
          ) : (
            <Timeline
              items={r.materialRequests.map((m) => ({
                color: m.receivedAt ? 'green' : m.late ? 'red' : 'blue',
                children: (
                  <>
                    {formatDateTime(m.requestedAt)} {m.requestedBy.name} 要求补充：
                    {m.missing.map((k) => materialKindLabel[k]).join('、')}，期限 {formatDateShort(m.dueDate)}
                    {m.receivedAt ? `；${formatDateTime(m.receivedAt)} 已收到` : '；尚未收到'}
                  </>
                ),
              }))}
            />
          )}
        </Card>
        <Card title="审核要点">
          <Table
            rowKey="point"
            size="small"
            pagination={false}
            dataSource={r.findings ?? []}
            locale={{ emptyText: '尚未记录审核要点' }}
            columns={[
              {
                title: '要点',
                dataIndex: 'point',
                render: (p: keyof typeof reviewPointLabel) => reviewPointLabel[p],
              },
              {
                title: '结论',
                dataIndex: 'conclusion',
                render: (c: string) =>
                  ({ noIssue: '无问题', issueFound: '发现问题', notApplicable: '不适用' })[c] ?? c,
              },
              { title: '说明', dataIndex: 'findings' },
            ]}
          />
        </Card>
        <Card title="异议与协商">
          <List
            dataSource={r.disagreements}
            locale={{ emptyText: '无' }}
            renderItem={(d) => (
              <List.Item>
                {formatDateTime(d.raisedAt)} {d.raisedBy.name}：{d.objection}
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </Page>
  );
}

/** 审核轮次: every round of the case, this one marked. */
function RoundsHistory({ caseNumber, current }: { caseNumber: string; current: string }) {
  const rounds = useQuery({
    queryKey: ['case-rounds', caseNumber],
    queryFn: async () =>
      unwrap(await legalReviewApi.GET('/cases/{caseNumber}/rounds', { params: { path: { caseNumber } } })),
  });
  return (
    <Card title="审核轮次">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={rounds.isPending}
        dataSource={rounds.data?.rounds ?? []}
        locale={{ emptyText: rounds.isError ? problemText(rounds.error) : '无' }}
        columns={[
          {
            title: '轮次',
            key: 'round',
            render: (_, x) =>
              x.id === current ? (
                <strong>第 {x.round} 轮（本轮）</strong>
              ) : (
                <Link to={`/reviews/${x.id}`}>第 {x.round} 轮</Link>
              ),
          },
          { title: '状态', dataIndex: 'status', render: (s: string) => reviewStatusLabel(s) },
          { title: '期限', dataIndex: 'dueDate', render: (d: string) => formatDateShort(d) },
          { title: '意见', dataIndex: 'outcome', render: (o: string | null) => (o ? outcomeLabel(o) : '—') },
        ]}
      />
    </Card>
  );
}
