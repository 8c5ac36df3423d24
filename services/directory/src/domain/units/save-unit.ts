import { AppError, fieldError } from '@sanxiang/shared';
import { ZUnitKind } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { unitSubject, writeAudit } from '../../data-access/audit-log';
import {
  createUnit,
  findAgency,
  findUnit,
  findUnitRow,
  updateUnit,
} from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import { changedFields } from '../changes';
import type { TActor, TDomainDeps } from '../deps';
import { ZDirectoryId } from '../ids';
import { unitView } from '../views';

export const ZSaveUnitBody = z.object({
  agencyId: ZDirectoryId,
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9][a-z0-9-]*$/u, '小写字母、数字和连字符'),
  name: z.string().trim().min(1).max(100),
  kind: ZUnitKind,
});

/** Create or change a unit (内设机构); a repeat with the same body changes nothing. */
export async function saveUnit(
  deps: TDomainDeps,
  actor: TActor,
  id: string,
  body: z.infer<typeof ZSaveUnitBody>,
) {
  const result = await inTransaction(
    deps.db,
    async (tx) => {
      if (!(await findAgency(tx, body.agencyId)))
        throw new AppError('unprocessable', `机关 ${body.agencyId} 不存在`, {
          fields: [fieldError('body.agencyId', '没有此机关')],
        });
      const before = await findUnitRow(tx, id);
      const changes = changedFields(before, body);
      const created = !before;
      if (created) await createUnit(tx, { id, ...body });
      else if (Object.keys(changes).length > 0) await updateUnit(tx, id, body);
      if (Object.keys(changes).length > 0)
        await writeAudit(tx, actor, created ? 'unit.created' : 'unit.updated', unitSubject(id), changes);
      return created;
    },
    { code: '机构代码已被使用', name: '同一机关内机构名称不得重复' },
  );
  return { created: result, unit: unitView((await findUnit(deps.db, id))!) };
}
