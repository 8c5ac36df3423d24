import { Card, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  catalogueSectionLabel,
  ZCatalogueEntryContent,
  type TCatalogueSection,
} from '@sanxiang/shared/src/contracts/catalogue-entry';
import { disclosureApi } from '../../api/clients';
import { unwrap } from '../../api/problem';
import { SchemaFields, SchemaFormContext, toJson, type TSchemaFormContext } from '../../forms/schema-fields';
import { walk, type TNode } from '../../forms/schema-walk';
import { SubmissionFooter } from '../../forms/submission-footer';
import { clearFieldErrors, issuesAsProblem } from '../../forms/submit-form';
import { useSubmission } from '../../forms/use-submission';
import { Select } from '../select';

const entryUnion = walk(ZCatalogueEntryContent) as Extract<TNode, { kind: 'union' }>;
/** 执法人员 entries are generated from the directory's certificates (执法人员清单), never drafted. */
const draftable = [...entryUnion.options.keys()].filter((s) => s !== 'personnel') as TCatalogueSection[];
/** The fields of a section in the schema's (the form's) order, without `section`. */
export const catalogueFieldOrder = (section: string): string[] =>
  (entryUnion.options.get(section) ?? []).map(([k]) => k).filter((k) => k !== 'section');
const noReferences: TSchemaFormContext = { officers: [], evidence: [], records: [] };

/** Stored JSON back into form values: calendar dates become the date picker's values. */
function toFormValues(fields: [string, TNode][], value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of fields) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    if (node.kind === 'date' || node.kind === 'instant') out[key] = dayjs(String(v));
    else if (node.kind === 'list' && node.element.kind === 'object' && Array.isArray(v))
      out[key] = v.map((item) => toFormValues((node.element as { fields: [string, TNode][] }).fields, item));
    else out[key] = v;
  }
  return out;
}

type TValues = { content?: Record<string, unknown>; note?: string };

/**
 * 事前公开目录条目: a new entry (the section chosen first), or a new version of an entry (its
 * section fixed, the current text prefilled). The form is drawn from the disclosure service's own
 * schema (`ZCatalogueEntryContent`) and checked with it before it is sent; the entry then goes
 * through the internal review (submit → check → head's approval), which publishes it.
 */
export function CatalogueEntryForm(
  props:
    | { mode: 'create'; onDone: (id: string) => void }
    | {
        mode: 'revise';
        id: string;
        baseVersion: number;
        source: Record<string, unknown>;
        onDone: () => void;
      },
) {
  const [form] = Form.useForm<TValues>();
  const [section, setSection] = useState<string | undefined>(
    props.mode === 'revise' ? String(props.source.section) : undefined,
  );
  const fields = section ? entryUnion.options.get(section)?.filter(([k]) => k !== 'section') : undefined;
  const [initial] = useState<TValues | undefined>(() =>
    props.mode === 'revise' && fields ? { content: toFormValues(fields, props.source) } : undefined,
  );
  const submission = useSubmission({
    form,
    send: async (body: { content: unknown; note?: string }, key: string) =>
      props.mode === 'create'
        ? unwrap(
            await disclosureApi.POST('/catalogue/entries', {
              headers: { 'idempotency-key': key },
              body: body as never,
            }),
          ).id
        : unwrap(
            await disclosureApi.POST('/disclosures/{id}/versions', {
              params: { path: { id: props.id } },
              headers: { 'idempotency-key': key },
              body: { baseVersion: props.baseVersion, ...(body as { content: Record<string, unknown> }) },
            }),
          ).disclosure.id,
    invalidates: [['disclosures'], ['disclosure'], ['catalogue-changes']],
    onDone: (id: string) => {
      form.resetFields();
      if (props.mode === 'create') props.onDone(id);
      else props.onDone();
    },
  });

  const submit = (values: TValues) => {
    clearFieldErrors(form);
    const content = toJson(entryUnion, { ...values.content, section }, noReferences);
    const parsed = ZCatalogueEntryContent.safeParse(content);
    if (!parsed.success)
      return submission.showError(
        issuesAsProblem(parsed.error.issues.map((i) => ({ ...i, path: ['content', ...i.path] }))),
      );
    const note = values.note?.trim();
    submission.mutation.mutate({ content: parsed.data, ...(note ? { note } : {}) });
  };

  return (
    <SchemaFormContext.Provider value={noReferences}>
      <Form<TValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={submission.edited}
        onFinish={submit}
      >
        {props.mode === 'create' ? (
          <Form.Item label="目录类别" required htmlFor="catalogue-section">
            <Select<string>
              id="catalogue-section"
              value={section}
              placeholder="选择目录类别"
              onChange={(s) => {
                setSection(s);
                form.resetFields();
              }}
              options={draftable.map((s) => ({ value: s, label: catalogueSectionLabel[s] }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph>
            目录类别：{catalogueSectionLabel[section as TCatalogueSection] ?? section}
          </Typography.Paragraph>
        )}
        {fields ? (
          <Card size="small" style={{ marginBottom: 16 }}>
            <SchemaFields fields={fields} name={['content']} path={['content']} />
          </Card>
        ) : null}
        {fields ? (
          <>
            <Form.Item label={props.mode === 'create' ? '起草说明' : '修改说明'} name="note">
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
            <SubmissionFooter
              submission={submission}
              label={props.mode === 'create' ? '保存草稿' : '保存为新版本'}
              retryLabel="重新保存"
            />
          </>
        ) : null}
      </Form>
    </SchemaFormContext.Provider>
  );
}
