export * from './test-stack';
export * from './test-database';
export * from './tokens';
export * from './test-config';
export * from './scratch-database';
export * from './workflow-bundle-cache';
export * from './history-payloads';
