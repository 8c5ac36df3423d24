import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { sectionLabel } from '../components/catalogue/section-label';
import { Page } from '../components/page';
import { useSession } from '../components/session-context';
import {
  catalogueChangeKindLabel,
  catalogueChangeStatusLabel,
  disclosureStageLabel,
  disclosureStatusLabel,
} from '../format/labels';
import { formatDate, formatDateShort } from '../format/time';
import type { paths } from '../generated/api/disclosure';

type TEntry = paths['/disclosures']['get']['responses'][200]['content']['application/json']['items'][number];
type TChange =
  paths['/catalogue/changes']['get']['responses'][200]['content']['application/json']['items'][number];

const statusOptions = ['draft', 'published', 'withdrawn'] as const;

/** 目录条目: every entry of the pre-disclosure catalogue, filtered by state (the service pages). */
function Entries() {
  const columns: ProColumns<TEntry>[] = [
    {
      title: '条目',
      dataIndex: 'title',
      search: false,
      render: (_, r) => <Link to={`/disclosures/${r.id}`}>{r.title}</Link>,
    },
    {
      title: '目录类别',
      dataIndex: 'catalogueSection',
      search: false,
      render: (_, r) => sectionLabel(r.catalogueSection),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(statusOptions.map((s) => [s, { text: disclosureStatusLabel(s) }])),
      render: (_, r) => (
        <>
          <Tag color={r.status === 'published' ? 'green' : undefined}>{disclosureStatusLabel(r.status)}</Tag>
          {r.reviewStage ? <Tag color="orange">{disclosureStageLabel(r.reviewStage)}</Tag> : null}
        </>
      ),
    },
    {
      title: '版本',
      dataIndex: 'workingVersion',
      search: false,
      render: (_, r) =>
        `第 ${r.workingVersion} 版${r.publishedVersion && r.publishedVersion !== r.workingVersion ? `（已发布第 ${r.publishedVersion} 版）` : ''}`,
    },
    {
      title: '发布日期',
      dataIndex: 'publishedAt',
      search: false,
      render: (_, r) => (r.publishedAt ? formatDateShort(r.publishedAt) : '—'),
    },
  ];
  return (
    <ProTable<TEntry>
      rowKey="id"
      columns={columns}
      search={{ labelWidth: 'auto', defaultCollapsed: false }}
      options={false}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '没有目录条目' }}
      request={async (p) => {
        const status = p.status as (typeof statusOptions)[number] | undefined;
        const page = unwrap(
          await disclosureApi.GET('/disclosures', {
            params: {
              query: {
                kind: 'catalogueEntry',
                ...(status ? { status } : {}),
                page: p.current ?? 1,
                pageSize: p.pageSize ?? 20,
              },
            },
          }),
        );
        return { data: page.items, success: true, total: page.total };
      }}
    />
  );
}

/** 变更登记: changes of law or functions, each with its 20-working-day clock, open ones first. */
function Changes() {
  const changes = useQuery({
    queryKey: ['catalogue-changes'],
    queryFn: async () => unwrap(await disclosureApi.GET('/catalogue/changes')),
  });
  if (changes.isError)
    return (
      <Alert type="error" showIcon message="无法读取目录变更登记" description={problemText(changes.error)} />
    );
  return (
    <Table<TChange>
      rowKey="id"
      loading={changes.isPending}
      dataSource={changes.data?.items ?? []}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{ emptyText: '没有目录变更登记' }}
      columns={[
        {
          title: '变更事项',
          dataIndex: 'title',
          render: (_, c) => <Link to={`/catalogue-changes/${c.id}`}>{c.title}</Link>,
        },
        { title: '类别', dataIndex: 'kind', render: (_, c) => catalogueChangeKindLabel(c.kind) },
        { title: '生效日期', dataIndex: 'effectiveDate', render: (_, c) => formatDate(c.effectiveDate) },
        {
          title: '更新期限',
          dataIndex: 'dueDate',
          render: (_, c) => (
            <>
              {c.dueDate ? formatDateShort(c.dueDate) : '计算中'}
              {c.provisional ? <Tag color="gold">暂定</Tag> : null}
              {c.overdue ? <Tag color="red">已逾期</Tag> : null}
            </>
          ),
        },
        {
          title: '条目更新',
          key: 'entries',
          render: (_, c) =>
            `${c.entries.filter((e) => e.updatedVersion !== null).length} / ${c.entries.length}`,
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (_, c) => (
            <Tag color={c.status === 'completed' ? 'green' : 'orange'}>
              {catalogueChangeStatusLabel(c.status)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

/**
 * 事前公开目录: the entries (drafted, reviewed and published like any disclosure; updated as new
 * versions) and the registered changes of law or functions whose entries must be updated in time.
 */
export default function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [tab, setTab] = useState(params.get('tab') === 'changes' ? 'changes' : 'entries');
  const canDraft = user.roles.includes('discloser');
  const canRegister = user.roles.some((r) => r === 'discloser' || r === 'head');
  return (
    <Page
      title="事前公开目录"
      content="执法主体、职责权限、执法依据、程序、随机抽查事项、救济途径、监督方式、服务指南和裁量基准等目录条目；法律法规立改废或职能调整后，受影响条目须在生效之日起 20 个工作日内更新。"
      extra={
        <Space>
          {canDraft ? (
            <Button type="primary" onClick={() => void navigate('/catalogue/new')}>
              起草目录条目
            </Button>
          ) : null}
          {canRegister ? (
            <Button onClick={() => void navigate('/catalogue-changes/new')}>登记法规或职能变化</Button>
          ) : null}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key);
          setParams({ tab: key }, { replace: true });
        }}
        items={[
          { key: 'entries', label: '目录条目', children: <Entries /> },
          { key: 'changes', label: '变更登记', children: <Changes /> },
        ]}
      />
    </Page>
  );
}
