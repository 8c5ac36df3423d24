import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { AppError } from '@sanxiang/shared';
import type { TDb } from '../../data-access/prisma-client';
import type { TCatalogueChangeView } from './catalogue-change-view';

const include = {
  entries: {
    include: {
      disclosure: { select: { title: true, catalogueSection: true, status: true, reviewStage: true } },
    },
  },
  escalations: { orderBy: { at: 'asc' as const } },
};

type TChangeRow = NonNullable<Awaited<ReturnType<TDb['catalogueChange']['findFirst']>>> & {
  entries: {
    disclosureId: string;
    updatedVersion: number | null;
    updatedAt: Date | null;
    disclosure: {
      title: string;
      catalogueSection: string | null;
      status: string;
      reviewStage: string | null;
    };
  }[];
  escalations: { level: number; audience: string; roles: string[]; reason: string; dueAt: Date; at: Date }[];
};

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
export async function listCatalogueChanges(db: TDb, today: string) {
  const rows = await db.catalogueChange.findMany({
    include,
    orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { registeredAt: 'desc' }],
    take: 200,
  });
  return { items: rows.map((r) => view(r as TChangeRow, today)) };
}

export async function getCatalogueChange(db: TDb, id: string, today: string) {
  const row = await db.catalogueChange.findUnique({ where: { id }, include });
  if (!row) throw new AppError('notFound', '目录变更登记不存在');
  return view(row as TChangeRow, today);
}
