import { z } from 'zod';
import {
  idempotencyKeyHeader,
  internalPaths,
  ZEscalationResponse,
  ZInstant,
} from '@sanxiang/shared/src/contracts';
import type { TEscalationRequest } from '@sanxiang/shared/src/contracts';
import { ZReviewOutcome, ZReviewPoint } from '@sanxiang/shared/src/domain';

/**
 * The calls this service makes on the recording service (执法全过程记录), as recording defines them
 * (docs/recording.md, "The legal-review opinion"):
 *
 *   POST /internal/cases/{caseNumber}/records   (role system, Idempotency-Key required)
 *   body ZCaseRecordFilingRequest → 201 (a repeat: 200) with the record and its `recordId`
 *
 * The schema is mirrored here until it joins packages/shared/src/contracts/internal-api.ts.
 */
export const caseRecordsPath = (caseNumber: string) =>
  `/internal/cases/${encodeURIComponent(caseNumber)}/records`;

/** The written legal-review opinion (法制审核意见书), filed into the case file (审核办法 §15). */
export const ZCaseRecordFilingRequest = z.object({
  kind: z.literal('legalReviewOpinion'),
  content: z.object({
    reviewId: z.string().min(1).max(128),
    opinionId: z.string().min(1).max(128),
    round: z.number().int().min(1),
    outcome: ZReviewOutcome,
    reasons: z.string().min(1).max(20000),
    reviewPoints: z.array(z.object({ point: ZReviewPoint, finding: z.string().min(1).max(4000) })).max(20),
    reviewerId: z.string().min(1).max(128),
    reviewerName: z.string().min(1).max(64),
    issuedAt: ZInstant,
  }),
});
export type TCaseRecordFilingRequest = z.infer<typeof ZCaseRecordFilingRequest>;
export const ZCaseRecordFilingResponse = z.object({ recordId: z.string().min(1) });
export type TCaseRecordFilingResponse = z.infer<typeof ZCaseRecordFilingResponse>;

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
}

export interface TRecordingClientOptions {
  baseUrl: string;
  /** A machine token (role system), e.g. `systemTokenSource` from @sanxiang/shared. */
  token: () => Promise<string>;
  timeoutMs?: number;
}

/** Any failure throws; the outbox dispatcher records it and retries with backoff. */
export function createRecordingClient(options: TRecordingClientOptions): TRecordingClient {
  const baseUrl = options.baseUrl.replace(/\/+$/u, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const post = async <S extends z.ZodType>(
    path: string,
    body: unknown,
    idempotencyKey: string,
    response: S,
  ): Promise<z.infer<S>> => {
    const url = `${baseUrl}${path}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await options.token()}`,
        'content-type': 'application/json',
        accept: 'application/json',
        [idempotencyKeyHeader]: idempotencyKey,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${url} → ${res.status}: ${text.slice(0, 500)}`);
    const parsed = response.safeParse(text === '' ? {} : JSON.parse(text));
    if (!parsed.success)
      throw new Error(`POST ${url} → ${res.status}: unexpected answer: ${text.slice(0, 200)}`);
    return parsed.data;
  };
  return {
    fileRecord: (caseNumber, body, key) =>
      post(caseRecordsPath(caseNumber), body, key, ZCaseRecordFilingResponse),
    postEscalation: (caseNumber, body, key) =>
      post(internalPaths.caseEscalations(caseNumber), body, key, ZEscalationResponse),
  };
}
