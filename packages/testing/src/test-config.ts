import { loadConfig, type TConfigOf, type TProfile } from '@sanxiang/shared';

/**
 * A process's configuration for tests and benchmarks, parsed by the real loader from the test
 * stack's environment (`.local/test/env.sh`) plus overrides — so a new config key needs no edits
 * in every test that builds an app. HTTP_PORT defaults to 0: apps in tests listen on a free port.
 */
export function testConfig<P extends TProfile>(
  profile: P,
  overrides: Record<string, string> = {},
): TConfigOf<P> {
  return loadConfig(profile, {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    HTTP_PORT: '0',
    ...overrides,
  });
}
