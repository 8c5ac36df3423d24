import type { TRole } from '@sanxiang/shared/src/domain';

/**
 * Who does what in internal review (内部审核, 000 §18, 004 §15–§16):
 * - disclosure staff (discloser) draft, revise, correct and submit;
 * - a second person checks the submitted version (审核): a reviewer, or another discloser — never
 *   its author or submitter (four eyes);
 * - the head of the unit approves it (负责人批准) — never the person who checked or submitted it.
 * Withdrawal (撤下) and non-publication (不予公开) are decided the same way (#13 items 9 and 2):
 * disclosure staff (or a head) request, a second person checks, the head approves.
 */
export const roles = {
  read: ['discloser', 'reviewer', 'head', 'admin'],
  edit: ['discloser'],
  submit: ['discloser'],
  check: ['reviewer', 'discloser'],
  approve: ['head'],
  requestOutcome: ['discloser', 'head'],
  checkOutcome: ['reviewer', 'discloser'],
  approveOutcome: ['head'],
  audit: ['discloser', 'reviewer', 'head', 'admin'],
  correctionQueue: ['discloser', 'head'],
  catalogueChange: ['discloser', 'head'],
  blacklist: ['discloser'],
  statistics: ['discloser', 'reviewer', 'head', 'admin'],
  system: ['system'],
} as const satisfies Record<string, readonly TRole[]>;
