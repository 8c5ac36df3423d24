export * from './test-stack';
export * from './test-database';
export * from './tokens';
