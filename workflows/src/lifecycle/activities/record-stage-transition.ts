import {
  ZStageTransitionResponse,
  internalPaths,
  type TStageTransitionRequest,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TRecordStageTransitionInput {
  caseNumber: string;
  idempotencyKey: string;
  request: TStageTransitionRequest;
}

/** Tells the case file (recording service) the stage changed, so its lists need no Temporal query. */
export const recordStageTransition =
  (deps: { recording: TServiceClient }) =>
  async ({ caseNumber, idempotencyKey, request }: TRecordStageTransitionInput): Promise<void> => {
    await deps.recording.post(internalPaths.caseStageTransitions(caseNumber), request, {
      idempotencyKey,
      response: ZStageTransitionResponse,
    });
  };
