import { AuditOutlined, FileSearchOutlined, FolderAddOutlined, LogoutOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Space, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { roleLabel } from '../format/labels';
import { fetchSession, signInUrl, signOut } from '../api/session';
import { PageLoading } from './page-loading';
import { SessionContext } from './session-context';

const menu = {
  routes: [
    { path: '/cases', name: '案件检索', icon: <FileSearchOutlined /> },
    { path: '/cases/new', name: '立案', icon: <FolderAddOutlined /> },
    { path: '/reviews', name: '法制审核队列', icon: <AuditOutlined /> },
  ],
};

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
        route={menu}
        location={{ pathname: location.pathname === '/' ? '/cases' : location.pathname }}
        menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
        actionsRender={() => [
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
