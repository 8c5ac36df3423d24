/**
 * Issue a local development token (HS256, AUTH_JWT_SECRET). Usage:
 *   npm run -s token -- --roles officer,head --name 张三 [--sub u-zhangsan] [--cert 32010012345] [--expires 8h]
 */
import { parseArgs } from 'node:util';
import { ZRole } from '../domain/roles';
import { signToken } from './sign-token';

const usage =
  'usage: npm run -s token -- --roles <officer|reviewer|head|discloser|admin>[,…] --name <姓名> [--sub <user id>] [--cert <执法证号>] [--expires 8h]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        roles: { type: 'string' },
        name: { type: 'string' },
        sub: { type: 'string' },
        cert: { type: 'string' },
        expires: { type: 'string', default: '8h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  const roles = ZRole.array()
    .min(1)
    .safeParse(values.roles?.split(',').map((r) => r.trim()));
  const secret = process.env.AUTH_JWT_SECRET;
  if (!roles.success || !values.name) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (!secret || secret.length < 32) {
    process.stderr.write(
      'AUTH_JWT_SECRET (at least 32 characters) must be set; `source .local/env.sh` sets the local one\n',
    );
    return 2;
  }
  const token = await signToken({
    secret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    subject: values.sub ?? `dev-${values.name}`,
    name: values.name,
    roles: roles.data,
    ...(values.cert ? { certificateNumber: values.cert } : {}),
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

void main().then((code) => process.exit(code));
