export * from './sql';
export * from './canonical-json';
export * from './outbox';
export * from './idempotency';
export * from './audit';
export * from './rate-limit';
export * from './handles';
export * from './directory-units';
