import {
  ZCaseSummary,
  ZDisclosureDraftResponse,
  internalPaths,
  type TDisclosureDraftRequest,
  type TDisclosureDraftResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TCreateDisclosureDraftInput {
  idempotencyKey: string;
  request: TDisclosureDraftRequest;
}

/**
 * Creates the disclosure draft for internal review (内部审核), or records an exemption (不予公开).
 * The case's officers are asked of recording here (an activity, so the workflow's commands do not
 * change) and sent along: none of them may check or approve the disclosure (职责分离, 审核办法 §3).
 */
export const createDisclosureDraft =
  (deps: { disclosure: TServiceClient; recording: TServiceClient }) =>
  async ({ idempotencyKey, request }: TCreateDisclosureDraftInput): Promise<TDisclosureDraftResponse> => {
    const summary = await deps.recording.get(internalPaths.caseSummary(request.caseNumber), {
      response: ZCaseSummary,
    });
    const handlerIds = [
      ...new Set([...(request.handlerIds ?? []), ...summary.officers.map((o) => o.userId)]),
    ];
    return deps.disclosure.post(
      internalPaths.disclosures(),
      { ...request, handlerIds },
      { idempotencyKey, response: ZDisclosureDraftResponse },
    );
  };
