import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { inspectionApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { formatDateShort } from '../format/time';
import type { paths } from '../generated/api/inspection';

type TTask = paths['/plans/{planId}/tasks']['get']['responses'][200]['content']['application/json'][number];

/**
 * 双随机抽查 (#15): the plans and their tasks; a published task opens its results page, where the
 * disclosure office checks (核对) and a head approves (审批) the results before the task's workflow
 * publishes them (20 working days from the end of the inspection).
 */
export default function InspectionPage() {
  const plans = useQuery({
    queryKey: ['inspection-plans'],
    queryFn: async () => unwrap(await inspectionApi.GET('/plans')),
  });
  const tasks = useQueries({
    queries: (plans.data ?? []).map((p) => ({
      queryKey: ['inspection-plan-tasks', p.id],
      queryFn: async () =>
        unwrap(await inspectionApi.GET('/plans/{planId}/tasks', { params: { path: { planId: p.id } } })),
    })),
  });
  return (
    <Page
      title="双随机抽查"
      content="抽查计划与任务；已公布的任务在此核对、审批检查结果，审批后由系统按期公示。"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {plans.isError ? (
          <Alert type="error" showIcon message="无法读取抽查计划" description={problemText(plans.error)} />
        ) : null}
        {(plans.data ?? []).length === 0 && plans.isSuccess ? (
          <Alert type="info" message="还没有抽查计划" />
        ) : null}
        {(plans.data ?? []).map((p, i) => (
          <Card
            key={p.id}
            title={
              <h2 style={{ margin: 0, font: 'inherit' }}>
                {p.name}（{p.year} 年度）
              </h2>
            }
            extra={<Tag color={p.status === 'published' ? 'green' : 'default'}>{p.statusLabel}</Tag>}
          >
            <Table<TTask>
              rowKey="id"
              size="small"
              pagination={false}
              loading={tasks[i]?.isPending}
              dataSource={tasks[i]?.data ?? []}
              locale={{ emptyText: '没有抽查任务' }}
              columns={[
                {
                  title: '抽查任务',
                  dataIndex: 'name',
                  render: (v: string, t) =>
                    t.status === 'published' ? <Link to={`/inspection/tasks/${t.id}`}>{v}</Link> : v,
                },
                { title: '抽查事项', dataIndex: 'itemName' },
                {
                  title: '检查期间',
                  key: 'window',
                  render: (_, t) => `${formatDateShort(t.startDate)} 至 ${formatDateShort(t.endDate)}`,
                },
                { title: '状态', dataIndex: 'statusLabel' },
              ]}
            />
          </Card>
        ))}
      </Space>
    </Page>
  );
}
