import { randomBytes } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type { Pool } from 'pg';
import type { TSessionUser, TTokenSet } from './oidc';

declare module 'express-session' {
  interface SessionData {
    /** Between /auth/login and /auth/callback. */
    login?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
    user?: TSessionUser;
    tokens?: TTokenSet;
    /** Synchronizer token: state-changing requests carry it in `X-CSRF-Token`. */
    csrfToken?: string;
  }
}

export const SESSION_COOKIE = 'sanxiang.console.sid';
export const SESSION_TABLE = 'console_session';
/** Idle sessions end after 8 hours (a working day); each request extends it. */
const MAX_AGE_MS = 8 * 60 * 60 * 1000;

/**
 * Sessions live in the console's own PostgreSQL database (table `console_session`, created by
 * connect-pg-simple when missing); the browser holds only the signed, HttpOnly, SameSite=Lax
 * cookie with the session id. Tokens never leave the server.
 */
export function sessionMiddleware(settings: { pool: Pool; secret: string; secureCookie: boolean }) {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: settings.pool,
    tableName: SESSION_TABLE,
    createTableIfMissing: true,
    pruneSessionInterval: 15 * 60,
  });
  const middleware = session({
    name: SESSION_COOKIE,
    secret: settings.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: settings.secureCookie, maxAge: MAX_AGE_MS, path: '/' },
  });
  return { middleware, store, close: () => store.close() };
}

export const newCsrfToken = () => randomBytes(32).toString('base64url');
