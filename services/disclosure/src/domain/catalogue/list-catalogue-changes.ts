import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { AppError } from '@sanxiang/shared';
import type { TReader } from '@sanxiang/shared';
import {
  findCatalogueChangeWithEntries,
  listCatalogueChangeRows,
  type TCatalogueChangeRow as TChangeRow,
} from '../../data-access/catalogue-change-repository';
import type { TCatalogueChangeView } from './catalogue-change-view';

const view = (c: TChangeRow, today: string): TCatalogueChangeView => ({
  id: c.id,
  kind: c.kind,
  title: c.title,
  description: c.description,
  effectiveDate: fromDateColumn(c.effectiveDate),
  registeredBy: c.registeredBy,
  registeredAt: c.registeredAt.toISOString(),
  workflowId: c.workflowId,
  status: c.status,
  completedAt: c.completedAt?.toISOString() ?? null,
  dueDate: c.dueDate ? fromDateColumn(c.dueDate) : null,
  dueAt: c.dueAt?.toISOString() ?? null,
  provisional: c.provisional,
  overdue: c.status === 'open' && c.dueDate !== null && fromDateColumn(c.dueDate) < today,
  entries: c.entries.map((e) => ({
    disclosureId: e.disclosureId,
    title: e.disclosure.title,
    section: e.disclosure.catalogueSection,
    status: e.disclosure.status,
    reviewStage: e.disclosure.reviewStage,
    updatedVersion: e.updatedVersion,
    updatedAt: e.updatedAt?.toISOString() ?? null,
  })),
  escalations: c.escalations.map((e) => ({
    level: e.level,
    audience: e.audience,
    roles: e.roles,
    reason: e.reason,
    dueAt: e.dueAt.toISOString(),
    at: e.at.toISOString(),
  })),
});

/** Registered changes of law or functions with their 20-working-day clocks, open ones first. */
export async function listCatalogueChanges(db: TReader, today: string) {
  const rows = await listCatalogueChangeRows(db);
  return { items: rows.map((r) => view(r, today)) };
}

export async function getCatalogueChange(db: TReader, id: string, today: string) {
  const row = await findCatalogueChangeWithEntries(db, id);
  if (!row) throw new AppError('notFound', '目录变更登记不存在');
  return view(row, today);
}
