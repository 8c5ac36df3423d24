// Bundle entry of the throughput phase: every real workflow (workflows/src/workflows.ts, unchanged)
// plus the baseline, so both run on one worker with one cache. The memory phase bundles
// workflows/src/workflows.ts alone.
export * from '../src/workflows';
export { benchBaselineWorkflow } from './baseline-workflow';
