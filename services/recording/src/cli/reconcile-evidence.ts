/**
 * Compares evidence rows with the object store and reports every mismatch (see
 * src/domain/reconcile-evidence.ts). Exit code 0 when nothing is left unresolved, 1 otherwise.
 *
 *   npm run -s reconcile-evidence -w @sanxiang/recording -- [--repair] [--verify-hashes] [--grace-minutes 60] [--prefix cases/]
 *
 * Reads DATABASE_URL and S3_* from the environment (as the service does).
 */
import { demoEnforcementPolicy } from '../domain/policy/enforcement-policy';
import { parseArgs } from 'node:util';
import { defaultEvidenceSettings, type TRecordingDeps } from '../domain/recording-deps';
import { reconcileEvidence } from '../domain/evidence/reconcile-evidence';
import { asDatabase } from '../data-access/prisma-client';
import { cliDeps } from './cli-deps';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      repair: { type: 'boolean', default: false },
      'verify-hashes': { type: 'boolean', default: false },
      'grace-minutes': { type: 'string', default: '60' },
      prefix: { type: 'string', default: 'cases/' },
    },
  });
  const { db, store, logger } = cliDeps();
  const noLifecycle = () => Promise.reject(new Error('not used by reconciliation'));
  const deps: TRecordingDeps = {
    db: asDatabase(db),
    store,
    logger,
    gateway: { start: noLifecycle, signal: noLifecycle, update: noLifecycle },
    outbox: {
      deliver: async () => undefined,
      deliverAll: async () => undefined,
      startLoop: () => () => undefined,
    },
    directory: { checkCertificates: noLifecycle, person: noLifecycle },
    evidence: defaultEvidenceSettings,
    policy: demoEnforcementPolicy, // not used by reconciliation
    calendar: noLifecycle, // not used by reconciliation
  };
  try {
    const report = await reconcileEvidence(deps, {
      repair: values.repair,
      verifyHashes: values['verify-hashes'],
      graceMinutes: Number(values['grace-minutes']),
      prefix: values.prefix,
    });
    for (const f of report.findings) process.stdout.write(`${JSON.stringify(f)}\n`);
    process.stdout.write(
      `已核对 ${report.rows} 条证据记录：发现问题 ${report.findings.length} 项，未解决 ${report.unresolved} 项${values.repair ? '' : '（加 --repair 修复可修复的问题）'}\n`,
    );
    return report.unresolved === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`证据核对未能完成：${err.message}\n`);
    process.exit(2);
  },
);
