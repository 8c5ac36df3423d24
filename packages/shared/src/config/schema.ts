import { z } from 'zod';
import { parseCodecKeys } from '../temporal/codec-keys';

/**
 * Every environment variable the system reads, in one schema. Each process declares the keys it
 * needs (see `profiles`); `loadConfig` validates exactly those and reports every problem at once.
 * The README's configuration table is checked against this file by a test.
 */
// 0 lets the operating system choose a free port (tests).
const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z.url({ protocol: /^https?$/ });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum log level (pino).'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .default('json')
    .describe('`json` lines for production, `pretty` for a terminal.'),

  HTTP_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface the service listens on (`0.0.0.0` in containers).'),
  HTTP_PORT: port.describe('Port the service listens on.'),
  HTTP_TRUST_PROXY: z
    .string()
    .default('')
    .describe(
      'Proxies whose `X-Forwarded-For` is believed (Express `trust proxy`: addresses/CIDRs, comma-separated); empty: none, the peer address is the client.',
    ),
  DATABASE_URL: postgresUrl.describe("The service's own PostgreSQL database."),

  AUTH_JWT_SECRET: z
    .string()
    .min(32, '至少 32 个字符')
    .optional()
    .describe(
      "HS256 secret for local tokens and the worker's machine tokens (one of this or AUTH_JWKS_URL).",
    ),
  AUTH_JWKS_URL: httpUrl
    .optional()
    .describe("JWKS of the identity provider that signs people's tokens (accepted beside HS256 ones)."),
  AUTH_JWKS_ISSUER: z
    .string()
    .min(1)
    .optional()
    .describe("Expected `iss` of the identity provider's tokens (required with AUTH_JWKS_URL)."),
  AUTH_ISSUER: z.string().min(1).default('sanxiang-local').describe('Expected `iss` of HS256 tokens.'),
  AUTH_AUDIENCE: z.string().min(1).default('sanxiang').describe('Expected `aud` of tokens.'),
  AUTH_MAX_TOKEN_AGE: z.coerce
    .number()
    .int()
    .positive()
    .default(43_200)
    .describe('Seconds a token may live and be old (`exp` and `iat` are required); default 12 h.'),
  AUTH_CLAIM_MAP: z
    .string()
    .regex(/^\s*(name|unit|roles|cert)\s*=\s*[^,=\s]+\s*(,\s*(name|unit|roles|cert)\s*=\s*[^,=\s]+\s*)*$/, {
      message: '应为逗号分隔的对应关系，如 `name=<claim>,unit=<claim>,roles=<claim>,cert=<claim>`',
    })
    .optional()
    .describe(
      "Where the identity provider's tokens carry our claims, e.g. `name=display_name,unit=org.id,roles=realm_access.roles`.",
    ),

  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, '应为 主机:端口')
    .describe('Temporal frontend, `host:port`.'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace.'),
  TEMPORAL_UI_URL: httpUrl
    .optional()
    .describe(
      "Temporal Web UI, for admins' link from a case page to its workflow (`npm start`: the dev server's UI); unset: no link.",
    ),
  PUBLIC_PLATFORM_URL: httpUrl
    .optional()
    .describe(
      "The public platform (公开平台, the disclosure service's `/public`) as browsers reach it, for staff's link from a disclosure record to its public page; unset: no link.",
    ),
  TEMPORAL_TASK_QUEUE: z
    .string()
    .min(1)
    .default('case-lifecycle')
    .describe('Task queue of the case-lifecycle worker.'),

  TEMPORAL_CODEC_KEYS: z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      try {
        parseCodecKeys(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .describe(
      'AES-256-GCM keys of the Temporal payload codec, `id:base64,…` (32 bytes each, `openssl rand -base64 32`): the first encrypts, all decrypt; rotate by putting a new key first and keeping the old ones (docs/decisions.md).',
    ),

  CODEC_CORS_ORIGINS: z
    .string()
    .default('')
    .describe(
      "Origins of the Temporal Web UI allowed to call the codec server from the browser (comma-separated, e.g. `http://127.0.0.1:8233`); empty: none (the CLI's `--codec-endpoint` needs none).",
    ),

  S3_ENDPOINT: httpUrl.describe('S3-compatible store with Object Lock (MinIO locally).'),
  S3_REGION: z.string().min(1).default('us-east-1').describe('S3 region.'),
  S3_ACCESS_KEY: z.string().min(3).describe('S3 access key.'),
  S3_SECRET_KEY: z.string().min(8).describe('S3 secret key.'),
  EVIDENCE_RETENTION_DAYS: z.coerce
    .number()
    .positive()
    .max(36_500)
    .default(10_950)
    .describe(
      'Days each evidence original stays under COMPLIANCE retention (default 30 years; fractions for tests).',
    ),
  WITHDRAWAL_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(15)
    .default(3)
    .describe(
      'Working days to take a revoked decision down (撤下, 004 §14 “及时”), counted from the revoking document; escalates like every clock.',
    ),
  S3_EVIDENCE_BUCKET: z
    .string()
    .min(3)
    .default('evidence')
    .describe('Bucket for evidence; must have Object Lock.'),

  SERVICE_URL_DISCLOSURE: httpUrl.describe(
    "Base URL of the disclosure service (for the worker's activities).",
  ),
  SERVICE_URL_RECORDING: httpUrl.describe('Base URL of the recording service.'),
  SERVICE_URL_LEGAL_REVIEW: httpUrl.describe('Base URL of the legal-review service.'),
  SERVICE_URL_DIRECTORY: httpUrl.describe(
    'Base URL of the directory service (people, units, certificates; docs/directory.md).',
  ),

  SERVICE_URL_NOTIFICATIONS: httpUrl.describe(
    'Base URL of the notifications service (inbox, e-mail, tasks and board; docs/notifications.md).',
  ),
  SERVICE_URL_INSPECTION: httpUrl.describe(
    "Base URL of the inspection service (双随机: the worker's results-clock activities; the public platform's 双随机、一公开 pages read its public API; the console's 双随机 pages; docs/inspection.md).",
  ),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .describe('SMTP server the notifications service sends e-mail through (Mailpit locally).'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('三项制度平台 <noreply@sanxiang.local>')
    .describe('Sender of notification e-mails (`Name <address>`).'),
  EMAIL_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(8)
    .describe(
      'Failed attempts after which an e-mail shows as failed (a dead letter; the kit outbox keeps retrying it, 5 s doubling to 5 min).',
    ),

  CONSOLE_URL: httpUrl.describe(
    'Public base URL of the staff console (its OIDC redirect URI is `${CONSOLE_URL}/auth/callback`).',
  ),
  CONSOLE_SESSION_SECRET: z
    .string()
    .min(32, '至少 32 个字符')
    .describe("Secret that signs the staff console's session cookie."),
  OIDC_ISSUER: httpUrl.describe(
    'Issuer URL of the OpenID provider staff sign in with (discovery document below it).',
  ),
  OIDC_CONSOLE_CLIENT_SECRET: z
    .string()
    .min(16, '至少 16 个字符')
    .describe('Client secret of the OIDC client `sanxiang-console`.'),

  OIDC_DEMO_PASSWORD: z
    .string()
    .min(8, '至少 8 个字符')
    .describe('The one password of every demo account at the local provider (development only).'),
  OIDC_SIGNING_KEY_FILE: z
    .string()
    .min(1)
    .describe('Private JWK (RS256) that signs tokens; the local provider generates it when absent.'),
  OIDC_COOKIE_SECRET: z
    .string()
    .min(32, '至少 32 个字符')
    .describe("Secret that signs the provider's session and interaction cookies."),
  OIDC_ACCESS_TOKEN_TTL: z.coerce
    .number()
    .int()
    .positive()
    .default(600)
    .describe('Seconds an access token from the local provider lives (within AUTH_MAX_TOKEN_AGE).'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      'Failed sign-ins of one login name within LOGIN_RATE_WINDOW before the local provider answers 429 (Retry-After).',
    ),
  LOGIN_MAX_FAILURES_PER_PEER: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe(
      'Failed sign-ins from one peer address (per HTTP_TRUST_PROXY) within LOGIN_RATE_WINDOW before 429.',
    ),
  LOGIN_RATE_WINDOW: z.coerce
    .number()
    .int()
    .positive()
    .default(900)
    .describe("Seconds of the sign-in rate-limit window (counters in the provider's database)."),

  ENFORCEMENT_POLICY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "JSON of the agency's 音像记录事项清单 and 重大执法决定事项目录 (services/recording/src/domain/policy); the demo lists when unset.",
    ),

  CALENDAR_DATA_DIR: z
    .string()
    .min(1)
    .default('.local/data/calendar')
    .describe('Folder of imported holiday-calendar years (relative to the repo root).'),

  PUBLIC_SITE_SPONSOR: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "主办单位 shown in the public platform's footer (a government site must name it), e.g. 常州市人力资源和社会保障局.",
    ),
  PUBLIC_SITE_CONTACT: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Contact line of the public platform's footer (联系电话 / 地址 / 邮箱), as it is to be read."),
  PUBLIC_SITE_ICP: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe(
      "ICP 备案号 in the public platform's footer (linked to beian.miit.gov.cn), e.g. 苏ICP备12345678号.",
    ),
  PUBLIC_SITE_CODE: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{10}$/u, '网站标识码应为 10 位数字或字母')
    .optional()
    .describe("网站标识码 (10 characters, issued for government websites) in the public platform's footer."),
});
export type TEnv = z.infer<typeof ZEnv>;
export type TEnvKey = keyof TEnv;

const logging = ['NODE_ENV', 'LOG_LEVEL', 'LOG_FORMAT'] as const;
const http = ['HTTP_HOST', 'HTTP_PORT', 'HTTP_TRUST_PROXY'] as const;
const auth = [
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'AUTH_JWKS_ISSUER',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_MAX_TOKEN_AGE',
  'AUTH_CLAIM_MAP',
] as const;
const temporal = [
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_CODEC_KEYS',
] as const;
const s3 = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_EVIDENCE_BUCKET'] as const;
const serviceUrls = ['SERVICE_URL_DISCLOSURE', 'SERVICE_URL_RECORDING', 'SERVICE_URL_LEGAL_REVIEW'] as const;

/** Which variables each process reads. */
export const profiles = {
  disclosure: [
    ...logging,
    ...http,
    'DATABASE_URL',
    ...auth,
    ...temporal,
    'CALENDAR_DATA_DIR',
    'SERVICE_URL_DIRECTORY',
    'SERVICE_URL_INSPECTION',
    'SERVICE_URL_RECORDING',
    'SERVICE_URL_LEGAL_REVIEW',
    'WITHDRAWAL_WORKING_DAYS',
    'PUBLIC_SITE_SPONSOR',
    'PUBLIC_SITE_CONTACT',
    'PUBLIC_SITE_ICP',
    'PUBLIC_SITE_CODE',
  ],
  recording: [
    ...logging,
    ...http,
    'DATABASE_URL',
    ...auth,
    ...temporal,
    ...s3,
    'EVIDENCE_RETENTION_DAYS',
    'SERVICE_URL_DIRECTORY',
    'ENFORCEMENT_POLICY_FILE',
    'CALENDAR_DATA_DIR',
  ],
  'legal-review': [
    ...logging,
    ...http,
    'DATABASE_URL',
    ...auth,
    ...temporal,
    'SERVICE_URL_RECORDING',
    'SERVICE_URL_DIRECTORY',
    'CALENDAR_DATA_DIR',
  ],
  directory: [...logging, ...http, 'DATABASE_URL', ...auth],
  notifications: [
    ...logging,
    ...http,
    'DATABASE_URL',
    ...auth,
    'SMTP_URL',
    'MAIL_FROM',
    'EMAIL_MAX_ATTEMPTS',
    'CONSOLE_URL',
    'CALENDAR_DATA_DIR',
    'SERVICE_URL_DIRECTORY',
  ],
  inspection: [
    ...logging,
    ...http,
    'DATABASE_URL',
    ...auth,
    ...temporal,
    'SERVICE_URL_DIRECTORY',
    'SERVICE_URL_RECORDING',
    'CALENDAR_DATA_DIR',
  ],
  identity: [
    ...logging,
    ...http,
    'DATABASE_URL',
    'AUTH_JWT_SECRET',
    'AUTH_ISSUER',
    'AUTH_AUDIENCE',
    'SERVICE_URL_DIRECTORY',
    'OIDC_ISSUER',
    'OIDC_CONSOLE_CLIENT_SECRET',
    'CONSOLE_URL',
    'OIDC_DEMO_PASSWORD',
    'OIDC_SIGNING_KEY_FILE',
    'OIDC_COOKIE_SECRET',
    'OIDC_ACCESS_TOKEN_TTL',
    'LOGIN_MAX_FAILURES_PER_ACCOUNT',
    'LOGIN_MAX_FAILURES_PER_PEER',
    'LOGIN_RATE_WINDOW',
  ],
  worker: [
    ...logging,
    ...auth,
    ...temporal,
    ...serviceUrls,
    'SERVICE_URL_DIRECTORY',
    'SERVICE_URL_NOTIFICATIONS',
    'SERVICE_URL_INSPECTION',
    'CALENDAR_DATA_DIR',
  ],
  cli: [...logging, ...auth, ...temporal, 'CALENDAR_DATA_DIR'],
  'codec-server': [...logging, ...http, ...auth, 'TEMPORAL_CODEC_KEYS', 'CODEC_CORS_ORIGINS'],
  console: [
    ...logging,
    ...http,
    'DATABASE_URL',
    'CONSOLE_URL',
    'CONSOLE_SESSION_SECRET',
    'OIDC_ISSUER',
    'OIDC_CONSOLE_CLIENT_SECRET',
    ...serviceUrls,
    'SERVICE_URL_DIRECTORY',
    'SERVICE_URL_NOTIFICATIONS',
    'SERVICE_URL_INSPECTION',
    'TEMPORAL_UI_URL',
    'PUBLIC_PLATFORM_URL',
    'TEMPORAL_ADDRESS',
    'TEMPORAL_NAMESPACE',
    'TEMPORAL_CODEC_KEYS',
    'CALENDAR_DATA_DIR',
  ],
} as const satisfies Record<string, readonly TEnvKey[]>;
export type TProfile = keyof typeof profiles;
export type TConfigOf<P extends TProfile> = Pick<TEnv, (typeof profiles)[P][number]>;
