import { z } from 'zod';
import {
  caseStageLabel,
  decisionKindLabel,
  exemptionReasonLabel,
  majorCriterionLabel,
  materialKindLabel,
  partyKindLabel,
  recordKindLabel,
  reviewPointLabel,
  roleLabel,
  withdrawalReasonLabel,
} from './labels';

/**
 * zod's messages in plain Chinese, without type names or codes (`不能为空`, `至少 4 个字符`,
 * `应为以下之一：行政处罚、行政许可`). zod 4's own `zh-CN` locale still says `期望 string，实际接收
 * undefined`, which no one at a counter should read. Configured globally when the shared domain is
 * loaded (services, worker and workflow sandbox alike); the field's name is put in front by
 * `validationError` (errors/from-zod.ts), which knows the whole path.
 */

const typeName: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值',
};

const formatName: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  datetime: '带时区的时间（ISO 8601，如 2026-12-02T10:00:00+08:00）',
  time: '时间（HH:MM）',
  uuid: 'UUID',
  guid: 'UUID',
  email: '电子邮件地址',
  url: '网址',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  base64: 'Base64 编码',
  jwt: 'JWT',
};

/** Every enum value of the shared vocabulary, in words. */
const valueLabel: Record<string, string> = {
  ...caseStageLabel,
  ...roleLabel,
  ...decisionKindLabel,
  ...exemptionReasonLabel,
  ...withdrawalReasonLabel,
  ...partyKindLabel,
  ...majorCriterionLabel,
  ...materialKindLabel,
  ...reviewPointLabel,
  ...recordKindLabel,
  true: '是',
  false: '否',
};

const valuesText = (values: readonly unknown[]): string | undefined => {
  const words = values.map((v) =>
    typeof v === 'number' ? String(v) : typeof v === 'string' ? valueLabel[v] : undefined,
  );
  return words.every((w) => w !== undefined) ? words.join('、') : undefined;
};

const sized = (origin: string | undefined, n: number | bigint) =>
  origin === 'string' ? `${n} 个字符` : origin === 'array' || origin === 'set' ? `${n} 项` : `${n}`;

export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      return `应为${typeName[issue.expected] ?? '正确的类型'}`;
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string' && Number(n) === 1) return '不能为空';
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(n) === 1) return '至少填写一项';
      if (issue.origin === 'date') return '日期过早';
      return issue.inclusive ? `至少 ${sized(issue.origin, n)}` : `应大于 ${sized(issue.origin, n)}`;
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'date') return '日期过晚';
      return issue.inclusive ? `最多 ${sized(issue.origin, n)}` : `应小于 ${sized(issue.origin, n)}`;
    }
    case 'invalid_format':
      return formatName[issue.format] ? `应为${formatName[issue.format]}` : '格式不正确';
    case 'invalid_value': {
      const words = valuesText(issue.values);
      if (issue.values.length === 1 && words) return `应为${words}`;
      return words ? `应为以下之一：${words}` : '取值不在允许范围内';
    }
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `含有不支持的字段（${issue.keys.length} 个）`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    case 'invalid_key':
    case 'invalid_element':
      return '含有不合法的项';
    default:
      return '不合法';
  }
}

z.config({ localeError: (issue) => chineseIssueMessage(issue) });
