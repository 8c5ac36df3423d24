import { AppError, type TDatabase, type TDirectoryUnits, type TPrincipal } from '@sanxiang/shared';
import { disclosureSubject, writeAuditAlone } from '../../data-access/audit-log';
import { findDisclosure, type TDisclosureScope } from '../../data-access/disclosure-repository';

/**
 * Disclosure by unit (docs/authorization.md, rule `disclosureUnit`): “谁执法、谁公开” (003 §(四)),
 * reviewed by the 公示 office's people (003 §(七): 明确专门机构和人员), published only with the
 * approval of the head of the enforcement unit (004 §16 未经行政执法机构负责人批准不得发布; 000 §18).
 * For a decision record that carries its case's unit:
 * - read: people of the case's unit, of the 公示 office (unit kind `disclosure`), the legal-review
 *   office's reviewers (they check), heads of the agency's leadership (kind `leadership`) and admins;
 * - edit, submit, blacklist: disclosure staff of the case's unit or of the 公示 office;
 * - check (审核, also of a withdrawal/non-publication request): a reviewer, or such disclosure staff;
 * - approve (负责人批准): a head (or deputy) of the case's unit, or a head of the agency's leadership;
 * - request withdrawal / non-publication: such disclosure staff, or such a head.
 * Out of reach answers 404 exactly like a missing record; in reach but not the caller's step, 403.
 * Every 404 of a person is audited, like recording's refused reads (`disclosure.readRefused`: who,
 * roles, unit, what was tried, why — `outsideUnit` or `notFound`).
 * Records without a unit (catalogue entries, periodic reports, decisions drafted before
 * 2026-12-03 or of a case opened before cases carried a unit) keep the role rule.
 */
export type TDisclosureAction = 'read' | 'edit' | 'check' | 'approve' | 'requestOutcome';

const refusal: Record<Exclude<TDisclosureAction, 'read'>, string> = {
  edit: '仅本案承办机构或公示机构的公示工作人员可以编辑、提交该公示记录',
  check: '仅法制审核人员或本案承办机构、公示机构的公示工作人员可以审核该公示记录',
  approve: '仅本案承办机构的负责人（含副职）或机关领导机构的负责人可以批准该公示记录',
  requestOutcome:
    '仅本案承办机构、公示机构的公示工作人员，或本案承办机构的负责人、机关领导机构的负责人可以申请撤下或不予公开',
};

export interface TDisclosureAccess {
  /** Throws 404 (out of reach or missing) or 403 (in reach, not the caller's step). */
  assert(principal: TPrincipal, id: string, action: TDisclosureAction): Promise<void>;
  /** The records a staff list shows the caller (unit-less records to everyone with the role). */
  listScope(principal: TPrincipal): Promise<TDisclosureScope>;
}

export function createDisclosureAccess(db: TDatabase, units: TDirectoryUnits): TDisclosureAccess {
  /** The caller's standing towards records of `unitId`; the directory is asked only when needed. */
  const standing = (p: TPrincipal, unitId: string | null) => {
    const has = (r: TPrincipal['roles'][number]) => p.roles.includes(r);
    const inKind = async (kind: 'disclosure' | 'leadership') =>
      p.unitId ? (await units.unitIdsOfKind(kind)).includes(p.unitId) : false;
    const caseUnit = p.unitId !== undefined && p.unitId === unitId;
    let office: Promise<boolean> | undefined;
    let leadership: Promise<boolean> | undefined;
    const isOffice = () => (office ??= inKind('disclosure'));
    const isAgencyHead = async () => has('head') && (await (leadership ??= inKind('leadership')));
    const staff = async () => has('discloser') && (caseUnit || (await isOffice()));
    const unitHead = async () => has('head') && (caseUnit || (await isAgencyHead()));
    return {
      reaches: async () =>
        has('admin') || has('reviewer') || caseUnit || (await isOffice()) || (await isAgencyHead()),
      may: async (action: TDisclosureAction) => {
        switch (action) {
          case 'read':
            return true;
          case 'edit':
            return staff();
          case 'check':
            return has('reviewer') || (await staff());
          case 'approve':
            return unitHead();
          case 'requestOutcome':
            return (await staff()) || (await unitHead());
        }
      },
    };
  };

  /** The refusal in the audit trail (its own transaction: the chain is appended under a lock). */
  const refuse = async (
    principal: TPrincipal,
    id: string,
    action: TDisclosureAction,
    why: 'outsideUnit' | 'notFound',
    unitId?: string,
  ): Promise<AppError> => {
    if (!principal.roles.includes('system'))
      await writeAuditAlone(db, principal, 'disclosure.readRefused', disclosureSubject(id), {
        what: action,
        roles: principal.roles,
        unitId: principal.unitId ?? null,
        reason: why,
        ...(unitId ? { recordUnitId: unitId } : {}),
      });
    return new AppError('notFound', '公示记录不存在');
  };

  return {
    async assert(principal, id, action) {
      const d = await findDisclosure(db, id);
      if (!d) throw await refuse(principal, id, action, 'notFound');
      if (d.unitId === null) return; // the role rule (checked by the route) decides
      const s = standing(principal, d.unitId);
      if (!(await s.reaches())) throw await refuse(principal, id, action, 'outsideUnit', d.unitId);
      if (action !== 'read' && !(await s.may(action))) throw new AppError('forbidden', refusal[action]);
    },
    async listScope(principal) {
      if (principal.roles.includes('admin') || principal.roles.includes('reviewer')) return { all: true };
      if (!principal.unitId) return { all: false, unitId: null };
      const s = standing(principal, null);
      if (await s.reaches()) return { all: true };
      return { all: false, unitId: principal.unitId };
    },
  };
}
