import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../api/clients';
import { unwrap } from '../api/problem';
import { Page } from '../components/page';
import { formatDate, formatDateTime } from '../format/time';
import type { paths } from '../generated/api/notifications';

type TTask = paths['/tasks/mine']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * The escalation level's colour: nothing fired, reminded, escalated (overdue), escalated again.
 * Colours whose text keeps a 4.5:1 contrast on their tag (axe color-contrast).
 */
export function levelColour(level: number): string | undefined {
  if (level >= 2) return 'magenta';
  if (level === 1) return 'red';
  if (level === 0) return 'blue';
  return undefined;
}

/** 还剩 N 个工作日 / 今日到期 / 已超期 N 个工作日, as the notifications service words it. */
function daysLeft(task: TTask) {
  if (task.overdue || task.workingDaysLeft < 0) return <Tag color="red">{task.workingDaysText}</Tag>;
  if (task.workingDaysLeft <= 1) return <Tag color="volcano">{task.workingDaysText}</Tag>;
  return <Typography.Text>{task.workingDaysText}</Typography.Text>;
}

const columns: ProColumns<TTask>[] = [
  {
    title: '事项',
    dataIndex: 'title',
    render: (_, t) => (
      <span>
        <Tag>{t.kindLabel}</Tag>
        {t.title}
      </span>
    ),
  },
  {
    title: '案号',
    dataIndex: 'caseNumber',
    render: (_, t) => <Link to={t.link}>{t.caseNumber ?? '查看'}</Link>,
  },
  {
    title: '期限',
    dataIndex: 'dueDate',
    render: (_, t) => (
      <span title={`到期时刻 ${formatDateTime(t.dueAt)}（北京时间）`}>{formatDate(t.dueDate)}</span>
    ),
  },
  { title: '剩余', dataIndex: 'workingDaysLeft', render: (_, t) => daysLeft(t) },
  {
    title: '督办等级',
    dataIndex: 'level',
    render: (_, t) => <Tag color={levelColour(t.level)}>{t.levelLabel}</Tag>,
  },
  { title: '状态', dataIndex: 'stateLabel' },
  {
    title: '身份',
    dataIndex: 'role',
    render: (_, t) => (t.role === 'supervisor' ? '督办' : '承办'),
  },
];

/**
 * 我的待办: the running and paused deadlines the signed-in person works on or supervises, from the
 * notifications service's tasks read model, most urgent (earliest due) first, each linking to its
 * case. Cursor paging as the review queue.
 */
export default function MyTasksPage() {
  const cursors = useRef<(string | undefined)[]>([undefined]);
  return (
    <Page
      title="我的待办"
      content="本人承办或督办的期限，最紧急的在前；期限与剩余工作日按北京时间和工作日历计算。"
    >
      <ProTable<TTask>
        rowKey="clockKey"
        columns={columns}
        search={false}
        options={false}
        locale={{ emptyText: '没有待办事项' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        request={async (params) => {
          const current = params.current ?? 1;
          const query: { limit: number; cursor?: string } = { limit: params.pageSize ?? 20 };
          const cursor = cursors.current[current - 1];
          if (cursor) query.cursor = cursor;
          const page = unwrap(await notificationsApi.GET('/tasks/mine', { params: { query } }));
          cursors.current[current] = page.nextCursor ?? undefined;
          const seen = (current - 1) * (params.pageSize ?? 20) + page.items.length;
          return { data: page.items, success: true, total: page.nextCursor ? seen + 1 : seen };
        }}
      />
    </Page>
  );
}
