import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Page } from '../components/page';
import { Alert, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { legalReviewApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { clockStateLabel, decisionLabel, reviewStatusLabel } from '../format/labels';
import { formatDateShort, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/legal-review';

type TQueueQuery = NonNullable<paths['/reviews']['get']['parameters']['query']>;
type TQueueItem = paths['/reviews']['get']['responses'][200]['content']['application/json']['items'][number];

const statusOptions = ['pending', 'inReview', 'awaitingMaterials', 'issued'] as const;

/**
 * 法制审核队列: filtered and paged by the legal-review service (cursor paging; the service sorts
 * by due date, earliest first). The table remembers the cursor of each page it has seen.
 */
export default function ReviewQueuePage() {
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const action = useRef<ActionType>(undefined);
  // A refused or failed request is said in words above the table, never as an empty table.
  const [failure, setFailure] = useState<string>();

  const columns: ProColumns<TQueueItem>[] = [
    {
      title: '案号',
      dataIndex: 'caseNumber',
      render: (_, row) => <Link to={`/reviews/${row.id}`}>{row.caseNumber}</Link>,
    },
    { title: '事由', dataIndex: 'summary', search: false, ellipsis: true },
    {
      title: '决定类别',
      dataIndex: 'decisionKind',
      search: false,
      render: (_, r) => decisionLabel(r.decisionKind),
    },
    { title: '轮次', dataIndex: 'round', search: false, render: (_, r) => `第 ${r.round} 轮` },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      fieldProps: { mode: 'multiple' },
      valueEnum: Object.fromEntries(statusOptions.map((s) => [s, { text: reviewStatusLabel(s) }])),
      render: (_, r) => <Tag>{reviewStatusLabel(r.status)}</Tag>,
    },
    {
      title: '承办人',
      dataIndex: 'assignee',
      search: false,
      render: (_, r) => r.assignee?.name ?? <Typography.Text type="warning">未分配</Typography.Text>,
    },
    {
      title: '审核期限',
      dataIndex: 'dueAt',
      search: false,
      render: (_, r) => (
        <span title={`到期时刻 ${formatDateTime(r.dueAt)}（北京时间）`}>
          {formatDateShort(r.dueDate)}
          {r.dueProvisional ? <Tag color="gold">暂定</Tag> : null}
        </span>
      ),
    },
    {
      title: '计时',
      dataIndex: 'clock',
      search: false,
      render: (_, r) =>
        r.overdue ? <Tag color="red">已逾期</Tag> : <Tag color="green">{clockStateLabel(r.clock)}</Tag>,
    },
    {
      title: '仅看逾期',
      dataIndex: 'overdue',
      valueType: 'switch',
      hideInTable: true,
    },
    {
      title: '仅看未分配',
      dataIndex: 'unassigned',
      valueType: 'switch',
      hideInTable: true,
    },
  ];

  return (
    <Page title="法制审核队列" content="按审核期限由近到远排列；筛选与分页由法制审核服务完成。">
      {failure ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          message="无法读取审核队列"
          description={failure}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ProTable<TQueueItem>
        rowKey="id"
        locale={{ emptyText: failure ? '审核队列读取失败' : '没有符合条件的审核事项' }}
        actionRef={action}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={false}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onSubmit={() => {
          cursors.current = [undefined];
        }}
        onReset={() => {
          cursors.current = [undefined];
        }}
        request={async (params) => {
          const current = params.current ?? 1;
          const query: TQueueQuery = { limit: params.pageSize ?? 20 };
          const cursor = cursors.current[current - 1];
          if (cursor) query.cursor = cursor;
          if (params.caseNumber) query.caseNumber = String(params.caseNumber).trim();
          if (Array.isArray(params.status) && params.status.length > 0) query.status = params.status;
          if (params.overdue) query.overdue = 'true';
          if (params.unassigned) query.unassigned = 'true';
          let page;
          try {
            page = unwrap(await legalReviewApi.GET('/reviews', { params: { query } }));
          } catch (err) {
            setFailure(problemText(err));
            return { data: [], success: false, total: 0 };
          }
          setFailure(undefined);
          cursors.current[current] = page.nextCursor ?? undefined;
          // Cursor paging has no total: offer one more page while the service says there is one.
          const seen = (current - 1) * (params.pageSize ?? 20) + page.items.length;
          return { data: page.items, success: true, total: page.nextCursor ? seen + 1 : seen };
        }}
      />
    </Page>
  );
}
