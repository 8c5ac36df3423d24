// One jest run over every workspace. TypeScript is stripped by SWC (fast); types are checked
// separately by `npm run typecheck`. Suites that need the real stack read its addresses from the
// environment that scripts/test.sh exports (see test/support/stack.ts).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/packages',
    '<rootDir>/services',
    '<rootDir>/apps',
    '<rootDir>/workflows',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // jose, oidc-provider, openid-client and canonicalize ship ESM only: let SWC turn them into CommonJS for jest's
  // module loader (Node itself loads them from CommonJS through require(esm)).
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|oidc-provider|openid-client|oauth4webapi|canonicalize)/)',
  ],
  setupFiles: ['<rootDir>/jest.setup.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
