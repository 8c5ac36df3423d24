import { type z } from 'zod';
import { type TConfigOf, type TProfile, ZEnv, profiles } from './schema';

export class ConfigError extends Error {
  constructor(
    readonly profile: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${profile}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse the variables `profile` needs from `env`. Throws one ConfigError that lists every missing or
 * invalid variable, so an operator fixes them all in one go.
 */
export function loadConfig<P extends TProfile>(
  profile: P,
  env: NodeJS.ProcessEnv = process.env,
): TConfigOf<P> {
  const keys = Object.fromEntries(profiles[profile].map((k) => [k, true])) as Record<string, true>;
  const result = ZEnv.pick(keys as never).safeParse(env);
  const problems = result.success ? [] : describeIssues(result.error, env);
  // Cross-field rule, checked even when other fields failed so that every problem is listed at once.
  if ('AUTH_JWT_SECRET' in keys && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
    problems.push(
      'AUTH_JWT_SECRET (missing): set AUTH_JWT_SECRET (local HS256) or AUTH_JWKS_URL (identity provider)',
    );
  }
  if ('AUTH_JWKS_URL' in keys && env.AUTH_JWKS_URL && !env.AUTH_JWKS_ISSUER) {
    problems.push('AUTH_JWKS_ISSUER (missing): the issuer of the tokens AUTH_JWKS_URL verifies');
  }
  if (!result.success || problems.length > 0) throw new ConfigError(profile, problems);
  return result.data as TConfigOf<P>;
}

function describeIssues(error: z.ZodError, env: NodeJS.ProcessEnv): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '(root)');
    const state = env[name] === undefined || env[name] === '' ? 'missing' : 'invalid';
    return `${name} (${state}): ${issue.message}`;
  });
}

/** For process entry points: print the readable message and exit 1 instead of a stack trace. */
export function loadConfigOrExit<P extends TProfile>(profile: P): TConfigOf<P> {
  try {
    return loadConfig(profile);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
