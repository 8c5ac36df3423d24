export * from './config';
export * from './errors';
export * from './logging';
export * from './auth';
export * from './domain';
export * from './http';
export * from './temporal';
export * from './format';
