import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  exemptionReasonLabel,
  publicDecisionFieldLabel,
  redactionRuleKindLabel,
  ZExemptionReason,
} from '@sanxiang/shared/src/domain';
import { disclosureApi } from '../../api/clients';
import { problemText, unwrap } from '../../api/problem';
import { useSubmission } from '../../forms/use-submission';
import { decisionLabel, partyLabel } from '../../format/labels';
import { diffSegments, type TSegment } from '../../format/text-diff';
import { Select } from '../select';
import type { TDisclosureDetail } from './types';
import { FormErrorBar } from '../../forms/submission-footer';

/** A redaction rule as the disclosure service stores it (`ZRedactionRule`, validated there). */
type TRule =
  | { kind: 'idNumber' | 'phoneNumber' | 'address'; enabled: boolean }
  | { kind: 'naturalPersonName'; enabled: boolean; names: string[] }
  | { kind: 'literal'; text: string; replacement: string }
  | { kind: 'withholdField'; field: string; reason: string };

const builtinKinds = ['idNumber', 'phoneNumber', 'address', 'naturalPersonName'] as const;
/** Fields that redaction may touch (the service's `redactableFields`), in reading order. */
const redactableFields = [
  'partyName',
  'legalRepresentative',
  'enforcementMethod',
  'content',
  'decision',
  'penaltyKind',
  'legalBasis',
  'performance',
  'issuingAuthority',
] as const;
const fieldOrder = Object.keys(publicDecisionFieldLabel) as (keyof typeof publicDecisionFieldLabel)[];
const fieldLabel = (f: string) => (publicDecisionFieldLabel as Record<string, string>)[f] ?? f;
const ruleLabel = (k: string) => (redactionRuleKindLabel as Record<string, string>)[k] ?? k;

const shown = (field: string, value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (field === 'decisionKind') return decisionLabel(String(value));
  if (field === 'partyKind') return partyLabel(String(value));
  return String(value);
};

function Marked({ segments, side }: { segments: TSegment[]; side: 'original' | 'public' }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {segments.map((s, i) =>
        s.changed ? (
          <mark
            key={i}
            className={side === 'original' ? 'redacted-original' : 'redacted-public'}
            style={{
              background: side === 'original' ? '#ffccc7' : '#ffe58f',
              color: 'rgba(0, 0, 0, 0.88)',
              padding: '0 1px',
            }}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Rules the service would refuse are left out of the preview until they are complete. */
const complete = (rules: TRule[]) =>
  rules.filter((r) =>
    r.kind === 'literal'
      ? r.text.trim() !== ''
      : r.kind === 'withholdField'
        ? Boolean(r.field && r.reason)
        : true,
  );

/**
 * 公示草稿编辑: the original and the public text side by side, what redaction changed marked on
 * both sides, and the rules that made it — adjustable while the version is being edited. The
 * public text is always the service's (`/redaction-preview`, then the saved version): the console
 * computes no redaction of its own. Keyed by the working version: a saved version starts afresh.
 */
export function RedactionEditor({ d, editable }: { d: TDisclosureDetail; editable: boolean }) {
  const working =
    d.versions.find((v) => v.version === d.workingVersion) ?? d.versions[d.versions.length - 1]!;
  const saved = working.redactionRules as unknown as TRule[];
  const [rules, setRules] = useState<TRule[]>(saved);
  const [form] = Form.useForm<{ note?: string }>();
  const dirty = JSON.stringify(rules) !== JSON.stringify(saved);
  const debounced = useDebounced(rules, 300);
  const previewRules = useMemo(() => complete(debounced), [debounced]);

  const preview = useQuery({
    queryKey: ['disclosure', d.id, 'preview', d.workingVersion, JSON.stringify(previewRules)],
    enabled: dirty,
    queryFn: async () =>
      unwrap(
        await disclosureApi.POST('/disclosures/{id}/redaction-preview', {
          params: { path: { id: d.id } },
          body: { version: d.workingVersion, redactionRules: previewRules },
        }),
      ),
  });
  const save = useSubmission({
    form,
    send: async (body: { note?: string }, key: string) =>
      unwrap(
        await disclosureApi.POST('/disclosures/{id}/versions', {
          params: { path: { id: d.id } },
          headers: { 'idempotency-key': key },
          body: { baseVersion: d.workingVersion, redactionRules: complete(rules), ...body },
        }),
      ),
    invalidates: [['disclosure', d.id], ['disclosures']],
    onDone: () => form.resetFields(),
  });

  const source = working.source;
  const publicContent = (dirty && preview.data?.publicContent) || working.publicContent;
  const report = (dirty && preview.data?.report) || working.redactionReport;

  const rows = fieldOrder
    .filter((f) => source[f] !== undefined && source[f] !== null && source[f] !== '')
    .map((f) => ({ field: f, ...diffSegments(shown(f, source[f]), shown(f, publicContent[f])) }));

  const update = (i: number, rule: TRule) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  const remove = (i: number) => setRules(rules.filter((_, j) => j !== i));
  const builtin = (kind: (typeof builtinKinds)[number]) => {
    const i = rules.findIndex((r) => r.kind === kind);
    return { i, rule: i >= 0 ? (rules[i] as Extract<TRule, { enabled: boolean }>) : undefined };
  };
  const toggle = (kind: (typeof builtinKinds)[number], enabled: boolean) => {
    const { i, rule } = builtin(kind);
    if (rule) update(i, { ...rule, enabled } as TRule);
    else
      setRules([
        ...rules,
        (kind === 'naturalPersonName' ? { kind, enabled, names: [] } : { kind, enabled }) as TRule,
      ]);
  };
  const names = builtin('naturalPersonName');
  /** The n-th rule of its kind (labels count literals and withheld fields apart). */
  const ordinal = (i: number) => rules.slice(0, i + 1).filter((r) => r.kind === rules[i]!.kind).length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`原文与公开文本（第 ${working.version} 版${dirty ? '，含未保存的规则调整' : ''}）`}
        extra={
          <Space size="small">
            <mark style={{ background: '#ffccc7', color: 'rgba(0, 0, 0, 0.88)' }}>原文中被隐去的内容</mark>
            <mark style={{ background: '#ffe58f', color: 'rgba(0, 0, 0, 0.88)' }}>公开文本中的替换</mark>
          </Space>
        }
      >
        {preview.isError ? (
          <Alert type="error" showIcon message="无法预览公开文本" description={problemText(preview.error)} />
        ) : null}
        <Table
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={rows}
          aria-label="原文与公开文本对照"
          columns={[
            { title: '项目', dataIndex: 'field', width: 130, render: (f: string) => fieldLabel(f) },
            {
              title: '原文',
              key: 'original',
              render: (_, r) => <Marked segments={r.left} side="original" />,
            },
            {
              title: '公开文本',
              key: 'public',
              render: (_, r) => <Marked segments={r.right} side="public" />,
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          脱敏情况：
          {report.length === 0
            ? '本版本没有被隐去的内容'
            : report.map((r) => (
                <Tag key={`${r.field}-${r.rule}`}>
                  {fieldLabel(r.field)} · {ruleLabel(r.rule)} {r.count} 处
                </Tag>
              ))}
        </Typography.Paragraph>
      </Card>

      <Card title="脱敏规则">
        {!editable ? (
          <Typography.Paragraph>
            {d.reviewStage === 'editing'
              ? '只有公示工作人员可以调整脱敏规则。'
              : '该版本已提交审核，退回修改后才能调整。'}
          </Typography.Paragraph>
        ) : null}
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            {builtinKinds.map((kind) => (
              <Checkbox
                key={kind}
                disabled={!editable}
                checked={builtin(kind).rule?.enabled ?? false}
                onChange={(e) => toggle(kind, e.target.checked)}
              >
                隐去{ruleLabel(kind)}
              </Checkbox>
            ))}
          </Space>
          <div>
            <label htmlFor="redaction-names">其他需隐去的自然人姓名（证人、亲属等，回车添加）</label>
            <Select<string[]>
              id="redaction-names"
              aria-label="其他需隐去的自然人姓名"
              mode="tags"
              disabled={!editable || !names.rule?.enabled}
              style={{ width: '100%' }}
              value={names.rule && 'names' in names.rule ? names.rule.names : []}
              onChange={(value) =>
                names.rule && update(names.i, { kind: 'naturalPersonName', enabled: true, names: value })
              }
              open={false}
              suffixIcon={null}
            />
          </div>
          {rules.map((r, i) =>
            r.kind === 'literal' ? (
              <Row key={i} gutter={8} align="middle">
                <Col flex="auto">
                  <Input
                    aria-label={`隐去词语 ${ordinal(i)}`}
                    placeholder="需隐去的词语（如银行账号）"
                    disabled={!editable}
                    value={r.text}
                    onChange={(e) => update(i, { ...r, text: e.target.value })}
                  />
                </Col>
                <Col flex="160px">
                  <Input
                    aria-label={`词语 ${ordinal(i)} 替换为`}
                    placeholder="替换为"
                    disabled={!editable}
                    value={r.replacement}
                    onChange={(e) => update(i, { ...r, replacement: e.target.value })}
                  />
                </Col>
                <Col>
                  <Button disabled={!editable} onClick={() => remove(i)}>
                    删除
                  </Button>
                </Col>
              </Row>
            ) : r.kind === 'withholdField' ? (
              <Row key={i} gutter={8} align="middle">
                <Col flex="200px">
                  <Select<string>
                    aria-label={`不予公开的项目 ${ordinal(i)}`}
                    disabled={!editable}
                    style={{ width: '100%' }}
                    value={r.field || undefined}
                    placeholder="不予公开的项目"
                    options={redactableFields.map((f) => ({ value: f, label: fieldLabel(f) }))}
                    onChange={(field) => update(i, { ...r, field })}
                  />
                </Col>
                <Col flex="auto">
                  <Select<string>
                    aria-label={`项目 ${ordinal(i)} 不予公开的理由`}
                    disabled={!editable}
                    style={{ width: '100%' }}
                    value={r.reason || undefined}
                    placeholder="理由"
                    options={ZExemptionReason.options.map((k) => ({
                      value: k,
                      label: exemptionReasonLabel[k],
                    }))}
                    onChange={(reason) => update(i, { ...r, reason })}
                  />
                </Col>
                <Col>
                  <Button disabled={!editable} onClick={() => remove(i)}>
                    删除
                  </Button>
                </Col>
              </Row>
            ) : null,
          )}
          {editable ? (
            <Space wrap>
              <Button onClick={() => setRules([...rules, { kind: 'literal', text: '', replacement: '***' }])}>
                添加隐去词语
              </Button>
              <Button onClick={() => setRules([...rules, { kind: 'withholdField', field: '', reason: '' }])}>
                添加整项不予公开
              </Button>
            </Space>
          ) : null}
          {editable ? (
            <Form
              form={form}
              layout="vertical"
              onValuesChange={save.edited}
              onFinish={(v) => save.mutation.mutate(v.note?.trim() ? { note: v.note.trim() } : {})}
            >
              <Form.Item label="修改说明" name="note">
                <Input.TextArea autoSize={{ minRows: 1 }} />
              </Form.Item>
              <FormErrorBar message={save.formError} />
              <Space>
                <Button type="primary" htmlType="submit" disabled={!dirty} loading={save.mutation.isPending}>
                  保存为新版本
                </Button>
                <Button disabled={!dirty} onClick={() => setRules(saved)}>
                  放弃调整
                </Button>
              </Space>
            </Form>
          ) : null}
        </Space>
      </Card>
    </Space>
  );
}
