import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { sectionLabel } from '../components/catalogue/section-label';
import { Page } from '../components/page';
import { PageLoading } from '../components/page-loading';
import {
  catalogueChangeKindLabel,
  catalogueChangeStatusLabel,
  disclosureStageLabel,
  disclosureStatusLabel,
  escalationLevelLabel,
  roleLabel,
} from '../format/labels';
import { formatDate, formatDateTime } from '../format/time';

const levelColor: Record<number, string> = { 0: 'blue', 1: 'red', 2: 'magenta' };

/**
 * 目录变更登记 (the page the catalogue-update clock's reminders and escalations link to): what
 * changed and since when, the affected entries and whether each is updated (a new version
 * published), the due date, and the reminders and escalations so far.
 */
export default function CatalogueChangePage() {
  const { id = '' } = useParams();
  const change = useQuery({
    queryKey: ['catalogue-changes', id],
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/catalogue/changes/{id}', { params: { path: { id } } })),
  });
  if (change.isPending) return <PageLoading />;
  if (change.isError)
    return (
      <Alert type="error" showIcon message="无法读取目录变更登记" description={problemText(change.error)} />
    );
  const c = change.data;
  const updated = c.entries.filter((e) => e.updatedVersion !== null).length;
  return (
    <Page
      title={c.title}
      subTitle="目录变更登记"
      tags={
        <>
          <Tag color={c.status === 'completed' ? 'green' : 'orange'}>
            {catalogueChangeStatusLabel(c.status)}
          </Tag>
          {c.overdue ? <Tag color="red">已逾期</Tag> : null}
        </>
      }
      extra={[
        <Link key="list" to="/catalogue?tab=changes">
          返回变更登记
        </Link>,
      ]}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="变更情况">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="类别">{catalogueChangeKindLabel(c.kind)}</Descriptions.Item>
            <Descriptions.Item label="生效日期">{formatDate(c.effectiveDate)}</Descriptions.Item>
            <Descriptions.Item label="更新期限">
              {c.dueDate ? `${formatDate(c.dueDate)}前（生效之日起 20 个工作日）` : '计时流程计算中'}
              {c.provisional ? '（暂定：当年节假日安排未公布）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatDateTime(c.registeredAt)}</Descriptions.Item>
            <Descriptions.Item label="说明" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
            </Descriptions.Item>
            {c.completedAt ? (
              <Descriptions.Item label="全部更新于" span={2}>
                {formatDateTime(c.completedAt)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card title={`受影响的目录条目（已更新 ${updated} / ${c.entries.length}）`}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="打开条目，修改后保存为新版本并提交审核；新版本经负责人批准发布后，该条目即记为已更新。"
          />
          <Table
            rowKey="disclosureId"
            size="small"
            pagination={false}
            dataSource={c.entries}
            columns={[
              {
                title: '条目',
                dataIndex: 'title',
                render: (_, e) => <Link to={`/disclosures/${e.disclosureId}`}>{e.title}</Link>,
              },
              { title: '目录类别', dataIndex: 'section', render: (_, e) => sectionLabel(e.section) },
              {
                title: '条目状态',
                dataIndex: 'status',
                render: (_, e) => (
                  <>
                    {disclosureStatusLabel(e.status)}
                    {e.reviewStage ? `，${disclosureStageLabel(e.reviewStage)}` : ''}
                  </>
                ),
              },
              {
                title: '是否已更新',
                dataIndex: 'updatedVersion',
                render: (_, e) =>
                  e.updatedVersion !== null ? (
                    <Tag color="green">
                      已更新（第 {e.updatedVersion} 版，{e.updatedAt ? formatDateTime(e.updatedAt) : ''}）
                    </Tag>
                  ) : (
                    <Tag color="orange">未更新</Tag>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="提醒与督办">
          {c.escalations.length === 0 ? (
            <Empty description="尚无提醒或督办" />
          ) : (
            <Timeline
              items={c.escalations.map((e) => ({
                color: e.level === 0 ? 'blue' : 'red',
                children: (
                  <>
                    {formatDateTime(e.at)}{' '}
                    <Tag color={levelColor[e.level]}>{escalationLevelLabel(String(e.level))}</Tag>
                    {e.roles.map(roleLabel).join('、')}：{e.reason}
                  </>
                ),
              }))}
            />
          )}
        </Card>
      </Space>
    </Page>
  );
}
