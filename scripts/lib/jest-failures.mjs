// Prints, after a jest run, every failed test with the start of its failure message (from jest's
// --json report), so a failure is readable from the end of a long CI log.
// Usage: node scripts/lib/jest-failures.mjs <report.json>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const MESSAGE_LINES = 12;
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const head = (text) => plain(text).split('\n').slice(0, MESSAGE_LINES).join('\n');

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = [];
for (const suite of report.testResults ?? []) {
  const file = path.relative(process.cwd(), suite.name);
  const failed = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
  if (failed.length === 0 && suite.status === 'failed') {
    // The suite itself did not run (a beforeAll, an import or a syntax error).
    lines.push(`✗ ${file}`, head(suite.message || suite.failureMessage || '(no message)'), '');
  }
  for (const test of failed) {
    lines.push(`✗ ${file} › ${test.fullName}`, head((test.failureMessages ?? []).join('\n')), '');
  }
}
if (lines.length > 0) process.stdout.write(['', '--- failed tests', ...lines, ''].join('\n'));
