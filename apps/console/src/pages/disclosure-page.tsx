import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Timeline } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  exemptionReasonLabel,
  fieldLabelOf,
  valueLabel,
  withdrawalReasonLabel,
} from '@sanxiang/shared/src/domain';
import { CatalogueEntryForm, catalogueFieldOrder } from '../components/catalogue/catalogue-entry-form';
import { sectionLabel } from '../components/catalogue/section-label';
import { CorrectionForm } from '../components/disclosure/correction-form';
import { disclosureApi } from '../api/clients';
import { problemText, unwrap } from '../api/problem';
import {
  NonPublicationRequestForm,
  OutcomeDecision,
  OutcomeRequestFacts,
  ReviewDecision,
  SubmitForReview,
  WithdrawalRequestForm,
} from '../components/disclosure/disclosure-actions';
import { RedactionEditor } from '../components/disclosure/redaction-editor';
import type { TDisclosureDetail } from '../components/disclosure/types';
import { Page } from '../components/page';
import { PageLoading } from '../components/page-loading';
import { useSession } from '../components/session-context';
import {
  decisionLabel,
  disclosureKindLabel,
  disclosureStageLabel,
  disclosureStatusLabel,
  reviewActionLabel,
  versionPurposeLabel,
} from '../format/labels';
import { formatDate, formatDateShort, formatDateTime, orDash } from '../format/time';

const timeOr = orDash(formatDateTime);
const dayOr = orDash(formatDateShort);

const label = (labels: Record<string, string>, value: string | null | undefined) =>
  value ? (labels[value] ?? value) : '—';

/**
 * The record's page on the public platform, once the public can see it (a withdrawn decision's page
 * shows the withdrawal notice); absent when the console is not told the platform's address.
 */
function publicPageUrl(base: string | undefined, d: TDisclosureDetail): string | undefined {
  if (!base || d.publishedVersion === null) return undefined;
  if (d.kind === 'decision')
    return d.status === 'published' || d.status === 'withdrawn'
      ? `${base}/public/decisions/${d.id}`
      : undefined;
  if (d.status !== 'published') return undefined;
  return d.kind === 'catalogueEntry' ? `${base}/public/catalogue/${d.id}` : `${base}/public/reports/${d.id}`;
}

/** A catalogue entry's fields in the order of its form (the schema's), the section first. */
function contentEntries(d: TDisclosureDetail, content: Record<string, unknown>): [string, unknown][] {
  const order =
    d.kind === 'catalogueEntry' ? ['section', ...catalogueFieldOrder(String(content.section))] : [];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(content).sort(([a], [b]) => rank(a) - rank(b));
}

/** A value of a catalogue entry or report as people read it: code values in words, lists one a line. */
function ContentValue({ field, value }: { field: string; value: unknown }): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'section') return sectionLabel(String(value));
  if (typeof value === 'string')
    return valueLabel[field]?.[value] ?? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return (
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {value.map((item, i) => (
          <li key={i}>
            <ContentValue field={field} value={item} />
          </li>
        ))}
      </ol>
    );
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${fieldLabelOf(['body', k])}：${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('；');
}

/**
 * 修改目录条目 / 更正公示内容: a catalogue entry being drafted or published gets a new version of
 * its whole text; a published decision a correction (only the changed fields, with the reason).
 */
function EditCard({ d }: { d: TDisclosureDetail }) {
  const [open, setOpen] = useState(false);
  const working = d.versions.find((v) => v.version === d.workingVersion);
  const isEntry = d.kind === 'catalogueEntry';
  const label = isEntry
    ? d.status === 'published'
      ? '更新目录条目（保存为新版本，审核批准后重新发布）'
      : '修改目录条目'
    : '更正公示内容';
  if (!open) return <Button onClick={() => setOpen(true)}>{label}</Button>;
  if (!isEntry) return <CorrectionForm d={d} onDone={() => setOpen(false)} />;
  return (
    <Card title={label}>
      <CatalogueEntryForm
        mode="revise"
        id={d.id}
        baseVersion={d.workingVersion}
        source={(working?.source ?? {}) as Record<string, unknown>}
        onDone={() => setOpen(false)}
      />
    </Card>
  );
}

/** Which actions the signed-in person may take here; the service decides (and refuses) anyway. */
function Actions({ d, user }: { d: TDisclosureDetail; user: { id: string; roles: string[] } }) {
  const has = (...names: string[]) => names.some((n) => user.roles.includes(n));
  const canEdit = has('discloser');
  // Four eyes: whoever wrote or submitted the version under review does not check it.
  const version = d.versions.find((v) => v.version === d.workingVersion);
  const submitter = [...d.reviewSteps]
    .reverse()
    .find((s) => s.action === 'submit' && s.version === d.workingVersion);
  const ownVersion = version?.createdBy === user.id || submitter?.actorId === user.id;
  const canCheck = has('reviewer', 'discloser') && !ownVersion;
  const canApprove = has('head');
  const canRequest = has('discloser', 'head');
  const open = d.outcomeRequests.find((r) => r.stage === 'awaitingCheck' || r.stage === 'awaitingApproval');
  const cards = [];

  if (open)
    cards.push(
      <OutcomeDecision
        key="outcome"
        d={d}
        r={open}
        canCheck={has('reviewer', 'discloser') && open.requestedBy !== user.id}
        canApprove={canApprove && open.requestedBy !== user.id && open.checkedBy !== user.id}
      />,
    );
  const published = d.status === 'published' && d.reviewStage === null;
  if (
    canEdit &&
    !open &&
    ((d.kind === 'catalogueEntry' && (d.reviewStage === 'editing' || published)) ||
      (d.kind === 'decision' && published))
  )
    cards.push(<EditCard key={`edit-${d.workingVersion}`} d={d} />);
  if (d.reviewStage === 'editing' && canEdit && open?.kind !== 'nonPublication')
    cards.push(<SubmitForReview key="submit" d={d} />);
  if (d.reviewStage === 'awaitingCheck')
    cards.push(
      canCheck ? (
        <ReviewDecision key="check" d={d} step="check" />
      ) : (
        <Alert
          key="check"
          type="info"
          showIcon
          message={
            ownVersion
              ? '该版本由您起草或提交，须由其他公示工作人员或法制审核人员审核'
              : '等待审核（公示工作人员或法制审核人员，不能是起草人或提交人）'
          }
        />
      ),
    );
  if (d.reviewStage === 'awaitingApproval')
    cards.push(
      canApprove ? (
        <ReviewDecision key="approval" d={d} step="approval" />
      ) : (
        <Alert key="approval" type="info" showIcon message="等待负责人批准" />
      ),
    );
  if (d.status === 'approved')
    cards.push(
      <Alert key="approved" type="success" showIcon message="负责人已批准，由案件流程发布到公开平台" />,
    );
  if (d.kind === 'decision' && !open && canRequest) {
    if (d.status === 'published' && d.reviewStage === null)
      cards.push(<WithdrawalRequestForm key="withdraw" d={d} />);
    if (d.status === 'draft' && (d.reviewStage === 'editing' || d.reviewStage === null))
      cards.push(<NonPublicationRequestForm key="exempt" d={d} />);
  }
  if (cards.length === 0) return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {cards}
    </Space>
  );
}

/** 公示记录: where it stands, the draft editor, the actions of the signed-in person, the history. */
export default function DisclosurePage() {
  const { id = '' } = useParams();
  const { user, publicPlatformUrl } = useSession();
  const detail = useQuery({
    queryKey: ['disclosure', id],
    queryFn: async () => unwrap(await disclosureApi.GET('/disclosures/{id}', { params: { path: { id } } })),
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError)
    return <Alert type="error" showIcon message="无法读取公示记录" description={problemText(detail.error)} />;
  const d = detail.data;
  const publicUrl = publicPageUrl(publicPlatformUrl, d);
  const isDecision = d.kind === 'decision';
  const editable = d.kind === 'decision' && d.reviewStage === 'editing' && user.roles.includes('discloser');
  const working = d.versions.find((v) => v.version === d.workingVersion);

  return (
    <Page
      title={d.title}
      subTitle={disclosureKindLabel(d.kind)}
      tags={
        <>
          <Tag color={d.status === 'published' ? 'green' : undefined}>{disclosureStatusLabel(d.status)}</Tag>
          {d.reviewStage && d.reviewStage !== 'editing' ? (
            <Tag color="orange">{disclosureStageLabel(d.reviewStage)}</Tag>
          ) : null}
        </>
      }
      extra={[
        ...(publicUrl
          ? [
              <a key="public" href={publicUrl} target="_blank" rel="noreferrer">
                在公开平台查看
              </a>,
            ]
          : []),
        ...(d.caseNumber
          ? [
              <Link key="case" to={`/cases/${encodeURIComponent(d.caseNumber)}`}>
                查看案卷
              </Link>,
            ]
          : []),
      ]}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="公示概况">
          <Descriptions column={3} size="small">
            {isDecision ? <Descriptions.Item label="案号">{d.caseNumber ?? '—'}</Descriptions.Item> : null}
            {isDecision ? (
              <Descriptions.Item label="决定书文号">{d.documentNumber ?? '—'}</Descriptions.Item>
            ) : null}
            {isDecision ? (
              <Descriptions.Item label="决定类别">
                {d.decisionKind ? decisionLabel(d.decisionKind) : '—'}
              </Descriptions.Item>
            ) : null}
            {isDecision ? (
              <Descriptions.Item label="决定日期">{dayOr(d.decisionDate)}</Descriptions.Item>
            ) : null}
            {d.kind === 'catalogueEntry' ? (
              <Descriptions.Item label="目录类别">{sectionLabel(d.catalogueSection)}</Descriptions.Item>
            ) : null}
            {d.period ? <Descriptions.Item label="期间">{d.period}</Descriptions.Item> : null}
            {isDecision ? (
              <Descriptions.Item label="公示期限">
                {d.dueAt ? `${formatDate(d.dueAt)}前（${d.randomInspection ? '20' : '7'} 个工作日）` : '—'}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="当前版本">
              第 {d.workingVersion} 版{d.publishedVersion ? `（已公示第 ${d.publishedVersion} 版）` : ''}
            </Descriptions.Item>
            {d.publishedAt ? (
              <Descriptions.Item label="发布时间">{timeOr(d.publishedAt)}</Descriptions.Item>
            ) : null}
            {d.expiresAt ? (
              <Descriptions.Item label="公示期满">{formatDate(d.expiresAt)}</Descriptions.Item>
            ) : null}
            {d.exemption ? (
              <Descriptions.Item label="不予公开" span={3}>
                {label(exemptionReasonLabel, d.exemption.reason)}：{d.exemption.explanation}
              </Descriptions.Item>
            ) : null}
            {d.withdrawal ? (
              <Descriptions.Item label="撤下" span={3}>
                {timeOr(d.withdrawal.at)} · {label(withdrawalReasonLabel, d.withdrawal.reason)}：
                {d.withdrawal.explanation}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>

        {d.kind === 'decision' && working ? (
          <RedactionEditor key={d.workingVersion} d={d} editable={editable} />
        ) : (
          <Card title="公示内容">
            <Descriptions column={1} size="small" bordered>
              {contentEntries(d, working?.publicContent ?? {}).map(([key, value]) => (
                <Descriptions.Item
                  key={key}
                  label={key === 'section' ? '目录类别' : fieldLabelOf(['body', key])}
                >
                  <ContentValue field={key} value={value} />
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        )}

        <Actions d={d} user={user} />

        <Card title="审核记录">
          {d.reviewSteps.length === 0 && d.versions.length === 0 ? (
            <Empty description="暂无记录" />
          ) : (
            <Timeline
              items={[
                ...d.versions.map((v) => ({
                  at: v.createdAt,
                  children: `${timeOr(v.createdAt)} 第 ${v.version} 版（${versionPurposeLabel(v.purpose)}）· ${v.createdByName}${v.note ? `：${v.note}` : ''}`,
                })),
                ...d.reviewSteps.map((s) => ({
                  at: s.at,
                  children: `${timeOr(s.at)} ${reviewActionLabel(s.action)}（第 ${s.version} 版）· ${s.actorName}${s.note ? `：${s.note}` : ''}`,
                })),
              ]
                .sort((a, b) => a.at.localeCompare(b.at))
                .map(({ children }) => ({ children }))}
            />
          )}
        </Card>

        {d.outcomeRequests.some((r) => r.stage === 'approved' || r.stage === 'returned') ? (
          <Card title="撤下与不予公开申请">
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {d.outcomeRequests
                .filter((r) => r.stage === 'approved' || r.stage === 'returned')
                .map((r) => (
                  <OutcomeRequestFacts key={r.id} r={r} />
                ))}
            </Space>
          </Card>
        ) : null}
      </Space>
    </Page>
  );
}
