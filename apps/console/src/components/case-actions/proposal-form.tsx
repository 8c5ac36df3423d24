import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { Alert, Checkbox, Form, Input, List, Radio, Space, Table, Typography } from 'antd';
import { Select } from '../select';
import {
  alwaysRequiredMaterials,
  checkProposal,
  materialRules,
  ZMajorAssessment,
  ZSubmitProposal,
  type TSubmissionMaterial,
} from '@sanxiang/shared/src/contracts';
import {
  decisionKindLabel,
  majorCriterionLabel,
  materialKindLabel,
  ZDecisionKind,
  ZMajorCriterion,
  ZSubmissionMaterialKind,
  type TMajorCriterion,
  type TSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';
import { recordingApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { SubmissionFooter } from '../../forms/submission-footer';

/**
 * What the officer sends; the service adds who and when and why else the case is major (as the
 * recording service's ZSubmitProposalRequest does), and requires each of the six criteria answered.
 */
const ZProposalRequest = ZSubmitProposal.omit({
  submittedBy: true,
  submittedAt: true,
  majorBecause: true,
}).extend({ majorAssessment: ZMajorAssessment });

const NONE = 'none';

export interface TCaseDocument {
  value: string;
  label: string;
  /** A record's kind, or `evidence:<mediaKind>` for an evidence file. */
  kind: string;
}

/** The documents of the case that can stand for a material (the recording service's rule). */
export const candidates = (kind: TSubmissionMaterialKind, documents: TCaseDocument[]) => {
  const rule = materialRules[kind];
  return documents.filter((d) =>
    d.kind.startsWith('evidence:')
      ? rule.evidence === 'any' || (rule.evidence === 'documents' && d.kind === 'evidence:document')
      : rule.records === 'any' || (rule.records as readonly string[]).includes(d.kind),
  );
};

interface TValues {
  decisionKind?: string;
  summary?: string;
  major?: boolean;
  /** 审核办法第四条: each criterion answered 是/否 with its reason. */
  assessment?: Partial<Record<TMajorCriterion, { applies?: boolean; reason?: string }>>;
  hearingOrAssessmentHeld?: boolean;
  materials?: Partial<Record<TSubmissionMaterialKind, string>>;
}

/**
 * 提交拟作出的决定: the checklist of the materials the legal-review office requires comes first
 * (审核办法 §7: which are required for this case and which are attached), then the proposal. The
 * same checks the workflow makes (checkProposal, packages/shared) run as the officer fills it in.
 */
export function ProposalForm(props: {
  caseNumber: string;
  officers: { userId: string; name: string; certificateNumber: string }[];
  documents: TCaseDocument[];
  onDone: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const values = Form.useWatch([], form) ?? {};
  const submission = useSubmission({
    form,
    send: async (body: unknown, idempotencyKey: string) =>
      unwrap(
        await recordingApi.POST('/cases/{caseNumber}/proposals', {
          params: { path: { caseNumber: props.caseNumber } },
          body: body as never,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      ),
    invalidates: [
      ['case', props.caseNumber],
      ['case-rounds', props.caseNumber],
    ],
    onDone: props.onDone,
  });

  const labelOf = new Map(props.documents.map((d) => [d.value, d.label]));
  const materials: TSubmissionMaterial[] = ZSubmissionMaterialKind.options.flatMap<TSubmissionMaterial>(
    (kind) => {
      const chosen = values.materials?.[kind];
      if (!chosen) return [];
      if (chosen === NONE) return [{ kind, none: true as const, title: '无' }];
      return [{ kind, documentId: chosen, title: labelOf.get(chosen) ?? materialKindLabel[kind] }];
    },
  );
  const majorAssessment = ZMajorCriterion.options.map((criterion) => ({
    criterion,
    applies: values.assessment?.[criterion]?.applies,
    reason: values.assessment?.[criterion]?.reason ?? '',
  }));
  const body = {
    officers: props.officers,
    decisionKind: values.decisionKind,
    summary: values.summary ?? '',
    major: values.major ?? false,
    majorCriteria: majorAssessment.filter((a) => a.applies === true).map((a) => a.criterion),
    majorAssessment,
    hearingOrAssessmentHeld: values.hearingOrAssessmentHeld ?? false,
    materials,
  };
  const hearing = body.hearingOrAssessmentHeld || body.majorCriteria.includes('afterHearing');
  const required = new Set<string>(
    body.major ? [...alwaysRequiredMaterials, ...(hearing ? ['hearingOrAssessment'] : [])] : [],
  );
  const parsed = ZProposalRequest.safeParse(body);
  const problems = parsed.success
    ? checkProposal({ ...parsed.data, submittedBy: 'me', submittedAt: new Date().toISOString() })
    : [];

  const submit = () => {
    clearFieldErrors(form);
    const check = ZProposalRequest.safeParse(body);
    if (!check.success) return submission.showError(issuesAsProblem(check.error.issues));
    if (problems.length > 0) return submission.setFormError(problems.map((p) => p.message).join('；'));
    submission.mutation.mutate(check.data);
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} onValuesChange={submission.edited}>
      <Typography.Title level={5}>送审材料清单</Typography.Title>
      <Typography.Paragraph type="secondary">
        {body.major
          ? '重大执法决定须附下列材料（审核办法第七条）；为每项材料选择本案中的记录或证据。'
          : '一般案件不送法制审核；勾选“重大执法决定”后须附下列标注“必需”的材料。'}
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={ZSubmissionMaterialKind.options}
        renderItem={(kind) => {
          const has = Boolean(values.materials?.[kind]);
          const options = [
            ...candidates(kind, props.documents),
            ...(kind === 'otherMaterials' ? [{ value: NONE, label: '无其他材料' }] : []),
          ];
          return (
            <List.Item>
              <Space align="center" style={{ width: '100%' }} wrap>
                {has ? (
                  <CheckCircleTwoTone twoToneColor="#389e0d" aria-label="已附" />
                ) : (
                  <ExclamationCircleTwoTone
                    twoToneColor={required.has(kind) ? '#cf1322' : '#8c8c8c'}
                    aria-label="未附"
                  />
                )}
                <Typography.Text strong style={{ minWidth: 180, display: 'inline-block' }}>
                  {materialKindLabel[kind]}
                  {required.has(kind) ? '（必需）' : ''}
                </Typography.Text>
                <Form.Item name={['materials', kind]} noStyle>
                  <Select
                    aria-label={materialKindLabel[kind]}
                    allowClear
                    style={{ minWidth: 360 }}
                    placeholder={options.length ? '选择本案的记录或证据' : '本案尚无可作此项材料的记录或证据'}
                    options={options.map((o) => ({ value: o.value, label: o.label }))}
                  />
                </Form.Item>
              </Space>
            </List.Item>
          );
        }}
      />
      <Form.Item label="拟作出的决定类别" name="decisionKind" required>
        <Select
          aria-label="拟作出的决定类别"
          options={ZDecisionKind.options.map((k) => ({ value: k, label: decisionKindLabel[k] }))}
        />
      </Form.Item>
      <Form.Item label="拟作出决定及情况说明" name="summary" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="major" valuePropName="checked">
        <Checkbox>重大执法决定（须经法制审核）</Checkbox>
      </Form.Item>
      <Typography.Text strong>重大执法决定认定情形逐项回答（审核办法第四条）</Typography.Text>
      <Table
        rowKey="criterion"
        size="small"
        pagination={false}
        style={{ margin: '8px 0 16px' }}
        dataSource={ZMajorCriterion.options.map((criterion) => ({ criterion }))}
        columns={[
          {
            title: '认定情形',
            dataIndex: 'criterion',
            width: 320,
            render: (c: TMajorCriterion) => majorCriterionLabel[c],
          },
          {
            title: '是否符合',
            key: 'applies',
            width: 140,
            render: (_, { criterion }) => (
              // antd's Radio.Group renders no role: the group and its name are on this wrapper.
              <div role="radiogroup" aria-label={`${majorCriterionLabel[criterion]}：是否符合`}>
                <Form.Item name={['assessment', criterion, 'applies']} noStyle>
                  <Radio.Group
                    options={[
                      { value: true, label: '是' },
                      { value: false, label: '否' },
                    ]}
                  />
                </Form.Item>
              </div>
            ),
          },
          {
            title: '理由',
            key: 'reason',
            render: (_, { criterion }) => (
              <Form.Item name={['assessment', criterion, 'reason']} noStyle>
                <Input aria-label={`${majorCriterionLabel[criterion]}的理由`} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Form.Item name="hearingOrAssessmentHeld" valuePropName="checked">
        <Checkbox>已经听证或风险评估</Checkbox>
      </Form.Item>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message="提交前须解决"
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((p) => (
                <li key={p.code}>{p.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <SubmissionFooter submission={submission} label="提交拟作出的决定" retryLabel="重新提交" />
    </Form>
  );
}
