import { proxyActivities } from '@temporalio/workflow';
import type { THelloActivities, TServiceHealth } from './fetch-service-health';

const { fetchServiceHealth } = proxyActivities<THelloActivities>({
  startToCloseTimeout: '10 seconds',
  // A health probe: a few quick tries, then report the failure instead of waiting forever.
  retry: { maximumAttempts: 5, initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});

/** The foundation's hello path: workflow → activity → a service's health endpoint. */
export async function helloWorkflow(url: string): Promise<TServiceHealth> {
  return fetchServiceHealth(url);
}
