// The disclosure workflows, for the worker's bundle (add to workflows/src/workflows.ts:
// `export * from './disclosure/workflows';`).
export { catalogueUpdateWorkflow } from './catalogue-update/workflow';
export { prepareDisclosureReportWorkflow } from './periodic-reports/workflow';
export { dutyClockWorkflow } from './duty-clock/workflow';
