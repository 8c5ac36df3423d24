import { clockRules, type TClockLevel } from '@sanxiang/shared/src/clocks';
import {
  directoryPaths,
  internalPaths,
  notificationPaths,
  ZDirectoryPerson,
  ZDirectoryUnit,
  ZNotifyResponse,
  ZReviewAssignment,
  type TDirectoryPerson,
  type TDirectoryUnit,
  type TEscalationNotified,
  type TNotificationRecipient,
  type TTaskClockKind,
  type TUnitKind,
} from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import type { TServiceClient } from '../../http/service-client';

export interface TNotifyClockStepInput {
  clockKey: string;
  kind: TTaskClockKind;
  level: TClockLevel;
  /** Null for a clock that is not a case's (e.g. a catalogue update): then `link` says where. */
  caseNumber: string | null;
  caseTitle: string;
  /** Console path of the work; defaults to the case's page. */
  link?: string;
  dueAt: string;
  dueDate: string;
  reason: string;
  /** The instant the step fired (workflow time). */
  at: string;
  /** People the clock names (e.g. the officers of an enforcement activity, the case officers). */
  assigneeIds: string[];
  /** For the legal-review clock: the review whose current assignee is responsible. */
  reviewId?: string;
}

export interface TNotifyClockStepResult {
  people: NonNullable<TEscalationNotified['people']>;
}

export interface TNotifyDeps {
  directory: TServiceClient;
  legalReview: TServiceClient;
  notifications: TServiceClient;
}

/** The unit kind that does the work of a clock when no person is named (the clock table's assignee). */
const officeOf: Partial<Record<TTaskClockKind, TUnitKind>> = {
  legalReview: 'legalReview',
  disclosure: 'disclosure',
  randomInspectionDisclosure: 'disclosure',
  catalogueUpdate: 'disclosure',
  correctionRequest: 'disclosure',
  correctionRepublication: 'disclosure',
  withdrawal: 'disclosure',
  creditBlacklist: 'disclosure',
  annualStatisticsPublication: 'disclosure',
  annualStatisticsReport: 'disclosure',
};

const ZPeople = z.array(ZDirectoryPerson);
const ZUnits = z.array(ZDirectoryUnit);

/** Who does the work of a clock now, and the unit responsible for it. */
export interface TResponsible {
  workers: TDirectoryPerson[];
  unit: TDirectoryUnit | undefined;
}

/** What identifies the people doing the work of a clock (a clock step or a clock event). */
export interface TResponsibleQuery {
  kind: TTaskClockKind;
  assigneeIds: string[];
  reviewId?: string | undefined;
}

const directoryReads = (deps: Pick<TNotifyDeps, 'directory'>) => ({
  person: (id: string) => deps.directory.get(directoryPaths.person(id), { response: ZDirectoryPerson }),
  unit: (id: string) => deps.directory.get(directoryPaths.unit(id), { response: ZDirectoryUnit }),
  unitsOfKind: (kind: TUnitKind) =>
    deps.directory.get(directoryPaths.unitsOfKind(kind), { response: ZUnits }),
});

/**
 * The people doing the work of a clock, from the current assignment, through the directory: the
 * clock's named assignees (officers), the review's assigned reviewer, or the staff of the office the
 * clock table names (legal-review office, disclosure unit); and their unit (or the office when
 * nobody is assigned, e.g. an unassigned review).
 */
export async function resolveResponsible(
  deps: Pick<TNotifyDeps, 'directory' | 'legalReview'>,
  input: TResponsibleQuery,
): Promise<TResponsible> {
  const { person, unit, unitsOfKind } = directoryReads(deps);
  let workers: TDirectoryPerson[] = [];
  let office: TDirectoryUnit | undefined;
  const officeKind = officeOf[input.kind];
  if (officeKind) office = (await unitsOfKind(officeKind))[0];
  if (input.kind === 'legalReview' && input.reviewId) {
    const assignment = await deps.legalReview.get(internalPaths.reviewAssignment(input.reviewId), {
      response: ZReviewAssignment,
    });
    if (assignment.assigneeId) workers = [await person(assignment.assigneeId)];
  } else if (input.assigneeIds.length > 0) {
    workers = await Promise.all(input.assigneeIds.map(person));
  } else if (office && input.kind !== 'legalReview') {
    const role = clockRules[input.kind].assignee.role;
    workers = (
      await deps.directory.get(directoryPaths.peopleOfUnit(office.id), { response: ZPeople })
    ).filter((p) => p.roles.includes(role));
  }
  workers = workers.filter((p) => p.active);
  return { workers, unit: workers[0] ? await unit(workers[0].unitId) : office };
}

/** The clock as the notifications service keeps it (one shape for steps and events). */
export const taskClockOf = (
  input: Pick<
    TNotifyClockStepInput,
    'clockKey' | 'kind' | 'caseNumber' | 'caseTitle' | 'link' | 'dueAt' | 'dueDate'
  >,
  unit: { id: string; name: string } | undefined,
) => ({
  clockKey: input.clockKey,
  kind: input.kind,
  caseNumber: input.caseNumber,
  title: input.caseTitle,
  link: input.link ?? (input.caseNumber ? `/cases/${encodeURIComponent(input.caseNumber)}` : '/'),
  dueAt: input.dueAt,
  dueDate: input.dueDate,
  unitId: unit?.id ?? null,
  unitName: unit?.name ?? null,
});

/**
 * Who is responsible for a clock step, from the current assignment, through the directory:
 * level 0 the people doing the work; level 1 them and the head of their unit; level 2 the unit head
 * and the agency head (head of the `leadership` unit). The people doing the work are the clock's
 * named assignees (officers), the review's assigned reviewer, or the staff of the office the clock
 * table names (legal-review office, disclosure unit); an unassigned review goes to the office head
 * at once. Then the notifications service is told (idempotent on clockKey, level, person).
 */
export const notifyClockStep =
  (deps: TNotifyDeps) =>
  async (input: TNotifyClockStepInput): Promise<TNotifyClockStepResult> => {
    const { person, unitsOfKind } = directoryReads(deps);
    const { workers, unit: responsibleUnit } = await resolveResponsible(deps, input);
    const unitHead = responsibleUnit?.headId ? await person(responsibleUnit.headId) : undefined;
    const leadership = (await unitsOfKind('leadership'))[0];
    const agencyHead = leadership?.headId ? await person(leadership.headId) : undefined;

    const told = new Map<string, TNotificationRecipient>();
    const add = (p: TDirectoryPerson | undefined, audience: TNotificationRecipient['audience']) => {
      if (p && p.active && !told.has(p.id))
        told.set(p.id, { personId: p.id, name: p.name, email: p.email, audience });
    };
    if (input.level <= 1) for (const w of workers) add(w, 'assignee');
    // Nobody to do the work (an unassigned review): its head is told at once.
    if (input.level >= 1 || workers.length === 0) add(unitHead, 'unitHead');
    if (input.level === 2) add(agencyHead, 'agencyHead');
    if (told.size === 0) return { people: [] };

    const answer = await deps.notifications.post(
      notificationPaths.notifications(),
      {
        clock: taskClockOf(input, responsibleUnit),
        level: input.level,
        reason: input.reason,
        at: input.at,
        assigneeIds: workers.map((w) => w.id),
        recipients: [...told.values()],
      },
      { idempotencyKey: `${input.clockKey}:${input.level}`, response: ZNotifyResponse },
    );
    return {
      people: answer.notifications.map((n) => ({
        personId: n.personId,
        name: n.name,
        audience: n.audience,
        channels: n.channels,
        at: n.createdAt,
      })),
    };
  };
