import { Card, Tabs } from 'antd';
import { useState } from 'react';
import type { TRecordKind } from '@sanxiang/shared/src/domain';
import { recordLabel } from '../../format/labels';
import { formatDateShort } from '../../format/time';
import type { TSchemaFormContext } from '../../forms/schema-fields';
import { ActivityForm } from './activity-form';
import { DecisionForm } from './decision-form';
import { EvidenceUpload, useOpenUploads } from './evidence-upload';
import { MaterialAnswers } from './material-answer';
import { ProposalForm, type TCaseDocument } from './proposal-form';
import { RecordForm } from './record-form';

export interface TCaseForActions {
  caseNumber: string;
  officers: { userId: string; name: string; certificateNumber: string }[];
  records: { id: string; seq: number; kind: string; filedAt: string | null }[];
  evidence: { id: string; fileName: string; mediaKind: string }[];
  activities: { id: string; title: string; startedAt: string | null }[];
}

/**
 * 办理: what the case's officers (and heads, for their approval records) do on the case page —
 * enforcement activities, records of every kind, evidence, the proposal, material requests of the
 * legal-review office, the decision, its service and performance.
 */
export function CaseActions(props: {
  file: TCaseForActions;
  roles: string[];
  openReviewId?: string;
  /** The tab shown first (a head lands on what waits for them). */
  initialTab?: string;
}) {
  const { file } = props;
  const [tab, setTab] = useState(props.initialTab ?? 'records');
  const [recordKind, setRecordKind] = useState<TRecordKind>();
  const documents: TCaseDocument[] = [
    ...file.records.map((r) => ({
      value: r.id,
      label: `第 ${r.seq} 份 ${recordLabel(r.kind)}${r.filedAt ? `（${formatDateShort(r.filedAt)}）` : ''}`,
      kind: r.kind,
    })),
    ...file.evidence.map((e) => ({
      value: e.id,
      label: `证据文件 ${e.fileName}`,
      kind: `evidence:${e.mediaKind}`,
    })),
  ];
  const context: TSchemaFormContext = {
    officers: file.officers.map((o) => ({ name: o.name, certificateNumber: o.certificateNumber })),
    evidence: file.evidence.map((e) => ({ value: e.id, label: e.fileName })),
    records: documents.filter((d) => !d.kind.startsWith('evidence:')),
  };
  const activities = file.activities.map((a) => ({
    value: a.id,
    label: `${a.title}${a.startedAt ? `（${formatDateShort(a.startedAt)}）` : ''}`,
  }));
  const isOfficer = props.roles.includes('officer');
  const unfinishedUploads = useOpenUploads(file.caseNumber, isOfficer).data?.length ?? 0;
  const isHead = props.roles.includes('head');
  const recordTab = (kind?: TRecordKind) => (
    <RecordForm
      key={kind ?? 'any'}
      caseNumber={file.caseNumber}
      roles={props.roles}
      context={context}
      activities={activities}
      initialKind={kind}
      onDone={() => setRecordKind(undefined)}
    />
  );
  // 集体讨论 and 负责人审批: what a head does at the decision stage (the officers may file the
  // discussion record too); each its own form of its record kind.
  const headItems = isHead
    ? [
        {
          key: 'collectiveDiscussion',
          label: '集体讨论',
          children: recordTab('collectiveDiscussion'),
        },
        { key: 'headApproval', label: '负责人审批', children: recordTab('headApproval') },
      ]
    : [];
  const items = [
    ...(isHead && !isOfficer ? headItems : []),
    { key: 'records', label: '登记记录', children: recordTab(recordKind) },
    ...(isOfficer
      ? [
          {
            key: 'activities',
            label: '执法活动',
            children: <ActivityForm caseNumber={file.caseNumber} onDone={() => setTab('evidence')} />,
          },
          {
            key: 'evidence',
            // After a reload or a cut connection the officer is told where to resume.
            label: unfinishedUploads ? `上传证据（${unfinishedUploads} 个未完成）` : '上传证据',
            children: <EvidenceUpload caseNumber={file.caseNumber} activities={activities} />,
          },
          {
            key: 'proposal',
            label: '提交拟决定',
            children: (
              <ProposalForm
                caseNumber={file.caseNumber}
                officers={file.officers}
                documents={documents}
                onDone={() => setTab('materials')}
              />
            ),
          },
          {
            key: 'materials',
            label: '补充材料',
            children: (
              <MaterialAnswers
                caseNumber={file.caseNumber}
                reviewId={props.openReviewId}
                documents={documents}
              />
            ),
          },
          {
            key: 'decision',
            label: '登记决定',
            children: (
              <DecisionForm caseNumber={file.caseNumber} context={context} onDone={() => setTab('service')} />
            ),
          },
          { key: 'service', label: '送达', children: recordTab('service') },
          { key: 'performance', label: '履行情况', children: recordTab('performance') },
        ]
      : []),
  ];
  return (
    <Card title="办理">
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyInactiveTabPane />
    </Card>
  );
}
