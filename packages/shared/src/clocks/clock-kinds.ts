import type { TRole } from '../domain/roles';

/**
 * THE table of deadline clocks (DOMAIN.md §1–§5). Every place that counts, shows or documents a
 * clock reads it from here: the lifecycle's `computeClock` activity and clock keeper, the
 * catalogue-update workflow, disclosure's catalogue clock and correction requests, legal-review's
 * review deadline and late-materials clock, and the table in docs/lifecycle.md (kept equal by
 * `clock-kinds.test.ts`).
 *
 * Pure data, no I/O: workflow code imports it.
 *
 * For a clock of N working days started at instant S (or on a date):
 * - the start day (Shanghai date of S) is not counted; the due date D is the N-th working day after;
 * - level 0, reminder: 09:00 Beijing on the working day `reminderLeadDays` before D, to the assignee;
 * - level 1, escalation: at the end of D (Shanghai), to the head of the assignee's unit;
 * - level 2, second escalation: at the end of the `secondEscalationAfterDays`-th working day after D,
 *   to the agency head.
 * A clock whose due date is set by a person (`workingDays: null`, e.g. materials by a set date)
 * uses only the levels its row names. A clock due on a fixed day of the year (`dueOn`, the annual
 * statistics) reminds and escalates around that day as a counted one does around its due date.
 */

export const clockRuleKinds = [
  'evidenceUpload',
  'legalReview',
  'reviewMaterials',
  'disclosure',
  'randomInspectionDisclosure',
  'catalogueUpdate',
  'correctionRequest',
  'correctionRepublication',
  'withdrawal',
  'creditBlacklist',
  'annualStatisticsPublication',
  'annualStatisticsReport',
] as const;
export type TClockRuleKind = (typeof clockRuleKinds)[number];

export type TClockLevel = 0 | 1 | 2;

export interface TClockRule {
  /** What the clock is, as staff read it. */
  label: string;
  /** Statutory basis (seed rule texts, /work/shared/seeds). */
  basis: string;
  /** When the count starts (the start day itself not counted). */
  startsAt: string;
  /** Working days of the period; null when the due date is a person's or the calendar's (`dueOn`). */
  workingDays: number | null;
  /** A due date fixed in the calendar year (e.g. 10 January), for clocks without a counted period. */
  dueOn?: { month: number; day: number };
  /** Who does the work and is reminded at level 0. */
  assignee: { role: TRole; who: string };
  /** Working days before the due date that the reminder goes out; null: no reminder. */
  reminderLeadDays: number | null;
  /** Working days after the due date of the second escalation; null: none. */
  secondEscalationAfterDays: number | null;
}

/** Reminders go out at the start of office hours, Beijing time, on their working day. */
export const REMINDER_TIME_BEIJING = '09:00';

/** The standard second escalation: 3 working days after the due date. */
const SECOND_ESCALATION_AFTER_DAYS = 3;

export const clockRules: Record<TClockRuleKind, TClockRule> = {
  evidenceUpload: {
    label: '执法记录上传',
    basis: '记录规定 §16',
    startsAt: '执法活动结束',
    workingDays: 2,
    assignee: { role: 'officer', who: '该执法活动的执法人员' },
    // 2 would be the start day itself.
    reminderLeadDays: 1,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  legalReview: {
    label: '法制审核',
    basis: '审核办法 §9',
    startsAt: '收到完整送审材料（补充材料送达后重新计算）',
    workingDays: 10,
    assignee: { role: 'reviewer', who: '法制审核机构' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  reviewMaterials: {
    label: '补充送审材料',
    basis: '审核办法 §8',
    startsAt: '法制审核机构要求补充材料（期限由审核机构确定）',
    workingDays: null,
    assignee: { role: 'officer', who: '案件承办人员' },
    reminderLeadDays: null,
    secondEscalationAfterDays: null,
  },
  disclosure: {
    label: '执法决定公示',
    basis: '000 §17，003 §(六)，004 §12',
    startsAt: '作出执法决定之日',
    workingDays: 7,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  randomInspectionDisclosure: {
    label: '随机抽查结果公示',
    basis: '000 §17',
    startsAt: '随机抽查结束之日',
    workingDays: 20,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  catalogueUpdate: {
    label: '事前公开内容更新',
    basis: '003 §(五)',
    startsAt: '法律法规或职能变更生效之日',
    workingDays: 20,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  correctionRequest: {
    label: '更正申请处理',
    basis: '003 §(七)，004 §17（“及时处理”，定为 10 个工作日）',
    startsAt: '收到更正申请',
    workingDays: 10,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  correctionRepublication: {
    label: '更正后重新公示',
    basis: '000 §17，003 §(六)（“形成或者变更之日起 7 个工作日内”），004 §17',
    startsAt: '已公示信息开始更正（变更）之日',
    workingDays: 7,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  withdrawal: {
    label: '撤下原执法决定',
    basis: '000 §14，003 §(六)，004 §14（“及时撤下”，默认 3 个工作日，WITHDRAWAL_WORKING_DAYS 可配置）',
    startsAt: '撤销、确认违法或要求重新作出的文书之日',
    workingDays: 3,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 1,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  creditBlacklist: {
    label: '失信惩戒名单公示（季度）',
    basis: '004 §13（“按季度定期公示”，定为季度结束后 10 个工作日内）',
    startsAt: '季度最后一日',
    workingDays: 10,
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  annualStatisticsPublication: {
    label: '统计年报公开',
    basis: '002 4(5)（每年 1 月 10 日前公开上年度情况）',
    startsAt: '上年度结束',
    workingDays: null,
    dueOn: { month: 1, day: 10 },
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
  annualStatisticsReport: {
    label: '统计年报报送',
    basis: '001 二(一)3(3)（每年 1 月 31 日前报送局政策法规科；以负责人批准年报为报送）',
    startsAt: '上年度结束',
    workingDays: null,
    dueOn: { month: 1, day: 31 },
    assignee: { role: 'discloser', who: '公示工作人员' },
    reminderLeadDays: 2,
    secondEscalationAfterDays: SECOND_ESCALATION_AFTER_DAYS,
  },
};

/** Who each level goes to: the assignee, then the head of their unit, then the agency head. */
export const levelAudience = {
  0: 'assignee',
  1: 'unitHead',
  2: 'agencyHead',
} as const satisfies Record<TClockLevel, string>;

/** The working days of a counted clock (a person-set clock has none: a programming error). */
export const workingDaysOf = (kind: TClockRuleKind): number => {
  const days = clockRules[kind].workingDays;
  if (days === null) throw new Error(`clock ${kind} has a due date set by a person or the calendar`);
  return days;
};

/** What each level asks for, in the reason stored with an escalation. */
export const escalationText: Record<TClockLevel, string> = {
  0: '即将到期，请及时办理',
  1: '已逾期，报承办机构负责人督办',
  2: '逾期已满 3 个工作日，报机关负责人督办',
};
