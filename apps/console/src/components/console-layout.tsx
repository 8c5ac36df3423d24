import {
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EditOutlined,
  FileSearchOutlined,
  FolderAddOutlined,
  HeartOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  TeamOutlined,
  GlobalOutlined,
  StopOutlined,
  SearchOutlined,
  UnorderedListOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Result, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { roleLabel } from '../format/labels';
import { notificationsApi } from '../api/clients';
import { fetchSession, signInUrl, signOut } from '../api/session';
import { PageLoading } from './page-loading';
import { SessionContext } from './session-context';

const menuRoutes: { path: string; name: string; icon: ReactNode; roles?: string[] }[] = [
  { path: '/tasks', name: '我的待办', icon: <ScheduleOutlined /> },
  { path: '/approvals', name: '待我审批', icon: <CheckSquareOutlined />, roles: ['head'] },
  { path: '/inbox', name: '消息', icon: <BellOutlined /> },
  { path: '/cases', name: '案件检索', icon: <FileSearchOutlined /> },
  { path: '/cases/new', name: '立案', icon: <FolderAddOutlined /> },
  { path: '/reviews', name: '法制审核队列', icon: <AuditOutlined /> },
  { path: '/board', name: '督办看板', icon: <DashboardOutlined />, roles: ['head', 'reviewer'] },
  { path: '/admin/directory', name: '人员目录', icon: <TeamOutlined />, roles: ['admin', 'head'] },
  { path: '/admin/calendar', name: '节假日日历', icon: <CalendarOutlined />, roles: ['admin'] },
  { path: '/admin/status', name: '系统状态', icon: <HeartOutlined />, roles: ['admin'] },
  {
    path: '/disclosures',
    name: '公示管理',
    icon: <GlobalOutlined />,
    roles: ['discloser', 'reviewer', 'head', 'admin'],
  },
  {
    path: '/correction-requests',
    name: '更正申请',
    icon: <EditOutlined />,
    roles: ['discloser', 'head'],
  },
  {
    path: '/catalogue',
    name: '事前公开目录',
    icon: <UnorderedListOutlined />,
    roles: ['discloser', 'reviewer', 'head', 'admin'],
  },
  {
    path: '/exemptions',
    name: '不予公开清单',
    icon: <StopOutlined />,
    roles: ['discloser', 'reviewer', 'head', 'admin'],
  },
  {
    path: '/publication-completeness',
    name: '公开完整性核查',
    icon: <SafetyCertificateOutlined />,
    roles: ['discloser', 'reviewer', 'head', 'admin'],
  },
  {
    path: '/inspection',
    name: '双随机抽查',
    icon: <SearchOutlined />,
    roles: ['officer', 'discloser', 'head', 'admin'],
  },
  {
    path: '/statistics',
    name: '统计年报',
    icon: <BarChartOutlined />,
    roles: ['discloser', 'reviewer', 'head', 'admin'],
  },
];

/** The menu of the signed-in person: an entry with `roles` shows to those roles only. */
const menuFor = (roles: string[]) => ({
  routes: menuRoutes
    .filter((r) => !r.roles || r.roles.some((x) => roles.includes(x)))
    .map(({ roles: _roles, ...r }) => r),
});

/** The header's bell: unread inbox items (notifications service), linking to 消息. */
function InboxBell() {
  const inbox = useQuery({
    queryKey: ['inbox-unread'],
    queryFn: async () => {
      const { data } = await notificationsApi.GET('/inbox', { params: { query: { limit: 1 } } });
      return data?.unread ?? 0;
    },
    refetchInterval: 60_000,
  });
  const unread = inbox.data ?? 0;
  return (
    <Link to="/inbox" aria-label={unread > 0 ? `${unread} 条未读消息，查看消息` : '没有未读消息，查看消息'}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18, color: 'rgba(0, 0, 0, 0.88)' }} aria-hidden />
      </Badge>
    </Link>
  );
}

/** The frame of every page: the menu, the signed-in person and sign-out. */
export function ConsoleLayout() {
  const location = useLocation();
  const session = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });

  if (session.isPending) return <PageLoading />;
  if (session.isError)
    return (
      <Result
        status="error"
        title="无法连接执法工作台服务"
        subTitle={session.error.message}
        extra={<Button onClick={() => void session.refetch()}>重试</Button>}
      />
    );
  if (!session.data) {
    window.location.assign(signInUrl());
    return <PageLoading />;
  }
  const { user } = session.data;
  return (
    <SessionContext.Provider value={session.data}>
      <ProLayout
        title="执法工作台"
        logo={false}
        layout="mix"
        fixSiderbar
        route={menuFor(user.roles)}
        location={{ pathname: location.pathname === '/' ? '/cases' : location.pathname }}
        menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
        actionsRender={() => [
          <InboxBell key="bell" />,
          <Space key="user" size="small">
            <Typography.Text strong>{user.name}</Typography.Text>
            {user.unitName || user.unit ? (
              <Typography.Text>{user.unitName ?? user.unit}</Typography.Text>
            ) : null}
            {user.roles.map((r) => (
              <Tag key={r} color="blue">
                {roleLabel(r)}
              </Tag>
            ))}
          </Space>,
          <Button key="logout" icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出登录
          </Button>,
        ]}
      >
        <Outlet />
      </ProLayout>
    </SessionContext.Provider>
  );
}
