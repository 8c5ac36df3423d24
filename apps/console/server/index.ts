// The console server as a library: what tests and tools may use.
export { createConsoleApp, type TConsoleAppDeps } from './app';
export {
  createOidcClient,
  userOfAccessToken,
  type TOidcClient,
  type TSessionUser,
  type TTokenSet,
} from './oidc';
export { SESSION_COOKIE, SESSION_TABLE } from './session';
