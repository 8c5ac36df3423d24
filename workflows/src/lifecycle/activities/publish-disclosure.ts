import {
  ZDisclosurePublishResponse,
  internalPaths,
  type TDisclosurePublishRequest,
  type TDisclosurePublishResponse,
} from '@sanxiang/shared/src/contracts';
import type { TServiceClient } from '../../http/service-client';

export interface TPublishDisclosureInput {
  disclosureId: string;
  idempotencyKey: string;
  request: TDisclosurePublishRequest;
}

/** Publishes an approved disclosure on the public platform (事后公开). */
export const publishDisclosure =
  (deps: { disclosure: TServiceClient }) =>
  async ({
    disclosureId,
    idempotencyKey,
    request,
  }: TPublishDisclosureInput): Promise<TDisclosurePublishResponse> =>
    deps.disclosure.post(internalPaths.disclosurePublish(disclosureId), request, {
      idempotencyKey,
      response: ZDisclosurePublishResponse,
    });
