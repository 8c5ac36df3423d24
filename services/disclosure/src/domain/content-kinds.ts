import { type z } from 'zod';
import { AppError, fieldError, validationError } from '@sanxiang/shared';
import type { DisclosureKind } from '../data-access/rows';
import { ZCatalogueEntryContent, catalogueEntryTitle } from './catalogue/catalogue-content';
import { ZDecisionEdit, ZDecisionSource } from './decisions/decision-content';
import {
  ZRedactionRules,
  applyRedaction,
  type TRedactionReportItem,
  type TRedactionRule,
} from './redaction/redaction';
import {
  ZAnnualStatisticsContent,
  ZCreditBlacklistContent,
  ZRandomInspectionResultsContent,
} from './reports/report-content';

export interface TRendered {
  publicContent: unknown;
  report: TRedactionReportItem[];
}

/** How one kind of disclosure validates, edits and renders its content. */
interface TContentKind {
  source: z.ZodType;
  /** An edit sent by staff: partial for decisions, a whole replacement otherwise. */
  merge(source: unknown, edit: unknown): unknown;
  /** Redaction applies to decisions only; other kinds are public by nature (e.g. officers' names). */
  redacts: boolean;
  render(source: unknown, rules: TRedactionRule[]): TRendered;
  title(source: unknown): string;
}

const parseAt = <S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> => {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(where, r.error);
  return r.data;
};

const replaceWhole = (schema: z.ZodType): TContentKind => ({
  source: schema,
  merge: (_source, edit) => parseAt(schema, edit, 'body.content'),
  redacts: false,
  render: (source) => ({ publicContent: source, report: [] }),
  title: () => '',
});

export const contentKinds: Record<DisclosureKind, TContentKind> = {
  decision: {
    source: ZDecisionSource,
    merge: (source, edit) => {
      const changes = parseAt(ZDecisionEdit, edit, 'body.content');
      return parseAt(ZDecisionSource, { ...(source as object), ...changes }, 'body.content');
    },
    redacts: true,
    render: (source, rules) => applyRedaction(ZDecisionSource.parse(source), rules),
    title: (source) => {
      const s = ZDecisionSource.parse(source);
      return `${s.documentNumber}（${s.partyName}）`;
    },
  },
  catalogueEntry: {
    ...replaceWhole(ZCatalogueEntryContent),
    title: (source) => catalogueEntryTitle(ZCatalogueEntryContent.parse(source)),
  },
  randomInspectionResults: {
    ...replaceWhole(ZRandomInspectionResultsContent),
    title: (s) => `随机抽查结果公示（${ZRandomInspectionResultsContent.parse(s).period}）`,
  },
  creditBlacklist: {
    ...replaceWhole(ZCreditBlacklistContent),
    title: (s) => `失信惩戒名单（${ZCreditBlacklistContent.parse(s).period}）`,
  },
  annualStatistics: {
    ...replaceWhole(ZAnnualStatisticsContent),
    title: (s) => `${ZAnnualStatisticsContent.parse(s).year} 年度行政执法统计年报`,
  },
};

/** Validates staff-sent rules for a kind (400 naming the field). */
export function parseRules(kind: DisclosureKind, raw: unknown): TRedactionRule[] {
  const rules = parseAt(ZRedactionRules, raw, 'body.redactionRules');
  if (!contentKinds[kind].redacts && rules.length > 0) {
    throw new AppError('validation', '此类公示内容不适用脱敏规则', {
      fields: [fieldError('body.redactionRules', '此类公示内容不适用脱敏规则')],
    });
  }
  return rules;
}
