import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import {
  entriesLeftToUpdate,
  markChangeEntryUpdated,
  pendingChangeEntries,
  updateCatalogueChange,
} from '../../data-access/catalogue-change-repository';
import { getVersion } from '../../data-access/disclosure-repository';
import { upsertPublishedDecision } from '../../data-access/public-decision-repository';
import { recordPublicCatalogueVersion, upsertPublicItem } from '../../data-access/public-item-repository';
import type { Disclosure } from '../../data-access/rows';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { catalogueUpdateSignals } from '@sanxiang/shared/src/contracts';
import { ZPublicDecisionContent } from '../decisions/decision-content';

/**
 * Puts a stored, reviewed version on the public platform (the only writer of the projections
 * besides withdrawal and expiry). `correctedAt` marks a republication after a correction.
 */
export async function showOnPlatform(
  ctx: TCommandContext,
  d: Disclosure,
  versionNumber: number,
  times: { publishedAt: Date; correctedAt: Date | null },
): Promise<void> {
  const version = await getVersion(ctx.tx, d.id, versionNumber);
  if (d.kind === 'decision') {
    await upsertPublishedDecision(ctx.tx, {
      disclosureId: d.id,
      version: versionNumber,
      publishedAt: times.publishedAt,
      correctedAt: times.correctedAt,
      expiresAt: d.expiresAt,
      content: ZPublicDecisionContent.parse(version.publicContent),
    });
    return;
  }
  await upsertPublicItem(ctx.tx, {
    disclosureId: d.id,
    kind: d.kind,
    catalogueSection: d.catalogueSection,
    period: d.period,
    title: d.title,
    version: versionNumber,
    content: version.publicContent,
    publishedAt: times.publishedAt,
    correctedAt: times.correctedAt,
  });
  if (d.kind === 'catalogueEntry') {
    // History kept (000 §4 动态调整): the version replaced stays readable, with the reason the
    // new version gives (the note required of every change to a published entry).
    await recordPublicCatalogueVersion(ctx.tx, {
      disclosureId: d.id,
      version: versionNumber,
      catalogueSection: d.catalogueSection ?? '',
      title: d.title,
      content: version.publicContent,
      at: times.correctedAt ?? times.publishedAt,
      reason: times.correctedAt ? version.note : null,
    });
    await markCatalogueEntryUpdated(ctx, d, versionNumber);
  }
}

/**
 * A catalogue entry republished after a registered change of law or functions counts as updated
 * for that change; when every affected entry is updated the change is complete and its 20-day
 * clock workflow is told to stop.
 */
export async function markCatalogueEntryUpdated(ctx: TCommandContext, d: Disclosure, versionNumber: number) {
  const { tx, now, actor } = ctx;
  const pending = await pendingChangeEntries(tx, d.id);
  for (const entry of pending) {
    await markChangeEntryUpdated(tx, { changeId: entry.changeId, disclosureId: d.id }, versionNumber, now);
    const remaining = await entriesLeftToUpdate(tx, entry.changeId);
    if (remaining > 0) continue;
    await updateCatalogueChange(tx, entry.changeId, { status: 'completed', completedAt: now });
    await writeAudit(tx, actor, 'catalogueChange.completed', `catalogueChange:${entry.changeId}`, {
      lastEntry: disclosureSubject(d.id),
      at: now.toISOString(),
    });
    await ctx.signal({
      workflowId: entry.change.workflowId,
      signal: catalogueUpdateSignals.catalogueChangeCompleted,
      payload: { changeId: entry.changeId, completedAt: now.toISOString() },
    });
  }
}
