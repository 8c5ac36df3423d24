import { z } from 'zod';
import { agencySubject, writeAudit } from '../../data-access/audit-log';
import { createAgency, findAgency, updateAgency } from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import { changedFields } from '../changes';
import type { TActor, TDomainDeps } from '../deps';

export const ZSaveAgencyBody = z.object({ name: z.string().trim().min(1).max(100) });
export const ZAgencyView = z.object({ id: z.string(), name: z.string() });

/** Create or rename the agency (行政执法机关); a repeat with the same body changes nothing. */
export async function saveAgency(
  deps: TDomainDeps,
  actor: TActor,
  id: string,
  body: z.infer<typeof ZSaveAgencyBody>,
) {
  return inTransaction(
    deps.db,
    async (tx) => {
      const before = await findAgency(tx, id);
      const changes = changedFields(before, body);
      const created = !before;
      if (created) await createAgency(tx, { id, ...body });
      else if (Object.keys(changes).length > 0) await updateAgency(tx, id, body);
      if (Object.keys(changes).length > 0)
        await writeAudit(
          tx,
          actor,
          created ? 'agency.created' : 'agency.updated',
          agencySubject(id),
          changes,
        );
      return { created, agency: { id, name: body.name } };
    },
    { name: '机关名称已被使用' },
  );
}
