import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Segmented, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { formatDate, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/notifications';
import { levelColour } from './my-tasks-page';

type TInboxItem = paths['/inbox']['get']['responses'][200]['content']['application/json']['items'][number];
type TStatus = TInboxItem['status'];

const nowrap = { whiteSpace: 'nowrap' } as const;
const statusText: Record<TStatus, string> = { unread: '未读', read: '已读', done: '已办结' };
const emailText: Record<string, string> = {
  pending: '邮件待发送',
  sent: '邮件已发送',
  failed: '邮件发送失败',
  skipped: '未发邮件（无邮箱或已关闭）',
};
const audienceText: Record<string, string> = {
  assignee: '承办',
  unitHead: '机构负责人督办',
  agencyHead: '机关负责人督办',
};

/** 还剩 N 个工作日 / 今日到期 / 已超期 N 个工作日, as the notifications service words it. */
function daysLeft(item: TInboxItem) {
  if (item.workingDaysLeft < 0) return <Tag color="red">{item.workingDaysText}</Tag>;
  if (item.workingDaysLeft <= 1) return <Tag color="volcano">{item.workingDaysText}</Tag>;
  return <Typography.Text>{item.workingDaysText}</Typography.Text>;
}

/**
 * 消息: the signed-in person's inbox from the notifications service (newest first, cursor paging),
 * filtered by state; each item links to its task, and is marked read or done here (both idempotent
 * in the service). The header bell's unread count follows.
 */
export default function InboxPage() {
  const cursors = useRef<(string | undefined)[]>([undefined]);
  const action = useRef<ActionType>(undefined);
  const [status, setStatus] = useState<TStatus | 'all'>('all');
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const mark = async (item: TInboxItem, to: 'read' | 'done') => {
    try {
      const path = to === 'read' ? '/inbox/{id}/read' : '/inbox/{id}/done';
      unwrap(await notificationsApi.POST(path, { params: { path: { id: item.id } } }));
      void message.success(to === 'read' ? '已标为已读' : '已标为已办结');
      await queryClient.invalidateQueries({ queryKey: ['inbox-unread'] });
      cursors.current = [undefined];
      await action.current?.reload(true);
    } catch (err) {
      void message.error(problemText(err));
    }
  };

  const columns: ProColumns<TInboxItem>[] = [
    {
      title: '消息',
      dataIndex: 'title',
      render: (_, item) => (
        <Space direction="vertical" size={2}>
          <span>
            {item.status === 'unread' ? (
              <Tag color="blue" bordered={false}>
                未读
              </Tag>
            ) : null}
            <Link to={item.link}>
              {item.status === 'unread' ? <strong>{item.title}</strong> : item.title}
            </Link>
          </span>
          <Typography.Text>{item.reason}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '级别',
      dataIndex: 'level',
      width: 96,
      render: (_, item) => <Tag color={levelColour(item.level)}>{item.levelLabel}</Tag>,
    },
    {
      title: '期限',
      dataIndex: 'dueDate',
      width: 150,
      render: (_, item) => (
        <Space direction="vertical" size={2}>
          <span style={nowrap} title={`到期时刻 ${formatDateTime(item.dueAt)}（北京时间）`}>
            {formatDate(item.dueDate)}
          </span>
          {daysLeft(item)}
        </Space>
      ),
    },
    {
      title: '收到',
      dataIndex: 'createdAt',
      width: 160,
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          <span>{formatDateTime(item.createdAt)}</span>
          <Typography.Text>
            {audienceText[item.audience] ?? item.audience}
            {item.email ? `；${emailText[item.email.status] ?? item.email.status}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 72,
      render: (_, item) => <span style={nowrap}>{statusText[item.status]}</span>,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 110,
      render: (_, item) => [
        item.status === 'unread' ? (
          <Button key="read" size="small" onClick={() => void mark(item, 'read')}>
            标为已读
          </Button>
        ) : null,
        item.status !== 'done' ? (
          <Button key="done" size="small" onClick={() => void mark(item, 'done')}>
            标为已办结
          </Button>
        ) : null,
      ],
    },
  ];

  return (
    <Page title="消息" content="到期提醒与督办通知，最新的在前；点击标题前往办理。">
      <ProTable<TInboxItem>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={false}
        options={false}
        params={{ status }}
        headerTitle={
          <Segmented<TStatus | 'all'>
            aria-label="按状态筛选"
            value={status}
            onChange={(value) => {
              cursors.current = [undefined];
              setStatus(value);
            }}
            options={[
              { label: '全部', value: 'all' },
              { label: '未读', value: 'unread' },
              { label: '已读', value: 'read' },
              { label: '已办结', value: 'done' },
            ]}
          />
        }
        locale={{ emptyText: '没有消息' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        request={async (params) => {
          const current = params.current ?? 1;
          const query: { limit: number; cursor?: string; status?: TStatus } = {
            limit: params.pageSize ?? 20,
          };
          const cursor = cursors.current[current - 1];
          if (cursor) query.cursor = cursor;
          if (status !== 'all') query.status = status;
          const page = unwrap(await notificationsApi.GET('/inbox', { params: { query } }));
          cursors.current[current] = page.nextCursor ?? undefined;
          const seen = (current - 1) * (params.pageSize ?? 20) + page.items.length;
          return { data: page.items, success: true, total: page.nextCursor ? seen + 1 : seen };
        }}
      />
    </Page>
  );
}
