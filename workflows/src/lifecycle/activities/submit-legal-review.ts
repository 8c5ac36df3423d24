import {
  ZReviewIntakeResponse,
  internalPaths,
  type TReviewIntakeRequest,
  type TReviewIntakeResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TSubmitLegalReviewInput {
  idempotencyKey: string;
  request: TReviewIntakeRequest;
}

/** Hands one review round to the legal-review office (法制审核送审); its receipt starts the 10-day clock. */
export const submitLegalReview =
  (deps: { legalReview: TServiceClient }) =>
  async ({ idempotencyKey, request }: TSubmitLegalReviewInput): Promise<TReviewIntakeResponse> =>
    deps.legalReview.post(internalPaths.reviews(), request, {
      idempotencyKey,
      response: ZReviewIntakeResponse,
    });
