import { ApplicationFailure } from '@temporalio/common';
import {
  ZCaseSummary,
  ZDecisionFilingResponse,
  internalPaths,
  type TDecisionFilingRequest,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TFileDecisionWithOfficeInput {
  idempotencyKey: string;
  /** Everything but the handling unit, which is asked of recording here (the case file's). */
  request: Omit<TDecisionFilingRequest, 'handlingUnit'>;
}

export type TFileDecisionWithOfficeResult =
  | { filed: true; filingId: string; filedAt: string }
  /** The office already holds a different filing under the same case + document number (409). */
  | { filed: false; conflict: string };

/**
 * 决定备案 (审核办法 §16): files a decision with the legal-review office when it is made, for its
 * spot checks. Idempotent by the office's natural key (case number + document number) and by the
 * key; a 409 (another content already filed under that key) is answered, not retried for ever, so
 * the lifecycle's outbox moves on (the conflict is logged in the workflow).
 */
export const fileDecisionWithOffice =
  (deps: { legalReview: TServiceClient; recording: TServiceClient }) =>
  async ({
    idempotencyKey,
    request,
  }: TFileDecisionWithOfficeInput): Promise<TFileDecisionWithOfficeResult> => {
    const summary = await deps.recording.get(internalPaths.caseSummary(request.caseNumber), {
      response: ZCaseSummary,
    });
    try {
      const filing = await deps.legalReview.post(
        internalPaths.decisionFilings(),
        { ...request, handlingUnit: summary.handlingUnit },
        { idempotencyKey, response: ZDecisionFilingResponse },
      );
      return { filed: true, filingId: filing.id, filedAt: filing.filedAt };
    } catch (err) {
      if (err instanceof ApplicationFailure && err.type === 'ServiceHttpError' && err.details?.[0] === 409)
        return { filed: false, conflict: err.message };
      throw err;
    }
  };
