import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Client } from '@temporalio/client';
import { ZIsoDate } from '@sanxiang/shared/src/domain';
import { AppError, fieldError } from '@sanxiang/shared';
import { writeAudit } from '../../data-access/audit-log';
import { createCatalogueChange } from '../../data-access/catalogue-change-repository';
import { catalogueEntryIds } from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { catalogueUpdateWorkflowId, catalogueUpdateWorkflowType } from '@sanxiang/shared/src/contracts';

export const ZRegisterCatalogueChange = z.object({
  kind: z.enum(['lawChange', 'functionChange']),
  title: z.string().trim().min(2).max(200), // e.g. 《劳动保障监察条例》修订
  description: z.string().trim().min(2).max(4000),
  /** The day the law took effect or was repealed, or the functions changed: the clock starts here. */
  effectiveDate: ZIsoDate,
  entryIds: z.array(z.uuid()).min(1).max(500),
});
export type TRegisterCatalogueChange = z.infer<typeof ZRegisterCatalogueChange>;

/** What the catalogue-update clock workflow receives (workflows/src/disclosure/catalogue-update). */
export interface TCatalogueUpdateInput {
  changeId: string;
  title: string;
  effectiveDate: string;
}

/**
 * A law or the agency's functions changed (003 §(五)): the affected catalogue entries must be updated
 * within 20 working days of the effective date. The change and its entries are recorded, and the
 * clock workflow (reminder, escalation to the unit head, then to the agency head) is started in the
 * same transaction: if Temporal refuses, nothing is recorded; the workflow only acts through
 * activities that find the change, so a start whose transaction then fails does no harm.
 */
export async function registerCatalogueChange(
  ctx: TCommandContext,
  input: TRegisterCatalogueChange,
  temporal: { client: Client; taskQueue: string },
) {
  const { tx, actor, now } = ctx;
  const ids = [...new Set(input.entryIds)];
  const found = await catalogueEntryIds(tx, ids);
  const missing = ids.map((id, i) => ({ id, i })).filter((x) => !found.has(x.id));
  if (missing.length > 0) {
    throw new AppError('validation', '以下条目不是事前公开目录条目', {
      fields: missing.map((m) => fieldError(`body.entryIds.${m.i}`, '不是事前公开目录条目')),
    });
  }
  const id = randomUUID();
  const workflowId = catalogueUpdateWorkflowId(id);
  const change = await createCatalogueChange(tx, {
    id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    effectiveDate: new Date(`${input.effectiveDate}T00:00:00Z`),
    registeredBy: actor.id,
    registeredAt: now,
    workflowId,
    entries: { create: ids.map((disclosureId) => ({ disclosureId })) },
  });
  await writeAudit(tx, actor, 'catalogueChange.registered', `catalogueChange:${change.id}`, {
    kind: input.kind,
    title: input.title,
    effectiveDate: input.effectiveDate,
    entries: ids,
    workflowId,
  });
  const workflowInput: TCatalogueUpdateInput = {
    changeId: change.id,
    title: input.title,
    effectiveDate: input.effectiveDate,
  };
  await temporal.client.workflow.start(catalogueUpdateWorkflowType, {
    taskQueue: temporal.taskQueue,
    workflowId,
    args: [workflowInput],
  });
  return change;
}
