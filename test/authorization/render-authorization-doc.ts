import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { roleLabel } from '@sanxiang/shared';
import {
  accessRules,
  authorizationTable,
  authorizedServices,
  tokenAnswers,
  type TAccessRuleKey,
  type TOperationAccess,
} from './authorization-table';

export const AUTHZ_TABLE_START =
  '<!-- authorization-table:start (generated from test/authorization/authorization-table.ts) -->';
export const AUTHZ_TABLE_END = '<!-- authorization-table:end -->';
export const authorizationDocPath = path.resolve(__dirname, '../../docs/authorization.md');

const escape = (text: string) => text.replace(/\|/gu, '\\|');
const rolesCell = (roles: TOperationAccess['roles']) =>
  roles === 'public' ? '公开' : roles.map((r) => `${roleLabel[r]} \`${r}\``).join('、');

/** The generated part of docs/authorization.md: token answers, the rules, every operation. */
export function renderAuthorizationTable(): string {
  const used = new Set<TAccessRuleKey>();
  for (const service of authorizedServices)
    for (const access of Object.values(authorizationTable[service])) used.add(access.rule);
  const lines = [
    AUTHZ_TABLE_START,
    '',
    '### 令牌与角色',
    '',
    '| 调用者 | 受保护的操作 | 公开操作 |',
    '|---|---|---|',
    `| 不带令牌 | ${tokenAnswers.missing} | 照常回答 |`,
    `| 过期的令牌 | ${tokenAnswers.expired} | 401 |`,
    `| 签发者不符的令牌 | ${tokenAnswers.wrongIssuer} | 401 |`,
    `| \`alg: none\`（未签名）的令牌 | ${tokenAnswers.algNone} | 401 |`,
    `| 有效令牌，但不持所列角色 | ${tokenAnswers.roleNotListed} | 照常回答 |`,
    '| 有效令牌且持所列角色 | 按下表的规则 | 照常回答 |',
    '',
    '### 规则',
    '',
    '| 规则 | 谁可以 | 持所列角色但不符合规则者 |',
    '|---|---|---|',
    ...Object.entries(accessRules)
      .filter(([key]) => used.has(key as TAccessRuleKey))
      .map(([key, r]) => `| ${r.label} \`${key}\` | ${escape(r.who)} | ${escape(r.others)} |`),
  ];
  for (const service of authorizedServices) {
    lines.push('', `### ${service}`, '', '| 操作 | 角色 | 规则 |', '|---|---|---|');
    for (const [operation, access] of Object.entries(authorizationTable[service])) {
      lines.push(
        `| \`${operation}\` | ${rolesCell(access.roles)} | ${accessRules[access.rule].label} \`${access.rule}\` |`,
      );
    }
  }
  lines.push('', AUTHZ_TABLE_END);
  return lines.join('\n');
}

/** The generated block of a document, or undefined when its markers are missing. */
export function authorizationTableIn(document: string): string | undefined {
  const start = document.indexOf(AUTHZ_TABLE_START);
  const end = document.indexOf(AUTHZ_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return document.slice(start, end + AUTHZ_TABLE_END.length);
}

// `npx tsx test/authorization/render-authorization-doc.ts --write`: put the table into the document.
if (require.main === module && process.argv.includes('--write')) {
  const doc = readFileSync(authorizationDocPath, 'utf8');
  const block = authorizationTableIn(doc);
  if (!block) throw new Error(`${authorizationDocPath}: markers missing`);
  writeFileSync(authorizationDocPath, doc.replace(block, renderAuthorizationTable()));
}
