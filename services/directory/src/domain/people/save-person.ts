import { AppError, fieldError } from '@sanxiang/shared';
import { z } from 'zod';
import { personSubject, writeAudit } from '../../data-access/audit-log';
import {
  createPerson,
  findPerson,
  findPersonWithLeadership,
  findUnitRow,
  updatePerson,
} from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import { changedFields } from '../changes';
import type { TActor, TDomainDeps } from '../deps';
import { ZDirectoryId } from '../ids';
import { personView, ZStaffRole } from '../views';

export const ZSavePersonBody = z.object({
  login: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/u, '登录名只能包含小写字母、数字及 . _ -'),
  name: z.string().trim().min(1).max(64),
  unitId: ZDirectoryId,
  post: z.string().trim().min(1).max(64),
  roles: z
    .array(ZStaffRole)
    .min(1)
    .max(5)
    .refine((r) => new Set(r).size === r.length, '角色不得重复'),
  email: z.email().max(200).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,32}$/u, '电话号码格式不正确')
    .nullable()
    .default(null),
  active: z.boolean().default(true),
});
export type TSavePersonBody = z.infer<typeof ZSavePersonBody>;

/**
 * Create or change a person. A head or deputy stays in their unit and active until the unit's
 * leadership names someone else: a unit is never led by someone outside it.
 */
export async function savePerson(deps: TDomainDeps, actor: TActor, id: string, body: TSavePersonBody) {
  const created = await inTransaction(
    deps.db,
    async (tx) => {
      const unit = await findUnitRow(tx, body.unitId);
      if (!unit)
        throw new AppError('unprocessable', `机构 ${body.unitId} 不存在`, {
          fields: [fieldError('body.unitId', '没有此机构')],
        });
      const before = await findPersonWithLeadership(tx, id);
      const leads = [...(before?.headOf ?? []), ...(before?.deputyOf.map((d) => d.unit) ?? [])];
      const leaving = before && (before.unitId !== body.unitId || !body.active);
      if (leaving && leads.length > 0)
        throw new AppError(
          'conflict',
          `${before.name} 是 ${leads[0]!.name} 的负责人或副职，请先更换该机构的负责人`,
          {
            fields: [fieldError(body.active ? 'body.unitId' : 'body.active', '此人是机构的负责人或副职')],
          },
        );
      const data = { ...body, roles: [...body.roles].sort() };
      const changes = changedFields(before, data);
      if (!before) await createPerson(tx, { id, ...data });
      else if (Object.keys(changes).length > 0) await updatePerson(tx, id, data);
      if (Object.keys(changes).length > 0)
        await writeAudit(tx, actor, before ? 'person.updated' : 'person.created', personSubject(id), changes);
      return !before;
    },
    { login: '登录名已被使用' },
  );
  return { created, person: personView((await findPerson(deps.db, id))!) };
}
