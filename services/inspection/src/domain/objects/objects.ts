import { z } from 'zod';
import type { TReader } from '@sanxiang/shared';
import { searchObjects } from '../../data-access/catalogue-repository';
import type { InspectionObject } from '../../data-access/rows';

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
  db: TReader,
  query: { q?: string | undefined; district?: string | undefined; limit: number },
) {
  return (await searchObjects(db, query)).map(objectView);
}
