// Lints code snippets with the project's ESLint config, as if each were the file it names, and
// prints the messages as JSON. One process and one ESLint instance for all snippets; type
// information is switched off and only the rules asked for run, so this takes seconds, not minutes.
// stdin: {"rules": ["rule-id", ...], "snippets": [{"filePath": "...", "code": "..."}]}
// stdout: [[{"ruleId": "...", "line": 1}, ...], ...] (one list per snippet)
import { ESLint } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = path.resolve(import.meta.dirname, '../..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { rules, snippets } = JSON.parse(input);

const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  ruleFilter: ({ ruleId }) => rules.includes(ruleId),
});
const reports = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(root, filePath) });
  reports.push((result?.messages ?? []).map(({ ruleId, line, message }) => ({ ruleId, line, message })));
}
process.stdout.write(JSON.stringify(reports));
