import { Client, Connection } from '@temporalio/client';

export interface TTemporalSettings {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
}

/** One way to reach Temporal from services and tools. Lazy: connecting happens on first use. */
export function createTemporalClient(settings: TTemporalSettings): {
  client: Client;
  connection: Connection;
} {
  const connection = Connection.lazy({ address: settings.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: settings.TEMPORAL_NAMESPACE });
  return { client, connection };
}

/** Readiness: the frontend answers a cheap call within the check's timeout. */
export const temporalReadiness = (connection: Connection) => async () => {
  await connection.workflowService.getSystemInfo({});
};
