import {
  ZEscalationResponse,
  internalPaths,
  type TEscalationRequest,
  type TEscalationResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TRecordEscalationInput {
  caseNumber: string;
  idempotencyKey: string;
  request: TEscalationRequest;
}

/** Keeps a reminder or escalation durably in the case file (recording service): who, when, why. */
export const recordEscalation =
  (deps: { recording: TServiceClient }) =>
  async ({ caseNumber, idempotencyKey, request }: TRecordEscalationInput): Promise<TEscalationResponse> =>
    deps.recording.post(internalPaths.caseEscalations(caseNumber), request, {
      idempotencyKey,
      response: ZEscalationResponse,
    });
