import { countOverDates, readableClock } from '@sanxiang/shared/src/clocks';
import type { TCaseLifecycleStatus } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../lifecycle';

/** The `status` query: the case as staff and programs read it. */
export function statusOf(lc: Lifecycle): TCaseLifecycleStatus {
  const { state } = lc;
  return {
    caseNumber: lc.caseNumber,
    stage: state.stage,
    major: state.major,
    majorCriteria: state.majorCriteria,
    cycle: state.cycle,
    clocks: state.clocks.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      startAt: c.startAt,
      workingDays: c.workingDays,
      dueDate: c.dueDate,
      dueAt: c.dueAt,
      remindAt: c.remindAt,
      escalateAt: c.escalateAt,
      secondEscalateAt: c.secondEscalateAt,
      provisional: c.provisional,
      level: c.level,
      ...readableClock(c, lc.nowIso(), countOverDates(c.workingDates ?? [])),
    })),
    rounds: state.rounds.map(({ pendingIntake: _pending, reviewerId: _r, opinionId: _o, ...round }) => round),
    cycles: state.cycles.map((c) => ({
      cycle: c.cycle,
      decisionDate: c.decision?.decisionDate,
      documentNumber: c.decision?.documentNumber,
      disclosureMode: c.decision?.disclosure.mode,
      disclosureId: c.disclosureId,
      servedAt: c.servedAt,
      approvedAt: c.approvedAt,
      publishedAt: c.publishedAt,
      expiresAt: c.expiresAt,
      withdrawn: c.withdrawn
        ? { reason: c.withdrawn.reason, explanation: c.withdrawn.explanation, at: c.withdrawn.at }
        : undefined,
      expiredAt: c.expiredAt,
      revokedBeforePublication: c.revoked
        ? { reason: c.revoked.reason, explanation: c.revoked.explanation, at: c.revoked.at }
        : undefined,
      filedWithOffice: c.filedWithOffice,
    })),
    escalations: state.escalations,
    openEvidenceActivities: state.openEvidence.map((e) => e.activityId),
    closedReason: state.closedReason,
    majorDeterminations: state.majorDeterminations,
  };
}
