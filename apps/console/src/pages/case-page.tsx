import { ProDescriptions } from '@ant-design/pro-components';
import { Page } from '../components/page';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain/identifiers';
import { legalReviewApi, recordingApi } from '../api/clients';
import { workflowUiUrl } from '../api/session';
import { problemText, unwrap } from '../api/problem';
import { CaseActions } from '../components/case-actions/case-actions';
import { PageLoading } from '../components/page-loading';
import { useSession } from '../components/session-context';
import {
  clockStateLabel,
  outcomeLabel,
  partyLabel,
  recordLabel,
  reviewStatusLabel,
  stageLabel,
} from '../format/labels';
import { formatDateShort, formatDateTime } from '../format/time';

const mediaLabel: Record<string, string> = { audio: '录音', video: '录像', photo: '照片', document: '文书' };

/** 案件: the case file from the recording service and its review rounds from the legal-review service. */
export default function CasePage() {
  const { caseNumber = '' } = useParams();
  const { user, temporalUi } = useSession();
  const caseFile = useQuery({
    queryKey: ['case', caseNumber],
    queryFn: async () =>
      unwrap(await recordingApi.GET('/cases/{caseNumber}', { params: { path: { caseNumber } } })),
  });
  const rounds = useQuery({
    queryKey: ['case-rounds', caseNumber],
    // The service answers 404 both for a case never sent to review and for one the reader may not
    // see (nothing leaks): either way there are no rounds to show, which is not an error.
    queryFn: async () => {
      const answer = await legalReviewApi.GET('/cases/{caseNumber}/rounds', {
        params: { path: { caseNumber } },
      });
      return answer.response.status === 404 ? { caseNumber, rounds: [] } : unwrap(answer);
    },
  });

  if (caseFile.isPending) return <PageLoading />;
  if (caseFile.isError)
    return (
      <Page title={caseNumber}>
        <Alert type="error" showIcon message="无法读取案卷" description={problemText(caseFile.error)} />
      </Page>
    );
  const c = caseFile.data;
  const names = new Map(c.officers.map((o) => [o.userId, o.name]));
  const activityTitle = new Map(c.activities.map((a) => [a.id, a.title]));
  const isHandler = c.officers.some((o) => o.userId === user.id);
  const canAct = !c.closedAt && (isHandler || user.roles.includes('head'));
  const openRound = (rounds.data?.rounds ?? []).filter((r) => r.status !== 'issued').at(-1);
  return (
    <Page
      title={c.caseNumber}
      subTitle={c.title}
      tags={<Tag color="blue">{stageLabel(c.stage)}</Tag>}
      extra={
        temporalUi ? (
          <a
            href={workflowUiUrl(temporalUi, lifecycleWorkflowId(c.caseNumber))}
            target="_blank"
            rel="noreferrer"
          >
            在 Temporal 中查看流程
          </a>
        ) : undefined
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="案件信息">
          <ProDescriptions column={2} dataSource={c}>
            <ProDescriptions.Item label="当事人">
              {c.party.name}（{partyLabel(c.party.kind)}）{c.party.isMinor ? '，未成年人' : ''}
            </ProDescriptions.Item>
            <ProDescriptions.Item label="承办机构">{c.handlingUnit}</ProDescriptions.Item>
            <ProDescriptions.Item label="执法人员">
              {c.officers.map((o) => `${o.name}（执法证 ${o.certificateNumber}）`).join('、')}
            </ProDescriptions.Item>
            <ProDescriptions.Item label="立案">
              {c.openedAt ? formatDateTime(c.openedAt) : '—'}，{c.openedBy.name}
            </ProDescriptions.Item>
            <ProDescriptions.Item label="办理轮次">第 {c.cycle} 次办理</ProDescriptions.Item>
            <ProDescriptions.Item label="案卷状态">
              {c.closedAt ? `已结案（${formatDateShort(c.closedAt)}）` : '办理中'}
            </ProDescriptions.Item>
          </ProDescriptions>
        </Card>

        {canAct ? (
          <CaseActions
            file={c}
            roles={isHandler ? user.roles : user.roles.filter((r) => r !== 'officer')}
            openReviewId={openRound?.id}
            initialTab={!isHandler && user.roles.includes('head') ? 'collectiveDiscussion' : undefined}
          />
        ) : null}

        <Card title="办理阶段">
          <Timeline
            items={[
              {
                color: 'gray',
                children: `${c.openedAt ? formatDateTime(c.openedAt) : ''} 立案，进入${stageLabel('investigation')}`,
              },
              ...c.stageTransitions.map((t) => ({
                color: 'blue',
                children: `${t.at ? formatDateTime(t.at) : ''} ${stageLabel(t.from)} → ${stageLabel(t.to)}${
                  t.round ? `（第 ${t.round} 轮审核）` : ''
                }${t.note ? `：${t.note}` : ''}`,
              })),
            ]}
          />
        </Card>

        <Card title="期限与督办">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={rounds.isPending}
            dataSource={rounds.data?.rounds ?? []}
            locale={{
              emptyText: rounds.isError
                ? problemText(rounds.error)
                : !c.stageTransitions.some((t) => t.to === 'legalReview')
                  ? '尚未送法制审核'
                  : '没有可查看的法制审核记录',
            }}
            columns={[
              {
                title: '法制审核',
                key: 'round',
                render: (_, r) => <Link to={`/reviews/${r.id}`}>第 {r.round} 轮</Link>,
              },
              { title: '状态', dataIndex: 'status', render: (s: string) => reviewStatusLabel(s) },
              {
                title: '期限（10 个工作日）',
                key: 'due',
                render: (_, r) => (
                  <>
                    {formatDateShort(r.dueDate)}
                    <Typography.Text type="secondary">
                      （自 {formatDateShort(r.clockStartAt)} 起算
                      {r.dueProvisional ? '，暂按法定节假日计（当年调休安排未公布）' : ''}）
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: '计时',
                key: 'clock',
                render: (_, r) => (r.overdue ? <Tag color="red">已逾期</Tag> : clockStateLabel(r.clock)),
              },
              {
                title: '意见',
                dataIndex: 'outcome',
                render: (o: string | null) => (o ? outcomeLabel(o) : '—'),
              },
            ]}
          />
          {c.escalations.length > 0 ? (
            <Timeline
              style={{ marginTop: 16 }}
              items={c.escalations.map((e) => ({
                color: e.level >= 2 ? 'red' : 'orange',
                children: `${e.at ? formatDateTime(e.at) : ''} ${e.level >= 2 ? '二级督办' : '一级督办'}：${e.reason}${
                  e.dueAt ? `（期限 ${formatDateShort(e.dueAt)}）` : ''
                }`,
              }))}
            />
          ) : null}
        </Card>

        <Card title={`执法记录（${c.records.length}）`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.records}
            locale={{ emptyText: '尚无记录' }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 64 },
              { title: '记录', dataIndex: 'kind', render: (k: string) => recordLabel(k) },
              {
                title: '执法活动',
                dataIndex: 'activityId',
                render: (id: string | null) => (id ? (activityTitle.get(id) ?? '—') : '—'),
              },
              { title: '记录人', key: 'by', render: (_, r) => r.filedBy.name },
              {
                title: '时间',
                dataIndex: 'filedAt',
                render: (d: string | null) => (d ? formatDateTime(d) : '—'),
              },
            ]}
          />
        </Card>

        <Card title={`证据（${c.evidence.length}）`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.evidence}
            locale={{ emptyText: '尚无证据' }}
            columns={[
              { title: '文件', dataIndex: 'fileName' },
              { title: '类型', dataIndex: 'mediaKind', render: (m: string) => mediaLabel[m] ?? m },
              {
                title: '执法活动',
                dataIndex: 'activityId',
                render: (id: string) => activityTitle.get(id) ?? '—',
              },
              {
                title: '上传人',
                key: 'by',
                render: (_, e) => names.get(e.uploadedBy.id) ?? e.uploadedBy.name,
              },
              {
                title: '上传时间',
                dataIndex: 'uploadedAt',
                render: (d: string | null) => (d ? formatDateTime(d) : '—'),
              },
              {
                title: '防篡改',
                key: 'lock',
                render: (_, e) =>
                  e.retention.locked ? (
                    <Tag color="green">
                      已锁定至 {e.retention.retainUntil ? formatDateShort(e.retention.retainUntil) : '—'}
                    </Tag>
                  ) : (
                    <Tag color="gold">锁定中</Tag>
                  ),
              },
            ]}
          />
        </Card>
      </Space>
    </Page>
  );
}
