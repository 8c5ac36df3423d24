export * from './bad-input';
export * from './api';
export * from './create-service-app';
export * from './error-handler';
export * from './run-server';
export * from './server-timeouts';
export * from './service-client';
export * from './openapi-document';
