import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Tabs, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { correctionOutcomeLabel, correctionStatusLabel, requesterKindLabel } from '../format/labels';
import { formatDateShort, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/disclosure';

type TQuery = NonNullable<paths['/correction-requests']['get']['parameters']['query']>;
type TItem =
  paths['/correction-requests']['get']['responses'][200]['content']['application/json']['items'][number];

/** The queue's lists; each is one filter of `GET /correction-requests` (earliest deadline first). */
const tabs: { key: string; label: string; query: Partial<TQuery> }[] = [
  { key: 'open', label: '待答复', query: { status: 'open' } },
  { key: 'overdue', label: '已逾期', query: { overdue: 'true' } },
  { key: 'answered', label: '已答复', query: { status: 'answered' } },
  { key: 'all', label: '全部', query: {} },
];

/**
 * 更正申请: what the public asked to correct on the platform (with contact and evidence), open
 * ones first by their handling deadline; paged by the disclosure service.
 */
export default function CorrectionQueuePage() {
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState(() => tabs.find((t) => t.key === params.get('tab'))?.key ?? 'open');
  const [failure, setFailure] = useState<string>();
  const action = useRef<ActionType>(undefined);
  const current = tabs.find((t) => t.key === tab) ?? tabs[0]!;

  const columns: ProColumns<TItem>[] = [
    {
      title: '受理编号',
      dataIndex: 'trackingNumber',
      render: (_, r) => <Link to={`/correction-requests/${r.id}`}>{r.trackingNumber}</Link>,
    },
    {
      title: '所涉公示信息',
      dataIndex: 'documentNumber',
      render: (_, r) => (
        <Link to={`/disclosures/${r.disclosureId}`}>{r.documentNumber ?? r.disclosureTitle}</Link>
      ),
    },
    {
      title: '申请人',
      dataIndex: 'requesterName',
      render: (_, r) => `${r.requesterName}（${requesterKindLabel(r.requesterKind)}）`,
    },
    { title: '申请内容', dataIndex: 'description', ellipsis: true },
    {
      title: '收到时间',
      dataIndex: 'receivedAt',
      render: (_, r) => formatDateTime(r.receivedAt),
    },
    {
      title: '办理期限',
      dataIndex: 'dueDate',
      render: (_, r) => (
        <>
          {formatDateShort(r.dueDate)}
          {r.dueProvisional ? <Tag color="gold">暂定</Tag> : null}
          {r.overdue ? <Tag color="red">已逾期</Tag> : null}
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_, r) => (
        <>
          <Tag color={r.status === 'open' ? 'orange' : 'green'}>{correctionStatusLabel(r.status)}</Tag>
          {r.outcome ? <Tag>{correctionOutcomeLabel(r.outcome)}</Tag> : null}
        </>
      ),
    },
  ];

  return (
    <Page
      title="更正申请"
      content="社会公众对公示信息提出的更正申请：核实后更正并重新发布，或说明理由不予更正，在办理期限内答复。"
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key);
          setParams({ tab: key }, { replace: true });
          void action.current?.reloadAndRest?.();
        }}
        items={tabs.map((t) => ({ key: t.key, label: t.label }))}
      />
      {failure ? (
        <Alert
          type="error"
          showIcon
          message="无法读取更正申请"
          description={failure}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ProTable<TItem>
        rowKey="id"
        actionRef={action}
        columns={columns}
        params={{ tab }}
        search={false}
        options={false}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: `没有${current.label}的更正申请` }}
        request={async (p) => {
          try {
            const page = unwrap(
              await disclosureApi.GET('/correction-requests', {
                params: { query: { ...current.query, page: p.current ?? 1, pageSize: p.pageSize ?? 20 } },
              }),
            );
            setFailure(undefined);
            return { data: page.items, success: true, total: page.total };
          } catch (err) {
            setFailure(problemText(err));
            return { data: [], success: false, total: 0 };
          }
        }}
      />
    </Page>
  );
}
