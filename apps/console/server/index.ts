// The console server as a library: what tests and tools may use.
export { createConsoleApp, SESSION_HEADER, type TConsoleAppDeps } from './app';
export {
  createOidcClient,
  SIGNED_OUT_PATH,
  userOfAccessToken,
  userOfTokens,
  type TOidcClient,
  type TSessionUser,
  type TTokenSet,
} from './oidc';
export { SESSION_COOKIE, SESSION_TABLE } from './session';
