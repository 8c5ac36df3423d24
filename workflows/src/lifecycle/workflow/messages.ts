import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  lifecycleQueries,
  lifecycleSignals,
  lifecycleUpdates,
  type TCalendarUpdated,
  type TCaseLifecycleStatus,
  type TCloseCase,
  type TDecisionMade,
  type TDecisionMadeResult,
  type TDecisionServed,
  type TDesignateMajor,
  type TDowngradeMajor,
  type TMajorUpdateResult,
  type TDisclosureApproved,
  type TDisclosureWithdrawn,
  type TDisclosureExempted,
  type TDecisionRevoked,
  type TEnforcementActivityEnded,
  type TEvidenceUploaded,
  type TReviewMaterialsReceived,
  type TReviewMaterialsRequested,
  type TReviewOpinionIssued,
  type TSubmitProposal,
  type TSubmitProposalResult,
} from '@sanxiang/shared/src/contracts';
import type { TCaseStage } from '@sanxiang/shared/src/domain';

// Typed handles over the contract's names (packages/shared/src/contracts/lifecycle.ts).

export const enforcementActivityEnded = defineSignal<[TEnforcementActivityEnded]>(
  lifecycleSignals.enforcementActivityEnded,
);
export const evidenceUploaded = defineSignal<[TEvidenceUploaded]>(lifecycleSignals.evidenceUploaded);
export const reviewMaterialsRequested = defineSignal<[TReviewMaterialsRequested]>(
  lifecycleSignals.reviewMaterialsRequested,
);
export const reviewMaterialsReceived = defineSignal<[TReviewMaterialsReceived]>(
  lifecycleSignals.reviewMaterialsReceived,
);
export const reviewOpinionIssued = defineSignal<[TReviewOpinionIssued]>(lifecycleSignals.reviewOpinionIssued);
export const decisionServed = defineSignal<[TDecisionServed]>(lifecycleSignals.decisionServed);
export const disclosureApproved = defineSignal<[TDisclosureApproved]>(lifecycleSignals.disclosureApproved);
export const disclosureWithdrawn = defineSignal<[TDisclosureWithdrawn]>(lifecycleSignals.disclosureWithdrawn);
export const disclosureExempted = defineSignal<[TDisclosureExempted]>(lifecycleSignals.disclosureExempted);
export const decisionRevoked = defineSignal<[TDecisionRevoked]>(lifecycleSignals.decisionRevoked);
export const calendarUpdated = defineSignal<[TCalendarUpdated]>(lifecycleSignals.calendarUpdated);

export const submitProposal = defineUpdate<TSubmitProposalResult, [TSubmitProposal]>(
  lifecycleUpdates.submitProposal,
);
export const decisionMade = defineUpdate<TDecisionMadeResult, [TDecisionMade]>(lifecycleUpdates.decisionMade);
export const designateMajor = defineUpdate<TMajorUpdateResult, [TDesignateMajor]>(
  lifecycleUpdates.designateMajor,
);
export const downgradeMajor = defineUpdate<TMajorUpdateResult, [TDowngradeMajor]>(
  lifecycleUpdates.downgradeMajor,
);
export const closeCase = defineUpdate<{ stage: TCaseStage }, [TCloseCase]>(lifecycleUpdates.closeCase);

export const status = defineQuery<TCaseLifecycleStatus>(lifecycleQueries.status);
