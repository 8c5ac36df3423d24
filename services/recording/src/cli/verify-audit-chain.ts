/**
 * Verifies the audit trail's hash chain and names the first entry that does not fit.
 * Exit code 0 when the chain is intact, 1 when it is broken.
 *
 *   npm run -s verify-audit-chain -w @sanxiang/recording
 *
 * Reads DATABASE_URL from the environment.
 */
import { createPrismaClient } from '../data-access/prisma-client';
import { verifyAuditChain } from '../data-access/audit-trail';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is not set\n');
    return 2;
  }
  const db = createPrismaClient(url);
  try {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} entries, head ${result.lastHash}\n`);
      return 0;
    }
    const b = result.firstBroken!;
    process.stdout.write(
      `audit chain BROKEN at entry ${b.id} (${b.at}, ${b.action} ${b.subject}): ${b.problem}; ${result.checked} entries before it are intact\n`,
    );
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`verify-audit-chain failed: ${err.message}\n`);
    process.exit(2);
  },
);
