import { retryAfterSeconds, type TRateLimitStore } from '@sanxiang/shared';

export interface TLoginRateLimitSettings {
  /** Failed sign-ins of one login name per window (LOGIN_MAX_FAILURES_PER_ACCOUNT). */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one peer address per window (LOGIN_MAX_FAILURES_PER_PEER). */
  maxFailuresPerPeer: number;
  /** LOGIN_RATE_WINDOW, in seconds. */
  windowSeconds: number;
}

export type TLoginAttempt =
  | {
      allowed: true;
      /** Signed in: the account's failures are forgotten, the attempt does not count for the peer. */
      succeeded(): Promise<void>;
      /** Not decided by the password (e.g. the directory was unreachable): the attempt does not count. */
      discount(): Promise<void>;
    }
  | { allowed: false; retryAfter: number; limitedBy: 'account' | 'peer' };

/**
 * Sign-in throttling (登录限流) in the provider's database, shared by all its processes. Every
 * attempt counts first (one atomic statement per key, so parallel guesses cannot slip past the
 * limit); a successful one is taken back: it forgets the account's failures and does not count
 * against the peer. What is left counts failures. Over either limit the attempt is refused before
 * the password is looked at, until the window ends (`Retry-After`).
 */
export function loginRateLimit(store: TRateLimitStore, settings: TLoginRateLimitSettings) {
  const windowMs = settings.windowSeconds * 1000;
  return {
    async attempt(login: string, peer: string): Promise<TLoginAttempt> {
      const accountKey = `login-account:${login.toLowerCase()}`;
      const peerKey = `login-peer:${peer}`;
      const [account, fromPeer] = await Promise.all([
        store.hit(accountKey, windowMs),
        store.hit(peerKey, windowMs),
      ]);
      if (fromPeer.hits > settings.maxFailuresPerPeer)
        return { allowed: false, retryAfter: retryAfterSeconds(fromPeer.resetAt), limitedBy: 'peer' };
      if (account.hits > settings.maxFailuresPerAccount)
        return { allowed: false, retryAfter: retryAfterSeconds(account.resetAt), limitedBy: 'account' };
      return {
        allowed: true,
        succeeded: async () => {
          await Promise.all([store.reset(accountKey), store.undo(peerKey)]);
        },
        discount: async () => {
          await Promise.all([store.undo(accountKey), store.undo(peerKey)]);
        },
      };
    },
  };
}
export type TLoginRateLimit = ReturnType<typeof loginRateLimit>;
