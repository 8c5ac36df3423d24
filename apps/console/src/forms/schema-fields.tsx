import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber } from 'antd';
import { Select } from '../components/select';
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, useContext } from 'react';
import { fieldLabelOf, valueLabel } from '@sanxiang/shared/src/domain';
import { isNamedOfficer, type TNode } from './schema-walk';

type TPath = (string | number)[];

/** What reference fields offer: the case's officers, evidence files and records, by name. */
export interface TSchemaFormContext {
  officers: { name: string; certificateNumber: string }[];
  evidence: { value: string; label: string }[];
  records: { value: string; label: string; kind: string }[];
}

export const SchemaFormContext = createContext<TSchemaFormContext>({
  officers: [],
  evidence: [],
  records: [],
});

/** Reference fields that must name a record of one kind. */
const recordKindOfKey: Record<string, string> = {
  collectiveDiscussionRecordId: 'collectiveDiscussion',
  headApprovalRecordId: 'headApproval',
};

const keysOf = (path: TPath) => path.filter((p): p is string => typeof p === 'string');
// A record's fields sit under `content`: their labels say 出示时间, not 内容的出示时间.
const labelOf = (path: TPath) =>
  fieldLabelOf(['body', ...keysOf(path).filter((k, i) => i > 0 || k !== 'content' || path.length === 1)]);
const lastKey = (path: TPath) => keysOf(path).at(-1) ?? '';
const choiceLabel = (key: string, value: string) => valueLabel[key]?.[value] ?? value;

/** The fields of an object node under `name` (relative to an enclosing Form.List, if any). */
export function SchemaFields(props: { fields: [string, TNode][]; name: TPath; path: TPath }) {
  return (
    <>
      {props.fields.map(([key, node]) => (
        <SchemaField key={key} node={node} name={[...props.name, key]} path={[...props.path, key]} />
      ))}
    </>
  );
}

/**
 * One field drawn from its schema node: `name` is its antd name (relative inside a Form.List),
 * `path` the full name from the form's root (for labels and for reading sibling values).
 */
export function SchemaField({ node, name, path }: { node: TNode; name: TPath; path: TPath }) {
  const ctx = useContext(SchemaFormContext);
  const key = lastKey(path);
  const label = labelOf(path);
  const required = !node.optional;
  const item = (control: React.ReactNode, extra: Partial<React.ComponentProps<typeof Form.Item>> = {}) => (
    <Form.Item label={label} name={name} required={required} {...extra}>
      {control}
    </Form.Item>
  );
  // References to the case's evidence and records are picked from them, whatever the schema's id
  // type (the lifecycle contracts' ids are plain strings, not uuids): nobody types a record id.
  if (node.kind === 'id' || node.kind === 'text') {
    if (key === 'evidenceId') return item(<Select aria-label={label} allowClear options={ctx.evidence} />);
    if (/RecordId$/u.test(key)) {
      const kind = recordKindOfKey[key];
      const options = kind ? ctx.records.filter((r) => r.kind === kind) : ctx.records;
      return item(<Select aria-label={label} allowClear options={options} />);
    }
  }
  switch (node.kind) {
    case 'fixed':
      return (
        <Form.Item name={name} hidden initialValue={node.value}>
          <Input />
        </Form.Item>
      );
    case 'text':
      return item(node.long ? <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} /> : <Input />);
    case 'instant':
      return item(<DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />);
    case 'date':
      return item(<DatePicker format="YYYY-MM-DD" />);
    case 'number':
      return item(<InputNumber min={0} step={node.step ?? 1} style={{ width: 220 }} />);
    case 'boolean':
      return (
        <Form.Item name={name} valuePropName="checked" initialValue={false}>
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    case 'choice':
      return item(
        <Select
          aria-label={label}
          allowClear={node.optional}
          options={node.values.map((v) => ({ value: v, label: choiceLabel(key, v) }))}
        />,
      );
    case 'id':
      return item(<Input />);
    case 'list':
      return <SchemaList node={node} name={name} path={path} />;
    case 'object':
      return (
        <fieldset className="schema-fieldset">
          <legend>{label}</legend>
          <SchemaFields fields={node.fields} name={name} path={path} />
        </fieldset>
      );
    case 'union':
      return <SchemaUnion node={node} name={name} path={path} />;
    default:
      return item(<Input.TextArea />);
  }
}

function SchemaList({
  node,
  name,
  path,
}: {
  node: Extract<TNode, { kind: 'list' }>;
  name: TPath;
  path: TPath;
}) {
  const ctx = useContext(SchemaFormContext);
  const key = lastKey(path);
  const label = labelOf(path);
  const el = node.element;
  const item = (control: React.ReactNode) => (
    <Form.Item label={label} name={name} required={node.min > 0}>
      {control}
    </Form.Item>
  );
  if (isNamedOfficer(el))
    return item(
      <Select
        aria-label={label}
        mode="multiple"
        options={ctx.officers.map((o) => ({
          value: o.certificateNumber,
          label: `${o.name}（执法证 ${o.certificateNumber}）`,
        }))}
      />,
    );
  if (el.kind === 'id' && key === 'evidenceIds')
    return item(<Select aria-label={label} mode="multiple" options={ctx.evidence} />);
  if (el.kind === 'choice')
    return item(
      <Select
        aria-label={label}
        mode="multiple"
        options={el.values.map((v) => ({ value: v, label: choiceLabel(key, v) }))}
      />,
    );
  if (el.kind === 'text' || el.kind === 'id')
    return item(<Select aria-label={label} mode="tags" open={false} placeholder="输入后按回车添加" />);
  return (
    <Form.List name={name} initialValue={node.min > 0 ? [{}] : []}>
      {(fields, ops, { errors }) => (
        <fieldset className="schema-fieldset">
          <legend>{label}</legend>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`第 ${index + 1} 项`}
              style={{ marginBottom: 8 }}
              extra={
                <Button
                  type="text"
                  aria-label={`删除第 ${index + 1} 项`}
                  icon={<MinusCircleOutlined />}
                  onClick={() => ops.remove(field.name)}
                />
              }
            >
              {el.kind === 'object' ? (
                <SchemaFields fields={el.fields} name={[field.name]} path={[...path, index]} />
              ) : (
                <SchemaField node={el} name={[field.name]} path={[...path, index]} />
              )}
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => ops.add()}>
            添加{label}
          </Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}

function SchemaUnion({
  node,
  name,
  path,
}: {
  node: Extract<TNode, { kind: 'union' }>;
  name: TPath;
  path: TPath;
}) {
  const d = node.discriminator;
  const tagName = [...name, d];
  const tagPath = [...path, d];
  const label = labelOf([...path, d]);
  const values = [...node.options.keys()];
  const tagLabel = (v: string) => valueLabel[d]?.[v] ?? (v === 'true' ? '是' : v === 'false' ? '否' : v);
  return (
    <fieldset className="schema-fieldset">
      <legend>{labelOf(path)}</legend>
      <Form.Item
        label={label}
        name={tagName}
        required
        initialValue={values.length === 1 ? values[0] : undefined}
      >
        <Select aria-label={label} options={values.map((v) => ({ value: v, label: tagLabel(v) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={[tagPath]}>
        {(form) => {
          const chosen = form.getFieldValue(tagPath) as unknown;
          const fields = node.options.get(String(chosen));
          return fields ? (
            <SchemaFields fields={fields.filter(([k]) => k !== d)} name={name} path={path} />
          ) : null;
        }}
      </Form.Item>
    </fieldset>
  );
}

/**
 * The form's values as the schema's JSON: instants as ISO strings, dates as YYYY-MM-DD, officer
 * picks as `{ name, certificateNumber }`, empty optional fields left out. Union tags stored as
 * strings become the literal's type again (`signed: 'true'` → true).
 */
export function toJson(node: TNode, value: unknown, ctx: TSchemaFormContext): unknown {
  if (value === undefined || value === null || value === '') return node.optional ? undefined : value;
  switch (node.kind) {
    case 'instant':
      return dayjs.isDayjs(value) ? (value as Dayjs).toISOString() : value;
    case 'date':
      return dayjs.isDayjs(value) ? (value as Dayjs).format('YYYY-MM-DD') : value;
    case 'fixed':
      return node.value;
    case 'list': {
      if (!Array.isArray(value)) return value;
      if (isNamedOfficer(node.element))
        return value.map(
          (c) => ctx.officers.find((o) => o.certificateNumber === c) ?? { certificateNumber: c },
        );
      const items = value.map((v) => toJson(node.element, v, ctx));
      return node.optional && items.length === 0 ? undefined : items;
    }
    case 'object':
      return objectJson(node.fields, value as Record<string, unknown>, ctx);
    case 'union': {
      const v = value as Record<string, unknown>;
      const tag = v[node.discriminator];
      const fields = node.options.get(String(tag));
      return fields ? objectJson(fields, v, ctx) : value;
    }
    default:
      return value;
  }
}

function objectJson(fields: [string, TNode][], value: Record<string, unknown>, ctx: TSchemaFormContext) {
  const out: Record<string, unknown> = {};
  for (const [key, node] of fields) {
    const v = toJson(node, value?.[key], ctx);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Values from the case for a new form: the named-officer lists start with the case's officers. */
export function initialValues(fields: [string, TNode][], ctx: TSchemaFormContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of fields) {
    if (node.kind === 'list' && isNamedOfficer(node.element))
      out[key] = ctx.officers.map((o) => o.certificateNumber);
    if (node.kind === 'object') out[key] = initialValues(node.fields, ctx);
  }
  return out;
}
