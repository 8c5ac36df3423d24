import {
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

/** Creates the disclosure draft for internal review (内部审核), or records an exemption (不予公开). */
export const createDisclosureDraft =
  (deps: { disclosure: TServiceClient }) =>
  async ({ idempotencyKey, request }: TCreateDisclosureDraftInput): Promise<TDisclosureDraftResponse> =>
    deps.disclosure.post(internalPaths.disclosures(), request, {
      idempotencyKey,
      response: ZDisclosureDraftResponse,
    });
