import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag } from 'antd';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { inspectionApi } from '../api/clients';
import { newIdempotencyKey, problemText, unwrap } from '../api/problem';
import { Page } from '../components/page';
import { useSession } from '../components/session-context';
import { formatDateShort, formatDateTime, orDash } from '../format/time';
import type { paths } from '../generated/api/inspection';

type TResults = paths['/tasks/{taskId}/results']['get']['responses'][200]['content']['application/json'];
type TObject = TResults['objects'][number];

const timeOr = orDash(formatDateTime);
const statusColor = { open: 'orange', checked: 'gold', approved: 'blue', published: 'green' } as const;

/** One step (核对 or 审批) with its own idempotency key: a retry after a network failure repeats nothing. */
function useStep(taskId: string, step: 'check' | 'approval') {
  const key = useRef(newIdempotencyKey());
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const init = { params: { path: { taskId } }, headers: { 'idempotency-key': key.current } };
      return unwrap(
        step === 'check'
          ? await inspectionApi.POST('/tasks/{taskId}/results/check', init)
          : await inspectionApi.POST('/tasks/{taskId}/results/approval', init),
      );
    },
    onSuccess: async () => {
      key.current = newIdempotencyKey();
      await queryClient.invalidateQueries({ queryKey: ['inspection-results', taskId] });
    },
  });
}

/**
 * 抽查结果 of one task (000 §17; 审核办法 §3): every drawn object's result, the 20-working-day due
 * date, then 核对 by the disclosure office and 审批 by a head — neither one of the task's inspectors,
 * nor the checker approving (the service refuses with the rule named). Once approved, the task's
 * workflow publishes the results on the public platform.
 */
export default function InspectionTaskPage() {
  const { taskId = '' } = useParams();
  const { user } = useSession();
  const task = useQuery({
    queryKey: ['inspection-task', taskId],
    queryFn: async () => unwrap(await inspectionApi.GET('/tasks/{taskId}', { params: { path: { taskId } } })),
  });
  const results = useQuery({
    queryKey: ['inspection-results', taskId],
    queryFn: async () =>
      unwrap(await inspectionApi.GET('/tasks/{taskId}/results', { params: { path: { taskId } } })),
  });
  const check = useStep(taskId, 'check');
  const approve = useStep(taskId, 'approval');
  const pub = results.data?.publication;
  const pending = (results.data?.objects ?? []).filter((o) => !o.result).length;
  const failed = check.error ?? approve.error;
  return (
    <Page
      title={task.data ? `抽查结果：${task.data.name}` : '抽查结果'}
      breadcrumb={{ items: [{ title: <Link to="/inspection">双随机抽查</Link> }, { title: '抽查结果' }] }}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {results.isError ? (
          <Alert type="error" showIcon message="无法读取检查结果" description={problemText(results.error)} />
        ) : null}
        {failed ? <Alert role="alert" type="error" showIcon message={problemText(failed)} /> : null}
        {pub ? (
          <Card
            title={<h2 style={{ margin: 0, font: 'inherit' }}>公示进度</h2>}
            extra={<Tag color={statusColor[pub.status]}>{pub.statusLabel}</Tag>}
          >
            <Descriptions column={2} size="small">
              <Descriptions.Item label="抽查事项">{task.data?.itemName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="检查期间">
                {task.data
                  ? `${formatDateShort(task.data.startDate)} 至 ${formatDateShort(task.data.endDate)}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="公示期限">
                {formatDateShort(results.data!.resultsDueDate)}（{results.data!.dueRule}）
              </Descriptions.Item>
              <Descriptions.Item label="未登记结果">{pending} 个对象</Descriptions.Item>
              <Descriptions.Item label="核对">
                {pub.checkedByName ? `${pub.checkedByName}，${timeOr(pub.checkedAt)}` : '未核对'}
              </Descriptions.Item>
              <Descriptions.Item label="审批">
                {pub.approvedByName ? `${pub.approvedByName}，${timeOr(pub.approvedAt)}` : '未审批'}
              </Descriptions.Item>
              <Descriptions.Item label="公示时间">{timeOr(pub.publishedAt)}</Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 16 }}>
              {user.roles.includes('discloser') && pub.status === 'open' ? (
                <Popconfirm
                  title="核对全部检查结果？"
                  description="核对后由负责人审批。"
                  okText="核对"
                  cancelText="取消"
                  onConfirm={() => check.mutate()}
                >
                  <Button type="primary" loading={check.isPending} disabled={pending > 0}>
                    核对结果
                  </Button>
                </Popconfirm>
              ) : null}
              {user.roles.includes('head') && pub.status === 'checked' ? (
                <Popconfirm
                  title="审批全部检查结果？"
                  description="审批后由系统公示，公示后结果不能修改。"
                  okText="审批"
                  cancelText="取消"
                  onConfirm={() => approve.mutate()}
                >
                  <Button type="primary" loading={approve.isPending}>
                    审批并公示
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          </Card>
        ) : null}
        <Table<TObject>
          rowKey="objectId"
          loading={results.isPending}
          dataSource={results.data?.objects ?? []}
          pagination={false}
          locale={{ emptyText: '没有抽取的检查对象' }}
          columns={[
            { title: '检查对象', dataIndex: 'objectName' },
            { title: '统一社会信用代码', dataIndex: 'uscc' },
            {
              title: '检查人员',
              key: 'inspectors',
              render: (_, o) => o.inspectors.map((i) => i.name).join('、'),
            },
            {
              title: '检查结果',
              dataIndex: 'resultLabel',
              render: (v: string | null, o) =>
                v ? (
                  <>
                    {v}
                    {o.caseNumber ? <div>案号：{o.caseNumber}</div> : null}
                  </>
                ) : (
                  <Tag color="orange">未登记</Tag>
                ),
            },
            { title: '情况说明', dataIndex: 'note', render: (v: string | null) => v || '—' },
            {
              title: '登记人 / 时间',
              key: 'recorded',
              render: (_, o) => (o.recordedByName ? `${o.recordedByName}，${timeOr(o.recordedAt)}` : '—'),
            },
          ]}
        />
      </Space>
    </Page>
  );
}
