// `npm start`'s terminal view of a process's output: every line goes in full to the log file named
// by the first argument (JSON lines, as pino writes them); the terminal gets at most one short line
// per entry — "[name] 200 GET /cases 12 ms" for a request, "[name] WARN message" otherwise.
// Usage: <process> | node scripts/lib/terminal-log.mjs <log file> <name>
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [file, name] = process.argv.slice(2);
const out = createWriteStream(file, { flags: 'a' });
const levels = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const width = 160;
const short = (text) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function summary(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line; // not a log entry (a tool's own output)
  }
  if (entry === null || typeof entry !== 'object') return line;
  const level = levels[entry.level] ?? String(entry.level ?? '');
  if (entry.req && entry.res) {
    const ms = entry.responseTime === undefined ? '' : ` ${entry.responseTime} ms`;
    return `${entry.res.statusCode} ${entry.req.method} ${entry.req.url}${ms}${level === 'INFO' ? '' : ` ${level}`}`;
  }
  const err = entry.err?.message ? `: ${entry.err.message}` : '';
  return `${level} ${entry.msg ?? ''}${err}`;
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  out.write(`${line}\n`);
  if (line.trim() !== '') process.stdout.write(`[${name}] ${short(summary(line).replace(/\s+/g, ' '))}\n`);
}
out.end();
