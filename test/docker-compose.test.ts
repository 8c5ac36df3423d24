/**
 * docker-compose.yml cannot run here (no Docker engine), so check what can go wrong on paper: every
 * variable each process requires is set and valid per the config schema, and every host and port it
 * points at is a service of the file listening there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, type TProfile } from '@sanxiang/shared';
import { caseSearchAttributes } from '@sanxiang/shared/src/contracts/search-attributes';

const root = path.resolve(__dirname, '..');
const operatorEnv: Record<string, string> = {
  AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
  TEMPORAL_CODEC_KEYS: `k2026:${Buffer.alloc(32, 7).toString('base64')}`,
  POSTGRES_PASSWORD: 'pg-secret',
  MINIO_ROOT_PASSWORD: 'minio-secret',
  S3_RECORDING_SECRET_KEY: 'recording-minio-secret',
  CONSOLE_SESSION_SECRET: 'a-console-session-secret-of-32-chars',
  OIDC_ISSUER: 'https://id.example.gov.cn',
  OIDC_CONSOLE_CLIENT_SECRET: 'console-client-secret',
  OIDC_DEMO_PASSWORD: 'demo-password',
  OIDC_COOKIE_SECRET: 'an-identity-cookie-secret-of-32-chars',
};

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` interpolation. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (op === '-') return arg ?? '';
    if (op === '?') throw new Error(`compose requires ${name}: ${arg}`);
    return '';
  });
}

interface TComposeService {
  environment?: Record<string, string | number>;
  command?: string[] | string;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, unknown>;
  build?: unknown;
}
const compose = parse(interpolate(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), operatorEnv), {
  merge: true,
}) as { services: Record<string, TComposeService> };
const services = compose.services;

const envOf = (name: string) =>
  Object.fromEntries(Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [k, String(v)]));

/** Where each compose service listens inside the network. */
const listening: Record<string, number> = {
  postgres: 5432,
  temporal: 7233,
  minio: 9000,
  smtp: 1025,
  disclosure: Number(envOf('disclosure').HTTP_PORT),
  recording: Number(envOf('recording').HTTP_PORT),
  'legal-review': Number(envOf('legal-review').HTTP_PORT),
  directory: Number(envOf('directory').HTTP_PORT),
  notifications: Number(envOf('notifications').HTTP_PORT),
  inspection: Number(envOf('inspection').HTTP_PORT),
  identity: Number(envOf('identity').HTTP_PORT),
  'codec-server': Number(envOf('codec-server').HTTP_PORT),
};

const processes: [string, TProfile][] = [
  ['disclosure', 'disclosure'],
  ['recording', 'recording'],
  ['legal-review', 'legal-review'],
  ['directory', 'directory'],
  ['notifications', 'notifications'],
  ['inspection', 'inspection'],
  ['identity', 'identity'],
  ['worker', 'worker'],
  ['console', 'console'],
  ['codec-server', 'codec-server'],
];

const pick = (env: Record<string, string>, ...keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, env[k]]));

function expectPointsAtService(address: string, where: string) {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  const port = Number(url.port);
  expect({ where, host: url.hostname, port }).toEqual({
    where,
    host: url.hostname,
    port: listening[url.hostname],
  });
}

describe('docker-compose.yml', () => {
  it.each(processes)('%s has every variable its config profile requires, valid', (service, profile) => {
    expect(services[service]).toBeDefined();
    expect(() => loadConfig(profile, envOf(service))).not.toThrow();
  });

  it.each(processes)('%s points only at hosts and ports that exist in the file', (service) => {
    const env = envOf(service);
    for (const [key, value] of Object.entries(env)) {
      if (/^(DATABASE_URL|SERVICE_URL_|S3_ENDPOINT$|TEMPORAL_ADDRESS$|SMTP_URL$|AUTH_JWKS_URL$)/.test(key))
        expectPointsAtService(value, `${service}.${key}`);
    }
    if (env.DATABASE_URL) {
      expect(readFileSync(path.join(root, 'scripts/compose/create-databases.sql'), 'utf8')).toContain(
        `CREATE DATABASE ${new URL(env.DATABASE_URL).pathname.slice(1)} `,
      );
    }
  });

  it('gives the worker the URL of each service on the port that service listens on', () => {
    const worker = envOf('worker');
    expect(worker.SERVICE_URL_DISCLOSURE).toBe(`http://disclosure:${listening.disclosure}`);
    expect(worker.SERVICE_URL_RECORDING).toBe(`http://recording:${listening.recording}`);
    expect(worker.SERVICE_URL_LEGAL_REVIEW).toBe(`http://legal-review:${listening['legal-review']}`);
    expect(worker.SERVICE_URL_DIRECTORY).toBe(`http://directory:${listening.directory}`);
    expect(worker.SERVICE_URL_NOTIFICATIONS).toBe(`http://notifications:${listening.notifications}`);
    expect(worker.SERVICE_URL_INSPECTION).toBe(`http://inspection:${listening.inspection}`);
  });

  it('migrates every service database the services use', () => {
    const migrate = envOf('migrate');
    for (const service of [
      'disclosure',
      'recording',
      'legal-review',
      'directory',
      'notifications',
      'identity',
      'inspection',
    ]) {
      const key = `DATABASE_URL_${service.toUpperCase().replace('-', '_')}`;
      expect(migrate[key]).toBe(envOf(service).DATABASE_URL);
    }
  });

  it('has health checks on every long-running server and dependencies that exist', () => {
    for (const name of [
      'postgres',
      'temporal',
      'minio',
      'smtp',
      'disclosure',
      'recording',
      'legal-review',
      'directory',
      'notifications',
      'inspection',
      'identity',
      'console',
      'codec-server',
    ]) {
      expect({ name, healthcheck: Boolean(services[name]?.healthcheck) }).toEqual({
        name,
        healthcheck: true,
      });
    }
    for (const [name, service] of Object.entries(services)) {
      for (const dep of Object.keys(service.depends_on ?? {})) {
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
      }
    }
  });

  it('lets every service verify the tokens of the identity provider the console signs people in at', () => {
    const issuer = envOf('console').OIDC_ISSUER;
    for (const service of [
      'disclosure',
      'recording',
      'legal-review',
      'directory',
      'notifications',
      'inspection',
    ]) {
      expect({ service, ...pick(envOf(service), 'AUTH_JWKS_URL', 'AUTH_JWKS_ISSUER') }).toEqual({
        service,
        AUTH_JWKS_URL: `http://identity:${listening.identity}/jwks`,
        AUTH_JWKS_ISSUER: issuer,
      });
    }
    expect(envOf('identity').OIDC_ISSUER).toBe(issuer);
    expect(envOf('identity').CONSOLE_URL).toBe(envOf('console').CONSOLE_URL);
  });

  it('encrypts Temporal payloads with one key list, and points the Web UI at the codec server', () => {
    const keys = new Set(
      ['disclosure', 'recording', 'legal-review', 'inspection', 'worker', 'console', 'codec-server'].map(
        (name) => envOf(name).TEMPORAL_CODEC_KEYS,
      ),
    );
    expect([...keys]).toEqual([operatorEnv.TEMPORAL_CODEC_KEYS]);
    // Processes that never talk to Temporal do not hold the keys.
    for (const name of ['directory', 'notifications', 'identity'])
      expect({ name, keys: envOf(name).TEMPORAL_CODEC_KEYS }).toEqual({ name, keys: undefined });
    const ui = envOf('temporal-ui');
    const published = (name: string) =>
      String((services[name] as { ports?: string[] }).ports?.[0]).split(':')[0];
    expect(new URL(ui.TEMPORAL_CODEC_ENDPOINT!).port).toBe(published('codec-server'));
    expect(ui.TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBe('true');
    expect(envOf('codec-server').CODEC_CORS_ORIGINS).toBe(`http://localhost:${published('temporal-ui')}`);
  });

  it('registers the same custom search attributes as the local dev server', () => {
    const command = String(services['temporal-search-attributes']?.command);
    for (const { name, type } of caseSearchAttributes)
      expect(command).toContain(`--name ${name} --type ${type}`);
  });

  it('refuses to start without the operator secrets', () => {
    const withoutCodecKeys = { ...operatorEnv, TEMPORAL_CODEC_KEYS: '' };
    expect(() =>
      interpolate(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), withoutCodecKeys),
    ).toThrow(/TEMPORAL_CODEC_KEYS/);
    expect(() => interpolate(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {})).toThrow(
      /AUTH_JWT_SECRET/,
    );
  });
});
