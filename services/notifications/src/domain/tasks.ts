import type { TTaskClockKind } from '@sanxiang/shared/src/contracts';
import { clockRuleKinds } from '@sanxiang/shared/src/clocks';
import { countOpenTasks, listOpenTasks, listOpenTasksOfPerson } from '../data-access/task-repository';
import { decodeCursor, encodeCursor } from './cursor';
import type { TDomainDeps } from './deps';
import { escalationLabel, stateLabelOf, taskView } from './task-views';
import type { TTaskView } from './views';
import { kindLabel } from './wording';

/**
 * 我的待办: the open clocks that wait for this person (assignee) or that they were told to
 * supervise, most urgent first (earliest due instant), keyset pagination on (dueAt, clockKey).
 */
export async function myTasks(
  deps: TDomainDeps,
  personId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: TTaskView[]; nextCursor: string | null }> {
  const after = decodeCursor(q.cursor, 2);
  const rows = await listOpenTasksOfPerson(deps.db, {
    personId,
    after: after ? { dueAt: new Date(after[0]!), clockKey: after[1]! } : undefined,
    take: q.limit + 1,
  });
  const calendar = await deps.calendar();
  const now = deps.now();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((t) =>
      taskView(t, now, calendar, t.people[0]?.role === 'supervisor' ? 'supervisor' : 'assignee'),
    ),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.dueAt.toISOString(), last.clockKey]) : null,
  };
}

/** Who may see which clocks on the board: everything, or one unit's. */
export type TBoardScope = { all: true } | { all: false; unitId: string | null };

/**
 * The legal-review office (role `reviewer`) and the agency head (head of a leadership unit) see every
 * clock; any other unit head sees the clocks of their own unit (the unit responsible for the work).
 */
export async function boardScope(
  deps: TDomainDeps,
  principal: { roles: readonly string[]; unitId?: string | undefined },
): Promise<TBoardScope> {
  if (principal.roles.includes('reviewer')) return { all: true };
  const unitId = principal.unitId ?? null;
  if (unitId && deps.leadershipUnitIds && (await deps.leadershipUnitIds()).includes(unitId))
    return { all: true };
  return { all: false, unitId };
}

export interface TBoardQuery {
  kind?: TTaskClockKind | undefined;
  unitId?: string | undefined;
  overdue?: boolean | undefined;
  level?: number | undefined;
  limit: number;
}

/**
 * 督办看板: every running and paused clock in scope, grouped by kind, unit and state, with counts.
 * The database counts (one grouped count each side of `now`) and reads only the rows shown: the
 * board of 100,000 reviews' clocks read every open row (up to 10,000) per request before.
 */
export async function board(deps: TDomainDeps, q: TBoardQuery, scope: TBoardScope = { all: true }) {
  // A unit head asking for another unit's clocks, or a head without a unit, sees none.
  const unitId = scope.all ? q.unitId : scope.unitId;
  const outOfScope =
    !scope.all && (scope.unitId === null || (q.unitId !== undefined && q.unitId !== scope.unitId));
  const now = deps.now();
  const filter = { kind: q.kind, unitId, level: q.level, overdue: q.overdue, now };
  const [rows, counted] = outOfScope
    ? [[], []]
    : await Promise.all([
        listOpenTasks(deps.db, { ...filter, take: q.limit }),
        countOpenTasks(deps.db, filter),
      ]);
  const groups = new Map<
    string,
    {
      kind: TTaskClockKind;
      unitId: string | null;
      unitName: string | null;
      stateLabel: string;
      level: number;
      count: number;
    }
  >();
  const kinds = new Map<string, { running: number; overdue: number }>();
  let total = 0;
  let overdue = 0;
  for (const c of counted) {
    const isOverdue = c.level >= 1 || c.pastDue;
    const label = stateLabelOf(c.status, c.level, isOverdue);
    const key = JSON.stringify([c.kind, c.unitId, label, c.level]);
    const group = groups.get(key) ?? {
      kind: c.kind as TTaskClockKind,
      unitId: c.unitId,
      unitName: c.unitName,
      stateLabel: label,
      level: c.level,
      count: 0,
    };
    group.count += c.count;
    groups.set(key, group);
    const ofKind = kinds.get(c.kind) ?? { running: 0, overdue: 0 };
    ofKind.running += c.count;
    total += c.count;
    if (isOverdue) {
      ofKind.overdue += c.count;
      overdue += c.count;
    }
    kinds.set(c.kind, ofKind);
  }
  const calendar = await deps.calendar();
  return {
    asOf: now.toISOString(),
    scope: scope.all ? { all: true, unitId: null } : { all: false, unitId: scope.unitId },
    total,
    overdue,
    byKind: clockRuleKinds
      .filter((kind) => (kinds.get(kind)?.running ?? 0) > 0)
      .map((kind) => ({ kind, kindLabel: kindLabel(kind), ...kinds.get(kind)! })),
    groups: [...groups.values()]
      .sort((a, b) => clockRuleKinds.indexOf(a.kind) - clockRuleKinds.indexOf(b.kind) || b.level - a.level)
      .map((g) => ({ ...g, kindLabel: kindLabel(g.kind), levelLabel: escalationLabel(g.level) })),
    rows: rows.map((t) => taskView(t, now, calendar)),
  };
}
