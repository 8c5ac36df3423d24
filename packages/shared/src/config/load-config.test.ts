import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const valid = {
  HTTP_PORT: '3003',
  DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db',
  AUTH_JWT_SECRET: 'x'.repeat(32),
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_CODEC_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  SERVICE_URL_RECORDING: 'http://127.0.0.1:3002',
  SERVICE_URL_LEGAL_REVIEW: 'http://127.0.0.1:3003',
  SERVICE_URL_DIRECTORY: 'http://127.0.0.1:3004',
  SERVICE_URL_INSPECTION: 'http://127.0.0.1:3007',
};

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const config = loadConfig('legal-review', valid);
    expect(config.HTTP_PORT).toBe(3003);
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.LOG_FORMAT).toBe('json');
  });

  it('lists every missing and invalid variable in one error', () => {
    const attempt = () =>
      loadConfig('recording', { HTTP_PORT: 'eighty', DATABASE_URL: 'mysql://x', S3_ENDPOINT: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    const { problems } = (() => {
      try {
        attempt();
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('no error');
    })();
    const names = problems.map((p) => p.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'HTTP_PORT',
        'DATABASE_URL',
        'TEMPORAL_ADDRESS',
        'S3_ENDPOINT',
        'S3_ACCESS_KEY',
        'S3_SECRET_KEY',
        'AUTH_JWT_SECRET',
      ]),
    );
    expect(problems.find((p) => p.startsWith('HTTP_PORT'))).toContain('(invalid)');
    expect(problems.find((p) => p.startsWith('TEMPORAL_ADDRESS'))).toContain('(missing)');
  });

  it('accepts a JWKS URL instead of a shared secret', () => {
    const { AUTH_JWT_SECRET: _omit, ...rest } = valid;
    expect(() =>
      loadConfig('disclosure', {
        ...rest,
        AUTH_JWKS_URL: 'https://idp.example/jwks.json',
        AUTH_JWKS_ISSUER: 'https://idp.example',
      }),
    ).not.toThrow();
    expect(() =>
      loadConfig('disclosure', { ...rest, AUTH_JWKS_URL: 'https://idp.example/jwks.json' }),
    ).toThrow(/AUTH_JWKS_ISSUER \(missing\)/);
  });

  it('makes a service exit with the readable message, not a stack trace', () => {
    const main = path.resolve(__dirname, '../../../../services/legal-review/src/main.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH, HTTP_PORT: 'x' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration for legal-review:');
    expect(result.stderr).toContain('DATABASE_URL (missing)');
    expect(result.stderr).toContain('HTTP_PORT (invalid)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
