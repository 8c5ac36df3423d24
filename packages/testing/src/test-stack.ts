/**
 * Addresses of the real test stack (PostgreSQL, MinIO, Temporal, Mailpit) that `npm test` starts with
 * scripts/stack/up.sh test and exports. Suites fail loudly when it is absent: a suite that quietly
 * skips its servers would pass without testing anything.
 */
export interface TTestStack {
  pgAdminUrl: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; region: string; bucket: string };
  temporalAddress: string;
  /** TEMPORAL_CODEC_KEYS: every Temporal client and worker of a test encrypts its payloads with them. */
  temporalCodecKeys: string;
  temporalTestServerPath: string;
  authSecret: string;
  /** Mailpit: SMTP for sending, its HTTP API for reading what arrived. */
  mail: { smtpUrl: string; apiUrl: string };
}

export function testStack(): TTestStack {
  const missing = [
    'SANXIANG_TEST_PG_URL',
    'S3_ENDPOINT',
    'S3_ACCESS_KEY',
    'S3_SECRET_KEY',
    'TEMPORAL_ADDRESS',
    'TEMPORAL_CODEC_KEYS',
    'TEMPORAL_TEST_SERVER_PATH',
    'AUTH_JWT_SECRET',
    'SMTP_URL',
    'MAILPIT_URL',
  ].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `The test stack is not configured (missing ${missing.join(', ')}). Run the tests with \`npm test\`, ` +
        'or start the stack with `bash scripts/stack/up.sh test && source .local/test/env.sh && ' +
        'export SANXIANG_TEST_PG_URL=$SANXIANG_PG_ADMIN_URL` and run jest.',
    );
  }
  const env = process.env as Record<string, string>;
  return {
    pgAdminUrl: env.SANXIANG_TEST_PG_URL!,
    s3: {
      endpoint: env.S3_ENDPOINT!,
      accessKey: env.S3_ACCESS_KEY!,
      secretKey: env.S3_SECRET_KEY!,
      region: env.S3_REGION ?? 'us-east-1',
      bucket: env.S3_EVIDENCE_BUCKET ?? 'evidence',
    },
    temporalAddress: env.TEMPORAL_ADDRESS!,
    temporalCodecKeys: env.TEMPORAL_CODEC_KEYS!,
    temporalTestServerPath: env.TEMPORAL_TEST_SERVER_PATH!,
    authSecret: env.AUTH_JWT_SECRET!,
    mail: { smtpUrl: env.SMTP_URL!, apiUrl: env.MAILPIT_URL! },
  };
}
