import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import { CorrectionAnswer } from '../components/corrections/correction-answer';
import { CorrectionForm } from '../components/disclosure/correction-form';
import { Page } from '../components/page';
import { PageLoading } from '../components/page-loading';
import { useSession } from '../components/session-context';
import {
  correctionOutcomeLabel,
  correctionStatusLabel,
  disclosureStageLabel,
  disclosureStatusLabel,
  requesterKindLabel,
} from '../format/labels';
import { formatDate, formatDateTime } from '../format/time';

/**
 * 更正申请: what the requester says is wrong and the evidence, the record it is about, the
 * correction made for it (a new version of the record, reviewed and republished), and the answer.
 */
export default function CorrectionRequestPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const [correcting, setCorrecting] = useState(false);
  const request = useQuery({
    queryKey: ['correction-request', id],
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/correction-requests/{id}', { params: { path: { id } } })),
  });
  const disclosureId = request.data?.disclosureId;
  const record = useQuery({
    queryKey: ['disclosure', disclosureId],
    enabled: Boolean(disclosureId),
    queryFn: async () =>
      unwrap(await disclosureApi.GET('/disclosures/{id}', { params: { path: { id: disclosureId! } } })),
  });

  if (request.isPending) return <PageLoading />;
  if (request.isError)
    return (
      <Alert type="error" showIcon message="无法读取更正申请" description={problemText(request.error)} />
    );
  const r = request.data;
  const d = record.data;
  const mine = d?.versions.filter((v) => v.correctionRequestId === r.id) ?? [];
  const latest = mine.at(-1);
  const republished =
    latest !== undefined && d?.publishedVersion != null && latest.version <= d.publishedVersion;
  const inProgress = latest !== undefined && !republished;
  const canCorrect =
    user.roles.includes('discloser') &&
    r.status === 'open' &&
    d?.kind === 'decision' &&
    d.status === 'published' &&
    d.reviewStage === null;
  const canAnswer = r.status === 'open' && user.roles.some((x) => x === 'discloser' || x === 'head');

  return (
    <Page
      title={`更正申请 ${r.trackingNumber}`}
      tags={
        <>
          <Tag color={r.status === 'open' ? 'orange' : 'green'}>{correctionStatusLabel(r.status)}</Tag>
          {r.overdue ? <Tag color="red">已逾期</Tag> : null}
        </>
      }
      extra={[
        <Link key="queue" to="/correction-requests">
          返回更正申请列表
        </Link>,
      ]}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="申请内容">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="申请人">
              {r.requesterName}（{requesterKindLabel(r.requesterKind)}）
            </Descriptions.Item>
            <Descriptions.Item label="收到时间">{formatDateTime(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{r.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{r.contactEmail ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办理期限" span={2}>
              {formatDate(r.dueDate)}前{r.dueProvisional ? '（暂定：当年节假日安排未公布）' : ''}
              {r.overdue ? <Tag color="red">已逾期</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="哪些信息不准确" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label="证据" span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.evidence}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title="所涉公示信息" extra={<Link to={`/disclosures/${r.disclosureId}`}>打开公示记录</Link>}>
          {record.isError ? (
            <Alert type="error" showIcon message="无法读取公示记录" description={problemText(record.error)} />
          ) : null}
          <Descriptions column={2} size="small">
            <Descriptions.Item label="决定书文号">{r.documentNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="案号">
              {r.caseNumber ? (
                <Link to={`/cases/${encodeURIComponent(r.caseNumber)}`}>{r.caseNumber}</Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="公示事项" span={2}>
              {r.disclosureTitle}
            </Descriptions.Item>
            {d ? (
              <Descriptions.Item label="当前状态" span={2}>
                {disclosureStatusLabel(d.status)}
                {d.reviewStage ? `，${disclosureStageLabel(d.reviewStage)}` : ''}（第 {d.workingVersion} 版
                {d.publishedVersion ? `，已公示第 ${d.publishedVersion} 版` : ''}）
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>

        {mine.length > 0 ? (
          <Card title="针对本申请的更正">
            <Space direction="vertical" style={{ width: '100%' }}>
              {mine.map((v) => (
                <Typography.Text key={v.version}>
                  第 {v.version} 版 · {v.createdByName} · {formatDateTime(v.createdAt)}
                  {v.note ? `：${v.note}` : ''}{' '}
                  {d?.publishedVersion != null && v.version <= d.publishedVersion ? (
                    <Tag color="green">已重新发布</Tag>
                  ) : (
                    <Tag color="orange">
                      {d?.reviewStage ? disclosureStageLabel(d.reviewStage) : '未发布'}
                    </Tag>
                  )}
                </Typography.Text>
              ))}
              {inProgress ? (
                <Alert
                  type="info"
                  showIcon
                  message={
                    <>
                      更正版本须经审核、负责人批准后重新发布：
                      <Link to={`/disclosures/${r.disclosureId}`}>在公示记录页提交审核</Link>
                    </>
                  }
                />
              ) : null}
            </Space>
          </Card>
        ) : null}

        {canCorrect && d && !inProgress ? (
          correcting ? (
            <CorrectionForm d={d} correctionRequestId={r.id} onDone={() => setCorrecting(false)} />
          ) : (
            <Button onClick={() => setCorrecting(true)}>针对本申请更正公示内容</Button>
          )
        ) : null}

        {r.status === 'answered' ? (
          <Card title="答复">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="办理结果">{correctionOutcomeLabel(r.outcome)}</Descriptions.Item>
              <Descriptions.Item label="答复时间">
                {r.answeredAt ? formatDateTime(r.answeredAt) : '—'}
              </Descriptions.Item>
              {r.correctionVersion ? (
                <Descriptions.Item label="更正版本" span={2}>
                  第 {r.correctionVersion} 版
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label="答复内容" span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ) : canAnswer ? (
          <CorrectionAnswer id={r.id} corrected={republished} />
        ) : null}
      </Space>
    </Page>
  );
}
