import { ZEnv, createLogger } from '@sanxiang/shared';
import { createEvidenceStore, createS3Client } from '../data-access/evidence-store';
import { createPrismaClient } from '../data-access/prisma-client';

/**
 * The database and the evidence store for the maintenance commands, from the same variables the
 * service reads (validated by the shared schema). No HTTP port or Temporal is needed here.
 */
export function cliDeps() {
  const parsed = ZEnv.pick({
    DATABASE_URL: true,
    S3_ENDPOINT: true,
    S3_REGION: true,
    S3_ACCESS_KEY: true,
    S3_SECRET_KEY: true,
    S3_EVIDENCE_BUCKET: true,
    LOG_LEVEL: true,
  }).safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${String(i.path[0])}: ${i.message}`).join('\n');
    process.stderr.write(`Invalid configuration:\n${problems}\n`);
    process.exit(2);
  }
  const config = parsed.data;
  const db = createPrismaClient(config.DATABASE_URL);
  const store = createEvidenceStore(createS3Client(config), config.S3_EVIDENCE_BUCKET);
  const logger = createLogger({
    name: 'recording-cli',
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
  });
  return { db, store, logger };
}
