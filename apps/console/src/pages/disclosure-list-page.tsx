import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tabs, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { unwrap } from '../api/problem';
import { Page } from '../components/page';
import {
  decisionLabel,
  disclosureKindLabel,
  disclosureStageLabel,
  disclosureStatusLabel,
} from '../format/labels';
import { formatDate, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/disclosure';

type TListQuery = NonNullable<paths['/disclosures']['get']['parameters']['query']>;
type TListItem =
  paths['/disclosures']['get']['responses'][200]['content']['application/json']['items'][number];

/** The work lists of disclosure staff and heads; each is one filter of `GET /disclosures`. */
const tabs: { key: string; label: string; query: Partial<TListQuery> }[] = [
  { key: 'drafts', label: '草稿', query: { status: 'draft', reviewStage: 'editing' } },
  { key: 'check', label: '待审核', query: { reviewStage: 'awaitingCheck' } },
  { key: 'approval', label: '待负责人批准', query: { reviewStage: 'awaitingApproval' } },
  { key: 'outcome-check', label: '撤下/不予公开待审核', query: { outcomeStage: 'awaitingCheck' } },
  { key: 'outcome-approval', label: '撤下/不予公开待批准', query: { outcomeStage: 'awaitingApproval' } },
  { key: 'published', label: '已公示', query: { status: 'published' } },
  { key: 'withdrawn', label: '已撤下', query: { status: 'withdrawn' } },
  { key: 'exempt', label: '不予公开', query: { status: 'exempt' } },
];

const stageColor: Record<string, string> = { awaitingCheck: 'orange', awaitingApproval: 'magenta' };

/**
 * 公示管理: drafts, the internal review's two steps, the requests to withdraw or not publish, and
 * the published / withdrawn / exempt records — paged and filtered by the disclosure service (the
 * nearest legal deadline first).
 */
export default function DisclosureListPage() {
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(() => tabs.find((t) => t.key === params.get('tab'))?.key ?? 'drafts');
  const action = useRef<ActionType>(undefined);
  const current = tabs.find((t) => t.key === tab) ?? tabs[0]!;

  const columns: ProColumns<TListItem>[] = [
    {
      title: '公示事项',
      dataIndex: 'title',
      search: false,
      render: (_, row) => <Link to={`/disclosures/${row.id}`}>{row.title}</Link>,
    },
    { title: '案号', dataIndex: 'caseNumber', render: (_, row) => row.caseNumber ?? '—' },
    {
      title: '种类',
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        ['decision', 'catalogueEntry', 'randomInspectionResults', 'creditBlacklist', 'annualStatistics'].map(
          (k) => [k, { text: disclosureKindLabel(k) }],
        ),
      ),
      render: (_, row) =>
        row.kind === 'decision' && row.decisionKind
          ? `${disclosureKindLabel(row.kind)}（${decisionLabel(row.decisionKind)}）`
          : disclosureKindLabel(row.kind),
    },
    {
      title: '状态',
      dataIndex: 'status',
      search: false,
      render: (_, row) => (
        <>
          <Tag>{disclosureStatusLabel(row.status)}</Tag>
          {row.reviewStage && row.reviewStage !== 'editing' ? (
            <Tag color={stageColor[row.reviewStage]}>{disclosureStageLabel(row.reviewStage)}</Tag>
          ) : null}
        </>
      ),
    },
    {
      title: '版本',
      dataIndex: 'workingVersion',
      search: false,
      render: (_, row) => `第 ${row.workingVersion} 版`,
    },
    {
      title: '公示期限',
      dataIndex: 'dueAt',
      search: false,
      render: (_, row) =>
        row.dueAt ? (
          <span title={`${formatDateTime(row.dueAt)}（北京时间）`}>{formatDate(row.dueAt)}</span>
        ) : (
          '—'
        ),
    },
    {
      title: '发布日期',
      dataIndex: 'publishedAt',
      search: false,
      render: (_, row) => (row.publishedAt ? formatDate(row.publishedAt) : '—'),
    },
  ];

  return (
    <Page title="公示管理" content="执法决定的公示草稿、内部审核、负责人批准，以及撤下和不予公开的审批。">
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key);
          setParams({ tab: key }, { replace: true });
          void action.current?.reloadAndRest?.();
        }}
        items={tabs.map((t) => ({ key: t.key, label: t.label }))}
      />
      <ProTable<TListItem>
        rowKey="id"
        actionRef={action}
        columns={columns}
        params={{ tab }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={false}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: `没有${current.label}的公示记录` }}
        request={async (p) => {
          const query: TListQuery = {
            ...current.query,
            page: p.current ?? 1,
            pageSize: p.pageSize ?? 20,
          };
          if (p.caseNumber) query.caseNumber = String(p.caseNumber).trim();
          if (p.kind) query.kind = p.kind as TListQuery['kind'];
          const page = unwrap(await disclosureApi.GET('/disclosures', { params: { query } }));
          return { data: page.items, success: true, total: page.total };
        }}
      />
    </Page>
  );
}
