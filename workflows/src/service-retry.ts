/**
 * `patched()` id of the service calls' 30-second retry cap (issue #16, docs/reliability.md). Before
 * it, a call's backoff doubled up to 5 minutes: under the soak's chaos an activity that met a few
 * outages in a row (the service, PostgreSQL, the worker, Temporal — each failure doubles the wait,
 * and the wait never resets) then waited up to 5 minutes *after* everything was back, so an approved
 * disclosure sat unpublished for minutes. Capped at 30 s, a case moves on within 30 s of the service
 * answering again; a long outage costs one call per pending step every 30 s. Runs that scheduled
 * their calls before keep the old cap (their histories carry no marker).
 */
export const SERVICE_RETRY_CAP_PATCH = 'service-retry-cap-30s';
