import { AppError, fieldError } from '@sanxiang/shared';
import { z } from 'zod';
import { unitSubject, writeAudit } from '../../data-access/audit-log';
import { findPeople, findUnit, replaceUnitLeadership } from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor, TDomainDeps } from '../deps';
import { ZDirectoryId } from '../ids';
import { unitView } from '../views';

export const ZUnitLeadershipBody = z
  .object({
    headId: ZDirectoryId.nullable(),
    deputyIds: z.array(ZDirectoryId).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.deputyIds).size !== v.deputyIds.length)
      ctx.addIssue({ code: 'custom', path: ['deputyIds'], message: '副职不得重复' });
    if (v.headId && v.deputyIds.includes(v.headId))
      ctx.addIssue({ code: 'custom', path: ['deputyIds'], message: '负责人不能同时是副职' });
  });

/**
 * Name the unit's head (负责人) and deputies (副职), in order. They must be active members of the
 * unit: a head approves for their own unit only (docs/authorization.md).
 */
export async function setUnitLeadership(
  deps: TDomainDeps,
  actor: TActor,
  unitId: string,
  body: z.infer<typeof ZUnitLeadershipBody>,
) {
  await inTransaction(deps.db, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit) throw new AppError('notFound', `机构 ${unitId} 不存在`);
    const ids = [...(body.headId ? [body.headId] : []), ...body.deputyIds];
    const people = new Map((await findPeople(tx, ids)).map((p) => [p.id, p]));
    ids.forEach((id) => {
      const path = id === body.headId ? 'body.headId' : `body.deputyIds.${body.deputyIds.indexOf(id)}`;
      const person = people.get(id);
      if (!person || !person.active || person.unitId !== unitId)
        throw new AppError(
          'unprocessable',
          `${person?.name ?? id} 不是本机构的在职人员，不能担任负责人或副职`,
          {
            fields: [fieldError(path, '不是本机构的在职人员')],
          },
        );
    });
    const before = { headId: unit.headId, deputyIds: unit.deputies.map((d) => d.personId) };
    if (JSON.stringify(before) === JSON.stringify(body)) return;
    await replaceUnitLeadership(tx, unitId, body);
    await writeAudit(tx, actor, 'unit.leadershipChanged', unitSubject(unitId), { before, after: body });
  });
  return unitView((await findUnit(deps.db, unitId))!);
}
