import { createDisclosureActivities } from './disclosure/activities';
import { createHelloActivities } from './hello/fetch-service-health';
import { createInspectionActivities } from './inspection/activities';
import type { TServiceClient } from './http/service-client';
import { createLifecycleActivities, type TLifecycleActivityDeps } from './lifecycle/activities';

export interface TActivityDeps extends TLifecycleActivityDeps {
  /** Real fetch unless a test injects one (the service clients carry their own). */
  fetch?: typeof fetch;
  /** The inspection service (双随机 results clock and publication). */
  inspection: TServiceClient;
}

/** Every activity the worker registers, bound to its dependencies. */
export const createActivities = (deps: TActivityDeps) => ({
  ...createLifecycleActivities(deps),
  ...createDisclosureActivities(deps),
  ...createInspectionActivities(deps),
  ...createHelloActivities(deps.fetch ? { fetch: deps.fetch } : {}),
});
