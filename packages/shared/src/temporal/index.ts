export * from './connect';
export * from './start-case-lifecycle';
export * from './provisional-deadlines';
export * from './codec-keys';
export * from './payload-codec';
export * from './duty-clock-message';
