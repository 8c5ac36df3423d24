/**
 * Issue a local development token (HS256, AUTH_JWT_SECRET). Usage:
 *   npm run -s token -- --roles officer,head --name 张三 [--unit <unit id>] [--sub u-zhangsan] [--cert 32010012345] [--expires 8h]
 *   npm run -s token -- --machine [--name 流程引擎]      (a machine token with role system, as the worker's)
 */
import { parseArgs } from 'node:util';
import { ZRole } from '../domain/roles';
import { signMachineToken, signToken } from './sign-token';

const usage =
  'usage: npm run -s token -- --roles <officer|reviewer|head|discloser|admin>[,…] --name <姓名> [--unit <unit id>] [--sub <user id>] [--cert <执法证号>] [--expires 8h]\n' +
  '       npm run -s token -- --machine [--sub system:cli] [--name <名称>] [--expires 10m]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        roles: { type: 'string' },
        name: { type: 'string' },
        unit: { type: 'string' },
        sub: { type: 'string' },
        cert: { type: 'string' },
        machine: { type: 'boolean', default: false },
        expires: { type: 'string' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret || secret.length < 32) {
    process.stderr.write(
      'AUTH_JWT_SECRET (at least 32 characters) must be set; `source .local/dev/env.sh` sets the local one\n',
    );
    return 2;
  }
  const settings = {
    secret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
  };
  if (values.machine) {
    const token = await signMachineToken({
      ...settings,
      subject: values.sub ?? 'system:cli',
      name: values.name ?? '命令行',
      expiresIn: values.expires ?? '10m',
    });
    process.stdout.write(`${token}\n`);
    return 0;
  }
  const roles = ZRole.exclude(['system'])
    .array()
    .min(1)
    .safeParse(values.roles?.split(',').map((r) => r.trim()));
  if (!roles.success || !values.name) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const token = await signToken({
    ...settings,
    subject: values.sub ?? `dev-${values.name}`,
    name: values.name,
    roles: roles.data,
    ...(values.unit ? { unitId: values.unit } : {}),
    ...(values.cert ? { certificateNumber: values.cert } : {}),
    expiresIn: values.expires ?? '8h',
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

void main().then((code) => process.exit(code));
