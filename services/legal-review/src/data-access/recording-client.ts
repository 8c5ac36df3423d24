import { type z } from 'zod';
import { createServiceClient, ServiceCallError } from '@sanxiang/shared';
import {
  caseRecordsPath,
  internalPaths,
  ZCaseSummary,
  type TCaseSummary,
  ZCaseRecordFilingRequest,
  ZCaseRecordFilingResponse,
  ZEscalationResponse,
  type TCaseRecordFilingRequest,
  type TCaseRecordFilingResponse,
} from '@sanxiang/shared/src/contracts';
import type { TEscalationRequest } from '@sanxiang/shared/src/contracts';

/**
 * The calls this service makes on the recording service (执法全过程记录): filing the written opinion
 * into the case file and recording escalations. Bodies are the shared contracts.
 */
export {
  caseRecordsPath,
  ZCaseRecordFilingRequest,
  ZCaseRecordFilingResponse,
  type TCaseRecordFilingRequest,
  type TCaseRecordFilingResponse,
};

export interface TRecordingClient {
  fileRecord(
    caseNumber: string,
    body: TCaseRecordFilingRequest,
    idempotencyKey: string,
  ): Promise<TCaseRecordFilingResponse>;
  postEscalation(
    caseNumber: string,
    body: TEscalationRequest,
    idempotencyKey: string,
  ): Promise<z.infer<typeof ZEscalationResponse>>;
  /** Who is on the case; `undefined` when the recording service has no such case. */
  caseSummary(caseNumber: string): Promise<TCaseSummary | undefined>;
}

export interface TRecordingClientOptions {
  baseUrl: string;
  /** A machine token (role system), e.g. `systemTokenSource` from @sanxiang/shared. */
  token: () => Promise<string>;
  timeoutMs?: number;
}

/** Any failure throws (ServiceCallError); the outbox dispatcher records it and retries with backoff. */
export function createRecordingClient(options: TRecordingClientOptions): TRecordingClient {
  const client = createServiceClient(options);
  return {
    fileRecord: (caseNumber, body, idempotencyKey) =>
      client.post(caseRecordsPath(caseNumber), body, { idempotencyKey, response: ZCaseRecordFilingResponse }),
    postEscalation: (caseNumber, body, idempotencyKey) =>
      client.post(internalPaths.caseEscalations(caseNumber), body, {
        idempotencyKey,
        response: ZEscalationResponse,
      }),
    async caseSummary(caseNumber) {
      try {
        return await client.get(internalPaths.caseSummary(caseNumber), { response: ZCaseSummary });
      } catch (err) {
        if (err instanceof ServiceCallError && err.status === 404) return undefined;
        throw err;
      }
    },
  };
}
