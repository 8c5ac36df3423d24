import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { payloadCodecFrom } from '@sanxiang/shared';
import { testStack } from './test-stack';

/**
 * The values of payloads read straight from a stored history (`fetchHistory()`): they are encrypted
 * (TEMPORAL_CODEC_KEYS), so they are decoded with the test stack's keys, as the worker does, then
 * converted as the SDK would.
 */
export async function fromHistoryPayloads(
  payloads: readonly Payload[] | null | undefined,
): Promise<unknown[]> {
  const codec = payloadCodecFrom({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys });
  const decoded = await codec.decode([...(payloads ?? [])]);
  return decoded.map((payload) => defaultPayloadConverter.fromPayload(payload));
}
