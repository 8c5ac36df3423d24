import {
  ZDisclosureRevocationResponse,
  internalPaths,
  type TDisclosureRevocationRequest,
  type TDisclosureRevocationResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TStopRevokedDisclosureInput {
  disclosureId: string;
  idempotencyKey: string;
  request: TDisclosureRevocationRequest;
}

/**
 * A decision revoked before publication (#13 item 6; 003 (六), 004 §14): the disclosure service ends
 * its pending record unpublished, with the explanation.
 */
export const stopRevokedDisclosure =
  (deps: { disclosure: TServiceClient }) =>
  async ({
    disclosureId,
    idempotencyKey,
    request,
  }: TStopRevokedDisclosureInput): Promise<TDisclosureRevocationResponse> =>
    deps.disclosure.post(internalPaths.disclosureRevocation(disclosureId), request, {
      idempotencyKey,
      response: ZDisclosureRevocationResponse,
    });
