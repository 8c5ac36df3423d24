/**
 * `npm start` shows one short line per log entry in the terminal and keeps the full JSON lines in
 * .local/dev/log/<name>.log (scripts/lib/terminal-log.mjs, used by scripts/start.sh).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const script = path.resolve(__dirname, '../scripts/lib/terminal-log.mjs');

it('prints one short line per entry and writes every line in full to the log file', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'terminal-log-')), 'recording.log');
  const request = {
    level: 30,
    req: { id: 'r1', method: 'GET', url: '/cases/1', headers: { 'user-agent': 'x'.repeat(500) } },
    res: { statusCode: 200, headers: { 'content-type': 'application/json' } },
    responseTime: 12,
    msg: 'request completed',
  };
  const failure = {
    level: 50,
    msg: 'request failed',
    err: { message: 'boom', stack: 'Error: boom\n    at x\n    at y' },
  };
  const lines = [
    JSON.stringify(request),
    JSON.stringify(failure),
    JSON.stringify({ level: 30, msg: 'y'.repeat(400) }),
  ];
  const run = promisify(execFile)(process.execPath, [script, file, 'recording']);
  run.child.stdin?.end(`${lines.join('\n')}\n`);
  const { stdout } = await run;
  const shown = stdout.trimEnd().split('\n');
  expect(shown.slice(0, 2)).toEqual([
    '[recording] 200 GET /cases/1 12 ms',
    '[recording] ERROR request failed: boom',
  ]);
  expect(shown).toHaveLength(3);
  for (const line of shown) expect(line.length).toBeLessThanOrEqual(200);
  expect(readFileSync(file, 'utf8')).toBe(`${lines.join('\n')}\n`);
});
