/**
 * `npm start` prints this last: the demo accounts of the local identity provider, one line each
 * (login, name, unit, roles, password), and which certificates the demo made invalid on purpose.
 *
 *   source .local/dev/env.sh && npx tsx scripts/demo/print-demo-accounts.ts
 */
import { roleLabel } from '@sanxiang/shared/src/domain';
import { demoPeople, demoUnits } from './directory-demo-data';

/** Columns in a terminal: CJK characters and full-width forms take two cells. */
function cells(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return width;
}
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - cells(text)));

export function demoAccountsTable(password: string): string {
  const unitName = new Map(demoUnits.map((u) => [u.id, u.name]));
  const header = ['登录名 login', '姓名', '单位', '角色 roles', '密码 password', '说明'];
  const rows = demoPeople.map((person) => [
    person.login,
    person.name,
    `${unitName.get(person.unitId) ?? person.unitId} ${person.post}`,
    person.roles.map((r) => `${roleLabel[r]}(${r})`).join('、'),
    password,
    person.certificate?.note ? `执法证：${person.certificate.note}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i]!))));
  const line = (row: string[]) =>
    `  ${row
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd()}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (require.main === module) {
  const password = process.env.OIDC_DEMO_PASSWORD;
  if (!password) {
    console.error('OIDC_DEMO_PASSWORD is not set: run `source .local/dev/env.sh` first');
    process.exit(1);
  }
  console.log(`  演示账号 (demo accounts) — sign in at ${process.env.CONSOLE_URL ?? 'the console'}:\n`);
  console.log(demoAccountsTable(password));
  console.log('');
}
