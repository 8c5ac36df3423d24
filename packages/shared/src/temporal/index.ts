export * from './connect';
export * from './start-case-lifecycle';
