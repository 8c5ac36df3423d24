import type { TTaskClockKind } from '@sanxiang/shared/src/contracts';
import { clockRuleKinds } from '@sanxiang/shared/src/clocks';
import { listOpenTasks, listOpenTasksOfPerson } from '../data-access/task-repository';
import { decodeCursor, encodeCursor } from './cursor';
import type { TDomainDeps } from './deps';
import { escalationLabel, isOverdue, stateLabel, taskView } from './task-views';
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

/** Board rows are read in one query; a city bureau has hundreds of open clocks, not millions. */
const BOARD_MAX_ROWS = 10_000;

/** 督办看板: every running and paused clock in scope, grouped by kind, unit and state, with counts. */
export async function board(deps: TDomainDeps, q: TBoardQuery, scope: TBoardScope = { all: true }) {
  // A unit head asking for another unit's clocks, or a head without a unit, sees none.
  const unitId = scope.all ? q.unitId : scope.unitId;
  const outOfScope =
    !scope.all && (scope.unitId === null || (q.unitId !== undefined && q.unitId !== scope.unitId));
  const rows = outOfScope
    ? []
    : await listOpenTasks(deps.db, { kind: q.kind, unitId, level: q.level, take: BOARD_MAX_ROWS });
  const now = deps.now();
  const selected = q.overdue === undefined ? rows : rows.filter((t) => isOverdue(t, now) === q.overdue);
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
  for (const t of selected) {
    const label = stateLabel(t, now);
    const key = JSON.stringify([t.kind, t.unitId, label, t.level]);
    const group = groups.get(key) ?? {
      kind: t.kind as TTaskClockKind,
      unitId: t.unitId,
      unitName: t.unitName,
      stateLabel: label,
      level: t.level,
      count: 0,
    };
    group.count += 1;
    groups.set(key, group);
  }
  const calendar = await deps.calendar();
  return {
    asOf: now.toISOString(),
    scope: scope.all ? { all: true, unitId: null } : { all: false, unitId: scope.unitId },
    total: selected.length,
    overdue: selected.filter((t) => isOverdue(t, now)).length,
    byKind: clockRuleKinds
      .map((kind) => {
        const ofKind = selected.filter((t) => t.kind === kind);
        return {
          kind,
          kindLabel: kindLabel(kind),
          running: ofKind.length,
          overdue: ofKind.filter((t) => isOverdue(t, now)).length,
        };
      })
      .filter((k) => k.running > 0),
    groups: [...groups.values()]
      .sort((a, b) => clockRuleKinds.indexOf(a.kind) - clockRuleKinds.indexOf(b.kind) || b.level - a.level)
      .map((g) => ({ ...g, kindLabel: kindLabel(g.kind), levelLabel: escalationLabel(g.level) })),
    rows: selected.slice(0, q.limit).map((t) => taskView(t, now, calendar)),
  };
}
