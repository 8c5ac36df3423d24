import { z } from 'zod';
import type { TDb } from '../../data-access/prisma-client';
import type { InspectionObject } from '../../generated/prisma/client';

export const ZObjectView = z.object({
  id: z.string(),
  uscc: z.string().describe('统一社会信用代码'),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  district: z.string(),
  active: z.boolean(),
});
export type TObjectView = z.infer<typeof ZObjectView>;

export const objectView = (o: InspectionObject): TObjectView => ({
  id: o.id,
  uscc: o.uscc,
  name: o.name,
  kind: o.kind,
  address: o.address,
  district: o.district,
  active: o.active,
});

export async function listObjects(
  db: TDb,
  query: { q?: string | undefined; district?: string | undefined; limit: number },
) {
  const rows = await db.inspectionObject.findMany({
    where: {
      active: true,
      ...(query.district ? { district: query.district } : {}),
      ...(query.q
        ? { OR: [{ name: { contains: query.q } }, { uscc: { startsWith: query.q.toUpperCase() } }] }
        : {}),
    },
    orderBy: { uscc: 'asc' },
    take: query.limit,
  });
  return rows.map(objectView);
}
