import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { disclosureApi, recordingApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { useSession } from '../components/session-context';
import { outcomeLabel } from '../format/labels';
import { formatDateShort, formatDateTime } from '../format/time';
import { z } from 'zod';
import type { paths as TRecordingPaths } from '../generated/api/recording';

type TApproval =
  TRecordingPaths['/approvals/mine']['get']['responses'][200]['content']['application/json'][number];
/** The fields of `GET /disclosures` this page reads (the service's OpenAPI gives no answer schema). */
const ZDisclosureList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string().nullable(),
      title: z.string().nullable(),
      dueAt: z.string().nullable(),
    }),
  ),
});
type TDisclosureItem = z.infer<typeof ZDisclosureList>['items'][number];

const stepLabel: Record<string, string> = { collectiveDiscussion: '集体讨论', headApproval: '负责人审批' };

/**
 * 待我审批: what waits for a head — the unit's cases at the decision stage without their
 * collective discussion record or the head's approval (recording service), and the disclosures
 * awaiting a head's approval (disclosure service). Each row links to the page where it is done.
 */
export default function ApprovalsPage() {
  const { user } = useSession();
  const isHead = user.roles.includes('head');
  const cases = useQuery({
    queryKey: ['approvals-mine'],
    enabled: isHead,
    queryFn: async () => unwrap(await recordingApi.GET('/approvals/mine')),
  });
  const disclosures = useQuery({
    queryKey: ['disclosures', 'awaitingApproval'],
    enabled: isHead,
    queryFn: async () =>
      ZDisclosureList.parse(
        unwrap(
          await disclosureApi.GET('/disclosures', {
            params: { query: { reviewStage: 'awaitingApproval', pageSize: 50 } as never },
          }),
        ),
      ),
  });
  if (!isHead)
    return (
      <Page title="待我审批">
        <Alert type="info" showIcon message="待我审批仅对负责人显示" />
      </Page>
    );
  return (
    <Page
      title="待我审批"
      content="本机构进入决定阶段、尚待集体讨论或负责人审批的案件，以及待负责人批准的公示，按等待先后排列。"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={`案件审批（${cases.data?.length ?? 0}）`}>
          <Table<TApproval>
            rowKey="caseNumber"
            size="small"
            pagination={false}
            loading={cases.isPending}
            dataSource={cases.data ?? []}
            locale={{ emptyText: cases.isError ? problemText(cases.error) : '没有待审批的案件' }}
            columns={[
              {
                title: '案号',
                dataIndex: 'caseNumber',
                render: (_, a) => (
                  <Link to={`/cases/${encodeURIComponent(a.caseNumber)}`}>{a.caseNumber}</Link>
                ),
              },
              { title: '案由', dataIndex: 'title', ellipsis: true },
              { title: '当事人', dataIndex: 'partyName' },
              {
                title: '执法人员',
                key: 'officers',
                render: (_, a) => a.officers.map((o) => o.name).join('、'),
              },
              {
                title: '法制审核意见',
                key: 'opinion',
                render: (_, a) =>
                  a.reviewOpinion?.outcome
                    ? `${a.reviewOpinion.round ? `第 ${a.reviewOpinion.round} 轮 ` : ''}${outcomeLabel(a.reviewOpinion.outcome)}`
                    : '—',
              },
              {
                title: '进入决定阶段',
                dataIndex: 'since',
                render: (_, a) => (a.since ? formatDateTime(a.since) : '—'),
              },
              {
                title: '待办理',
                key: 'waitingFor',
                render: (_, a) => (
                  <Space size={4} wrap>
                    {a.waitingFor.map((s) => (
                      <Tag key={s} color="blue">
                        待{stepLabel[s] ?? s}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Card title={`公示审批（${disclosures.data?.items.length ?? 0}）`}>
          <Table<TDisclosureItem>
            rowKey="id"
            size="small"
            pagination={false}
            loading={disclosures.isPending}
            dataSource={disclosures.data?.items ?? []}
            locale={{
              emptyText: disclosures.isError ? problemText(disclosures.error) : '没有待批准的公示',
            }}
            columns={[
              {
                title: '案号',
                key: 'caseNumber',
                render: (_, d) => (
                  <Link to={`/disclosures/${d.id}`}>{d.caseNumber ?? d.title ?? '查看公示'}</Link>
                ),
              },
              { title: '标题', key: 'title', render: (_, d) => d.title ?? '—' },
              {
                title: '公示期限',
                key: 'due',
                render: (_, d) =>
                  d.dueAt ? formatDateShort(d.dueAt) : <Typography.Text type="secondary">—</Typography.Text>,
              },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
