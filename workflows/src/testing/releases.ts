import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The release of the workflow code: the version in workflows/package.json. */
export const workflowsRelease = (): string =>
  (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
    .version;

const byVersion = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** The release folders under `dir` (`<major>.<minor>.<patch>`), oldest first. */
export const savedReleases = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+\.\d+\.\d+$/u.test(e.name))
    .map((e) => e.name)
    .sort(byVersion);
