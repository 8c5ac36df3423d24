export * from './connect';
export * from './start-case-lifecycle';
export * from './provisional-deadlines';
