// For services (client side): start a case's lifecycle. Workers use worker/main.ts.
export { startCaseLifecycle, type TStartCaseLifecycleResult } from './lifecycle/start-case-lifecycle';
export type { TCaseLifecycleResult } from './lifecycle/workflow/case-lifecycle';
