// Every workflow the worker runs: the bundle entry point (bundleWorkflowCode → workflowsPath).
export { caseLifecycleWorkflow } from './lifecycle/workflow/case-lifecycle';
export { helloWorkflow } from './hello/workflow';
export * from './disclosure/workflows';
export { inspectionResultsWorkflow } from './inspection/workflow';
