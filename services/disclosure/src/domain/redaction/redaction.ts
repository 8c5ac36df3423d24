import { z } from 'zod';
import { redactionRuleKindLabel, ZExemptionReason, type TPartyKind } from '@sanxiang/shared/src/domain';
import type { TRedactionPlanItem } from './redaction-plan';
import { exemptionReasonLabel } from '../labels';
import {
  ZRedactableField,
  redactableFields,
  type TDecisionSource,
  type TPublicDecisionContent,
  type TRedactableField,
} from '../decisions/decision-content';

/**
 * Redaction (000 §15: information that must be published but contains protected parts is published
 * after "appropriate processing"). Rules are data, stored with every version, so staff see exactly
 * which rule masked what and adjust them per record; the public text is generated from source +
 * rules and stored, and that stored text is what is reviewed and published.
 */
export const ZRedactionRule = z.discriminatedUnion('kind', [
  /** 身份证号码: 18-digit resident ID numbers keep the first 4 and last 4 characters. */
  z.object({ kind: z.literal('idNumber'), enabled: z.boolean() }),
  /** 电话号码: mobile numbers keep 3 + 4 digits, landlines only their area code. */
  z.object({ kind: z.literal('phoneNumber'), enabled: z.boolean() }),
  /** 住址: the detailed part (street, number, room) of an address; province/city/district stay. */
  z.object({ kind: z.literal('address'), enabled: z.boolean() }),
  /**
   * 自然人姓名: a natural-person party's name, and any further names listed (witnesses, family),
   * become surname + 某 (张三 → 张某) wherever they appear.
   */
  z.object({
    kind: z.literal('naturalPersonName'),
    enabled: z.boolean(),
    names: z.array(z.string().trim().min(2).max(20)).max(50).default([]),
  }),
  /** A term staff list for this record (e.g. a bank account), replaced everywhere it appears. */
  z.object({
    kind: z.literal('literal'),
    text: z.string().trim().min(1).max(200),
    replacement: z.string().trim().max(50).default('***'),
  }),
  /** A whole field is not published, with the reason (from the decision's plan or staff). */
  z.object({ kind: z.literal('withholdField'), field: ZRedactableField, reason: ZExemptionReason }),
]);
export type TRedactionRule = z.infer<typeof ZRedactionRule>;

const builtinKinds = ['idNumber', 'phoneNumber', 'address', 'naturalPersonName'] as const;
const redactionKindLabel: Record<(typeof builtinKinds)[number], string> = redactionRuleKindLabel;

export const ZRedactionRules = z
  .array(ZRedactionRule)
  .max(100)
  .superRefine((rules, ctx) => {
    for (const kind of builtinKinds) {
      if (rules.filter((r) => r.kind === kind).length > 1) {
        ctx.addIssue({ code: 'custom', message: `隐去规则「${redactionKindLabel[kind]}」只能出现一次` });
      }
    }
  });

export interface TRedactionReportItem {
  field: TRedactableField;
  rule: TRedactionRule['kind'];
  count: number;
}

export interface TRedactionResult {
  publicContent: TPublicDecisionContent;
  report: TRedactionReportItem[];
}

/** The rules a new draft starts with; staff may switch each off or add more. */
export function defaultRedactionRules(
  partyKind: TPartyKind,
  plan: TRedactionPlanItem[] = [],
): TRedactionRule[] {
  return [
    { kind: 'idNumber', enabled: true },
    { kind: 'phoneNumber', enabled: true },
    // A company's registered address is public information; a person's home address is not.
    { kind: 'address', enabled: partyKind === 'naturalPerson' },
    { kind: 'naturalPersonName', enabled: true, names: [] },
    ...plan.map((p) => ({ kind: 'withholdField' as const, field: p.field, reason: p.reason })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Masks

const compoundSurnames = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 澹台 闻人 端木 南宫 西门 独孤 钟离 呼延 申屠 万俟 拓跋 百里 东郭 第五'.split(
    ' ',
  ),
);

/** 张三 → 张某, 欧阳明 → 欧阳某. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  const surnameLength = chars.length > 2 && compoundSurnames.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return `${chars.slice(0, surnameLength).join('')}某`;
}

// 18-digit resident ID: region (6), birth date (8), sequence (3), check (digit or X).
const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/gu;
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z])/gu;
const LANDLINE = /(?<![0-9A-Za-z])(0\d{2,3})[-—\s](\d{7,8})(?![0-9A-Za-z])/gu;

// An address after a keyword runs to the next punctuation mark.
const ADDRESS_AFTER_KEYWORD =
  /(家庭住址|现住址|居住地址|住址|住所地|住所|居住地|现住|户籍地|地址)([：:\s]*)([^，。；;,、\n（）()]{4,80})/gu;
// An address without a keyword: up to a road/street and a house number (and building/room).
const STREET_ADDRESS =
  /[\u4e00-\u9fa5]{1,12}?(?:大街|大道|路|街|巷|弄|胡同|村)[\d一二三四五六七八九十甲乙丙-]{1,8}号(?:[\d一二三四五六七八九十]{1,4}(?:号楼|栋|幢|座))?(?:[\d一二三四五六七八九十]{1,3}单元)?(?:[\d-]{1,6}(?:室|号房))?/gu;
// The administrative divisions of an address stay readable.
const ADMIN_PREFIX =
  /^(?:[\u4e00-\u9fa5]{1,10}?(?:省|自治区|特别行政区))?(?:[\u4e00-\u9fa5]{1,10}?(?:市|自治州|地区|盟))?(?:[\u4e00-\u9fa5]{1,10}?(?:区|县|旗|市))?/u;

function maskAddress(address: string): string {
  const prefix = ADMIN_PREFIX.exec(address)?.[0] ?? '';
  return prefix.length < address.length ? `${prefix}****` : address;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type TMask = (text: string) => { text: string; count: number };

const replaceCounting =
  (pattern: RegExp, replacer: (...match: string[]) => string): TMask =>
  (text) => {
    let count = 0;
    const out = text.replace(pattern, (...args: unknown[]) => {
      const replaced = replacer(
        ...(args.filter((a) => typeof a === 'string' || a === undefined) as string[]),
      );
      if (replaced !== args[0]) count += 1;
      return replaced;
    });
    return { text: out, count };
  };

const maskIdNumber = replaceCounting(ID_NUMBER, (m) => `${m.slice(0, 4)}${'*'.repeat(10)}${m.slice(-4)}`);
const maskMobile = replaceCounting(MOBILE, (_m, a = '', _b, c = '') => `${a}****${c}`);
const maskLandline = replaceCounting(LANDLINE, (_m, area = '') => `${area}-********`);
const maskAddressAfterKeyword = replaceCounting(
  ADDRESS_AFTER_KEYWORD,
  (_m, keyword = '', sep = '', address = '') => `${keyword}${sep}${maskAddress(address)}`,
);
const maskStreetAddress = replaceCounting(STREET_ADDRESS, (m) => maskAddress(m));

const chain =
  (...masks: TMask[]): TMask =>
  (text) =>
    masks.reduce(
      (acc, mask) => {
        const r = mask(acc.text);
        return { text: r.text, count: acc.count + r.count };
      },
      { text, count: 0 },
    );

// ---------------------------------------------------------------------------------------------

/**
 * Generate the public version of a decision. Order matters: withheld fields first (nothing else to
 * do there), then staff terms and names (they may contain digits), then ID numbers before phone
 * numbers (an ID contains 11-digit runs), then addresses.
 */
export function applyRedaction(source: TDecisionSource, rules: TRedactionRule[]): TRedactionResult {
  const report: TRedactionReportItem[] = [];
  const note = (field: TRedactableField, rule: TRedactionRule['kind'], count: number) => {
    if (count === 0) return;
    const existing = report.find((r) => r.field === field && r.rule === rule);
    if (existing) existing.count += count;
    else report.push({ field, rule, count });
  };

  const enabled = <K extends TRedactionRule['kind']>(kind: K) =>
    rules.find(
      (r): r is Extract<TRedactionRule, { kind: K }> =>
        r.kind === kind && ('enabled' in r ? r.enabled : true),
    );

  const nameRule = enabled('naturalPersonName');
  const names = new Set<string>(nameRule?.names ?? []);
  if (nameRule && source.partyKind === 'naturalPerson') names.add(source.partyName);
  // Longest first, so that 张三丰 is not masked as 张某丰 by a rule for 张三.
  const nameMasks = [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => replaceCounting(new RegExp(escapeRegExp(name), 'gu'), () => maskPersonName(name)));
  const literalMasks = rules
    .filter((r): r is Extract<TRedactionRule, { kind: 'literal' }> => r.kind === 'literal')
    .map((r) => replaceCounting(new RegExp(escapeRegExp(r.text), 'gu'), () => r.replacement || '***'));

  const result: TPublicDecisionContent = { ...source };
  for (const field of redactableFields) {
    const value = source[field];
    if (value === undefined) continue;
    const withheld = rules.find(
      (r): r is Extract<TRedactionRule, { kind: 'withholdField' }> =>
        r.kind === 'withholdField' && r.field === field,
    );
    if (withheld) {
      result[field] = `【依法不予公开：${exemptionReasonLabel[withheld.reason]}】`;
      note(field, 'withholdField', 1);
      continue;
    }
    let text = value;
    const run = (rule: TRedactionRule['kind'], mask: TMask) => {
      const r = mask(text);
      text = r.text;
      note(field, rule, r.count);
    };
    literalMasks.forEach((m) => run('literal', m));
    nameMasks.forEach((m) => run('naturalPersonName', m));
    if (enabled('idNumber')) run('idNumber', maskIdNumber);
    if (enabled('phoneNumber')) run('phoneNumber', chain(maskMobile, maskLandline));
    if (enabled('address')) run('address', chain(maskAddressAfterKeyword, maskStreetAddress));
    result[field] = text;
  }
  return { publicContent: result, report };
}
