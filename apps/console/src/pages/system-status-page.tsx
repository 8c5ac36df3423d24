import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { z } from 'zod';
import { ProblemError, isProblem, problemText } from '../api/problem';
import { Page } from '../components/page';
import { formatDateTime } from '../format/time';

// The console server's own answer (apps/console/server/system-status.ts), checked as it arrives.
const ZComponent = z.object({
  name: z.string(),
  state: z.enum(['ready', 'notReady', 'unreachable']),
  httpStatus: z.number().nullable(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })),
  error: z.string().nullable(),
  elapsedMs: z.number(),
});
const ZStatus = z.object({ checkedAt: z.string(), components: z.array(ZComponent) });
type TComponent = z.infer<typeof ZComponent>;

const componentName: Record<string, string> = {
  console: '执法工作台',
  recording: '执法记录服务',
  'legal-review': '法制审核服务',
  disclosure: '执法公示服务',
  directory: '人员目录服务',
  notifications: '通知与督办服务',
  inspection: '双随机抽查服务',
  identity: '统一身份认证',
};
const checkName: Record<string, string> = {
  database: '数据库',
  db: '数据库',
  postgres: '数据库',
  temporal: '工作流引擎',
  s3: '对象存储',
  objectStore: '对象存储',
  evidenceStore: '证据存储',
  smtp: '邮件服务',
  directory: '人员目录',
};

const stateTag = (c: TComponent) =>
  c.state === 'ready' ? (
    <Tag color="green">正常</Tag>
  ) : c.state === 'notReady' ? (
    <Tag color="red">未就绪（{c.httpStatus}）</Tag>
  ) : (
    <Tag color="red">无法访问</Tag>
  );

const columns: ColumnsType<TComponent> = [
  {
    title: '组件',
    dataIndex: 'name',
    render: (_, c) => (
      <span>
        {componentName[c.name] ?? c.name} <Typography.Text code>{c.name}</Typography.Text>
      </span>
    ),
  },
  { title: '状态', dataIndex: 'state', render: (_, c) => stateTag(c) },
  {
    title: '检查项',
    dataIndex: 'checks',
    render: (_, c) =>
      Object.keys(c.checks).length === 0 ? (
        (c.error ?? '—')
      ) : (
        <Space wrap size={4}>
          {Object.entries(c.checks).map(([name, check]) => (
            <Tag key={name} color={check.ok ? 'green' : 'red'} title={check.error}>
              {checkName[name] ?? name}：{check.ok ? '正常' : `异常 ${check.error ?? ''}`}
            </Tag>
          ))}
        </Space>
      ),
  },
  { title: '耗时', dataIndex: 'elapsedMs', align: 'right', render: (_, c) => `${c.elapsedMs} 毫秒` },
];

/** 系统状态 (admins): each service's `/readyz`, asked by the console server. */
export default function SystemStatusPage() {
  const status = useQuery({
    queryKey: ['system-status'],
    queryFn: async () => {
      const res = await fetch('/api/system/status', { headers: { accept: 'application/json' } });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok)
        throw new ProblemError(
          isProblem(body)
            ? body
            : { title: '请求失败', status: res.status, detail: `服务答复 HTTP ${res.status}` },
        );
      return ZStatus.parse(body);
    },
    refetchInterval: 30_000,
  });
  const down = status.data?.components.filter((c) => c.state !== 'ready') ?? [];
  return (
    <Page
      title="系统状态"
      content="各服务的就绪检查（/readyz），由执法工作台服务器逐一询问；每 30 秒刷新。"
      extra={
        <Button onClick={() => void status.refetch()} loading={status.isFetching}>
          立即刷新
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {status.isError ? (
          <Alert type="error" showIcon message="无法读取系统状态" description={problemText(status.error)} />
        ) : null}
        {status.data ? (
          down.length === 0 ? (
            <Alert type="success" showIcon message={`全部 ${status.data.components.length} 个组件正常`} />
          ) : (
            <Alert
              type="error"
              showIcon
              message={`${down.length} 个组件异常：${down.map((c) => componentName[c.name] ?? c.name).join('、')}`}
            />
          )
        ) : null}
        <Card size="small">
          <Table<TComponent>
            rowKey="name"
            size="small"
            columns={columns}
            dataSource={status.data?.components ?? []}
            loading={status.isPending}
            pagination={false}
          />
          {status.data ? (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              检查时间：{formatDateTime(status.data.checkedAt)}（北京时间）
            </Typography.Paragraph>
          ) : null}
        </Card>
      </Space>
    </Page>
  );
}
