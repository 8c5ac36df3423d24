import { Client, Connection } from '@temporalio/client';
import { temporalDataConverter } from './payload-codec';

export interface TTemporalSettings {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  /** The payload codec's keys: every payload this client sends is encrypted (payload-codec.ts). */
  TEMPORAL_CODEC_KEYS: string;
}

/**
 * One way to reach Temporal from services and tools, with the payload codec. Lazy: connecting
 * happens on first use.
 */
export function createTemporalClient(settings: TTemporalSettings): {
  client: Client;
  connection: Connection;
} {
  const connection = Connection.lazy({ address: settings.TEMPORAL_ADDRESS });
  const client = new Client({
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(settings),
  });
  return { client, connection };
}

/** Readiness: the frontend answers a cheap call within the check's timeout. */
export const temporalReadiness = (connection: Connection) => async () => {
  await connection.workflowService.getSystemInfo({});
};
