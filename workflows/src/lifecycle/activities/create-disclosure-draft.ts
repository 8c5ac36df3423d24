import {
  ZCaseSummary,
  ZDisclosureDraftResponse,
  internalPaths,
  type TDisclosureDraftRequest,
  type TDisclosureDraftResponse,
  type TCaseSummary,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TCreateDisclosureDraftInput {
  idempotencyKey: string;
  request: TDisclosureDraftRequest;
}

/**
 * What the public page names besides the party (004 §9(1)): for a legal person or other
 * organisation, its 统一社会信用代码 and 法定代表人 as entered at case opening. A natural person's
 * ID number never leaves the case file.
 */
export function publishedPartyIdentity(summary: TCaseSummary): {
  creditCode?: string;
  legalRepresentative?: string;
} {
  const p = summary.party;
  if (!p || p.kind === 'naturalPerson') return {};
  return {
    ...(p.idNumber ? { creditCode: p.idNumber } : {}),
    ...(p.legalRepresentative ? { legalRepresentative: p.legalRepresentative } : {}),
  };
}

/**
 * Creates the disclosure draft for internal review (内部审核), or records an exemption (不予公开).
 * The case's officers, its name, its unit and the party's identity are asked of recording here (an
 * activity, so the workflow's commands do not change) and sent along: none of the officers may check
 * or approve the disclosure (职责分离, 审核办法 §3); the unit's people and heads work on it.
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
      {
        ...request,
        party: { ...request.party, ...publishedPartyIdentity(summary) },
        handlerIds,
        // 案件名称 (004 §9(1)): from the case file, so the workflow's commands stay as they were.
        ...(summary.title ? { caseName: summary.title } : {}),
        // The case's unit decides whose disclosure staff and heads work on it (docs/authorization.md).
        ...(summary.unitId ? { unitId: summary.unitId } : {}),
      },
      { idempotencyKey, response: ZDisclosureDraftResponse },
    );
  };
