import { type z } from 'zod';
import {
  caseRecordsPath,
  idempotencyKeyHeader,
  idempotencyKeyHeaderValue,
  internalPaths,
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
        [idempotencyKeyHeader]: idempotencyKeyHeaderValue(idempotencyKey),
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
