import { z } from 'zod';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { addVersion, createDisclosure } from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { catalogueEntryTitle, ZCatalogueEntryContent } from './catalogue-content';

export const ZCreateCatalogueEntry = z.object({
  content: ZCatalogueEntryContent,
  note: z.string().trim().max(2000).optional(),
});
export type TCreateCatalogueEntry = z.infer<typeof ZCreateCatalogueEntry>;

/**
 * A new entry of the pre-disclosure catalogue (事前公开): drafted by disclosure staff, then through
 * the same internal review as any disclosure; the head's approval publishes it. Later updates are
 * new versions of it (POST /disclosures/{id}/versions), reviewed and republished the same way.
 */
export async function createCatalogueEntry(ctx: TCommandContext, input: TCreateCatalogueEntry) {
  const { tx, actor } = ctx;
  const d = await createDisclosure(tx, {
    kind: 'catalogueEntry',
    status: 'draft',
    reviewStage: 'editing',
    workingVersion: 1,
    title: catalogueEntryTitle(input.content),
    catalogueSection: input.content.section,
  });
  await addVersion(
    tx,
    {
      disclosureId: d.id,
      version: 1,
      purpose: 'initial',
      note: input.note,
      source: input.content,
      redactionRules: [],
      publicContent: input.content,
      redactionReport: [],
    },
    actor,
  );
  await writeAudit(tx, actor, 'catalogueEntry.drafted', disclosureSubject(d.id), {
    section: input.content.section,
  });
  return d;
}
