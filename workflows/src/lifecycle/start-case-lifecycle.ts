// Starting a lifecycle is part of the workflow's contract, so it lives in packages/shared (services
// start it without importing workflow code); re-exported for the worker's own tests and tools.
export { startCaseLifecycle, type TStartCaseLifecycleResult } from '@sanxiang/shared';
