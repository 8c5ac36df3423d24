import { z } from 'zod';
import { getVersion, findDisclosure } from '../../data-access/disclosure-repository';
import { AppError, type TReader } from '@sanxiang/shared';
import { contentKinds, parseRules } from '../content-kinds';
import type { TRedactionRule } from './redaction';

export const ZPreviewRedaction = z.object({
  /** Version to start from; default the working version. */
  version: z.number().int().min(1).optional(),
  content: z.record(z.string(), z.unknown()).optional(),
  redactionRules: z.array(z.unknown()).max(100).optional(),
});
export type TPreviewRedaction = z.infer<typeof ZPreviewRedaction>;

/** What the public would see with these edits and rules, without writing a version. */
export async function previewRedaction(db: TReader, id: string, input: TPreviewRedaction) {
  const d = await findDisclosure(db, id);
  if (!d) throw new AppError('notFound', '公示记录不存在');
  const kind = contentKinds[d.kind];
  const base = await getVersion(db, d.id, input.version ?? d.workingVersion);
  const source = input.content ? kind.merge(base.source, input.content) : base.source;
  const rules = (
    input.redactionRules ? parseRules(d.kind, input.redactionRules) : base.redactionRules
  ) as TRedactionRule[];
  const rendered = kind.render(source, rules);
  return { basedOnVersion: base.version, source, redactionRules: rules, ...rendered };
}
