/**
 * Verifies the audit trail's hash chain and names the first entry that does not fit.
 * Exit code 0 when the chain is intact, 1 when it is broken.
 *
 *   npm run -s verify-audit-chain -w @sanxiang/recording
 *
 * Reads DATABASE_URL from the environment.
 */
import { formatDateTime } from '@sanxiang/shared/src/format';
import { asDatabase, createPrismaClient } from '../data-access/prisma-client';
import { verifyAuditChain } from '../data-access/audit-trail';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('未设置 DATABASE_URL（审计库的连接地址）\n');
    return 2;
  }
  const db = createPrismaClient(url);
  try {
    const result = await verifyAuditChain(asDatabase(db));
    if (result.ok) {
      process.stdout.write(`审计链完好：共 ${result.checked} 条，链头哈希 ${result.lastHash}\n`);
      return 0;
    }
    const b = result.firstBroken!;
    const why =
      b.reason === 'unlinked'
        ? '与前一条的哈希不相接（其前有条目被删除或改动）'
        : '内容与其哈希不符（该条目被改动）';
    process.stdout.write(
      `审计链在第 ${b.id} 条断开（${formatDateTime(b.at)}，操作 ${b.action}，对象 ${b.subject}）：${why}；其前 ${result.checked} 条完好\n`,
    );
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`审计链校验未能完成：${err.message}\n`);
    process.exit(2);
  },
);
