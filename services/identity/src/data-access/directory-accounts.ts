import { ZDirectoryPerson, type TDirectoryPerson } from '@sanxiang/shared/src/contracts';
import type { TTokenSource } from '@sanxiang/shared';

export interface TDirectoryAccounts {
  /** The active person with this login, or undefined. */
  byLogin(login: string): Promise<TDirectoryPerson | undefined>;
  /** The person with this id (the token's `sub`), active or not, or undefined. */
  byId(id: string): Promise<TDirectoryPerson | undefined>;
}

/** Thrown when the directory cannot answer: sign-in waits, nobody is let in by default. */
export class DirectoryUnavailableError extends Error {
  override readonly name = 'DirectoryUnavailableError';
}

/** Account lookups over the directory's internal API, with a machine token (role system). */
export function directoryAccounts(options: {
  baseUrl: string;
  token: TTokenSource;
  timeoutMs?: number;
}): TDirectoryAccounts {
  const base = options.baseUrl.replace(/\/+$/, '');
  const get = async (path: string): Promise<TDirectoryPerson | undefined> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${await options.token()}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new DirectoryUnavailableError(`directory unreachable: ${(err as Error).message}`);
    }
    if (res.status === 404) return undefined;
    if (!res.ok) throw new DirectoryUnavailableError(`directory answered ${res.status} for ${path}`);
    const person = ZDirectoryPerson.safeParse(await res.json());
    if (!person.success)
      throw new DirectoryUnavailableError(`directory answered an unexpected body for ${path}`);
    return person.data;
  };
  return {
    byLogin: (login) => get(`/internal/people/by-login/${encodeURIComponent(login)}`),
    byId: (id) => get(`/internal/people/${encodeURIComponent(id)}`),
  };
}
