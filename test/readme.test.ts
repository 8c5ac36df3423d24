import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configReferenceMarkdown } from '@sanxiang/shared';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every environment variable exactly as the config schema defines it', () => {
    const match = /<!-- config-reference:start -->\n([\s\S]*?)\n<!-- config-reference:end -->/.exec(readme);
    expect(match?.[1]).toBe(configReferenceMarkdown());
  });

  it('shows the test command that .ci/run runs', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const command = /^(npm \S+)\s*$/m.exec(ci)?.[1];
    expect(command).toBe('npm test');
    expect(readme).toContain(`${command}    #`);
  });
});
