import type { TClockInstants } from '@sanxiang/shared/src/clocks';
import type {
  TCaseLifecycleInput,
  TClockKind,
  TDecisionMade,
  TEscalationRequest,
  TEscalationView,
  TMajorDetermination,
  TStageTransitionRequest,
  TSubmitProposal,
} from '@sanxiang/shared/src/contracts';
import type {
  TCaseStage,
  TMajorCriterion,
  TReviewOutcome,
  TWithdrawalReason,
  TExemptionReason,
} from '@sanxiang/shared/src/domain';
import type {
  TFileDecisionWithOfficeInput,
  TNotifyClockStepInput,
  TReportClockEventInput,
} from '../activities';

/**
 * Everything the lifecycle knows, as plain JSON: it is carried across continue-as-new as is, so
 * it must hold no functions, Maps or Dates (instants are ISO strings).
 */

/** A running or paused deadline clock: its instants (`TClockInstants`) and where it stands. */
export interface TClockState extends TClockInstants {
  id: string;
  kind: TClockKind;
  status: 'running' | 'paused';
  startAt: string;
  workingDays: number;
  /** -1 nothing fired yet, 0 reminded, 1 escalated at the due instant, 2 escalated to the agency head. */
  level: -1 | 0 | 1 | 2;
  /** Bumped on every (re)start or recomputation, so a stale timer never fires. */
  generation: number;
  round?: number;
  cycle?: number;
  activityId?: string;
  /** Assignees to remind (e.g. the officers of an enforcement activity). */
  assigneeIds: string[];
  /** Working dates from the start to past the second escalation, for "working days left" (absent in clocks computed before 0.2). */
  workingDates?: string[];
}

export interface TMaterialRequest {
  requestedAt: string;
  dueDate: string;
  missing: string[];
  receivedAt?: string;
}

export interface TReviewRound {
  round: number;
  cycle: number;
  submittedAt: string;
  submittedBy: string;
  /** Kept until the intake activity has handed it over, then dropped to keep state small. */
  pendingIntake?: TSubmitProposal;
  reviewId?: string;
  receivedAt?: string;
  materialRequests: TMaterialRequest[];
  outcome?: TReviewOutcome;
  reasons?: string;
  issuedAt?: string;
  reviewerId?: string;
  opinionId?: string;
  maxLevel: number;
}

export interface TDecisionCycle {
  cycle: number;
  proposalSubmittedAt?: string;
  decision?: TDecisionMade;
  servedAt?: string;
  disclosureId?: string;
  approvedAt?: string;
  publishedAt?: string;
  expiresAt?: string;
  withdrawn?: { reason: TWithdrawalReason; explanation: string; at: string; withdrawnBy: string };
  /** 不予公开 approved in the disclosure service (#13 item 2). */
  exempted?: { reason: TExemptionReason; explanation: string; at: string; exemptedBy: string };
  expiredAt?: string;
  /** Revoked (or confirmed illegal, or ordered redone) before publication (#13 item 6). */
  revoked?: {
    reason: TWithdrawalReason;
    explanation: string;
    document: { documentNumber: string; date: string; authority: string };
    at: string;
    recordedBy: string;
    recordId: string;
    /** When the disclosure service ended the pending record. */
    stoppedAt?: string;
  };
  /** Filed with the legal-review office (审核办法 §16, #13 item 8). */
  filedWithOffice?: { filingId: string; at: string };
}

/** A call to a service that must happen in order and survive continue-as-new (an outbox). */
export type TOutboxItem =
  | { type: 'escalation'; idempotencyKey: string; request: TEscalationRequest }
  /** The people responsible are told first (notifications service), then the case file records who. */
  | {
      type: 'notifiedEscalation';
      idempotencyKey: string;
      request: TEscalationRequest;
      notify: TNotifyClockStepInput;
    }
  | { type: 'stageTransition'; idempotencyKey: string; request: TStageTransitionRequest }
  /** A clock started, paused or stopped: 我的待办 and the supervision board follow (notifications service). */
  | { type: 'clockEvent'; event: TReportClockEventInput }
  /** 决定备案 with the legal-review office when a decision is made (审核办法 §16). */
  | { type: 'decisionFiling'; cycle: number; filing: TFileDecisionWithOfficeInput };

export interface TLifecycleState {
  input: TCaseLifecycleInput;
  stage: TCaseStage;
  major: boolean;
  majorCriteria: TMajorCriterion[];
  /** Decision cycle: 1, and +1 for each decision to be redone (重新作出). */
  cycle: number;
  rounds: TReviewRound[];
  cycles: TDecisionCycle[];
  clocks: TClockState[];
  escalations: TEscalationView[];
  openEvidence: { activityId: string; endedAt: string; officerIds: string[] }[];
  /** Activities whose records are uploaded (an upload may overtake its end signal). */
  uploadedActivityIds: string[];
  outbox: TOutboxItem[];
  /** Numbers stage transitions, for their idempotency keys. */
  transitionSeq: number;
  /** Set once this run was continued into the long wait of a publication. */
  continuedForPublication: boolean;
  closedReason?: string;
  /** Who determined the case major or ordinary, and why (absent in runs from before 0.2). */
  majorDeterminations?: TMajorDetermination[];
}

export const terminalStages: readonly TCaseStage[] = [
  'withdrawn',
  'expired',
  'exempt',
  'transferred',
  'closed',
];

export const initialState = (input: TCaseLifecycleInput): TLifecycleState => ({
  input,
  stage: 'investigation',
  major: false,
  majorCriteria: [],
  cycle: 1,
  rounds: [],
  cycles: [{ cycle: 1 }],
  clocks: [],
  escalations: [],
  openEvidence: [],
  uploadedActivityIds: [],
  outbox: [],
  transitionSeq: 0,
  continuedForPublication: false,
});

/** N calendar years later, same UTC clock time (29 Feb → 1 Mar). Pure arithmetic: deterministic. */
export const addYears = (instant: string, years: number): string => {
  const d = new Date(instant);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

/** The Shanghai midnight that starts a `YYYY-MM-DD` date, as an instant. */
export const startOfShanghaiDate = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();

/** Publication periods (003 §(六)): 2 years for a natural person, otherwise 5. */
export const publicationYears = (partyKind: TCaseLifecycleInput['party']['kind']): number =>
  partyKind === 'naturalPerson' ? 2 : 5;
