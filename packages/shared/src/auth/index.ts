export * from './principal';
export * from './verify-token';
export * from './sign-token';
export * from './claim-map';
