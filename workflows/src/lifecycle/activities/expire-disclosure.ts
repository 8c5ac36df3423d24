import {
  ZDisclosureExpireResponse,
  internalPaths,
  type TDisclosureExpireRequest,
  type TDisclosureExpireResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TExpireDisclosureInput {
  disclosureId: string;
  idempotencyKey: string;
  request: TDisclosureExpireRequest;
}

/** Takes a publication down at the end of its period (5 years; 2 for a natural person, 003 §(六)). */
export const expireDisclosure =
  (deps: { disclosure: TServiceClient }) =>
  async ({
    disclosureId,
    idempotencyKey,
    request,
  }: TExpireDisclosureInput): Promise<TDisclosureExpireResponse> =>
    deps.disclosure.post(internalPaths.disclosureExpire(disclosureId), request, {
      idempotencyKey,
      response: ZDisclosureExpireResponse,
    });
