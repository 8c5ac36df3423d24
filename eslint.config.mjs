// Lint rules for the whole monorepo. Workflow code runs in Temporal's deterministic sandbox: it may
// not import Node built-ins or anything that does I/O (that belongs in activities).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Files that are bundled into the workflow sandbox. Keep in step with docs/lifecycle.md. */
export const workflowFiles = [
  'workflows/src/**/workflow.ts',
  'workflows/src/**/workflows.ts',
  'workflows/src/**/*.workflow.ts',
  'workflows/src/**/workflow/**/*.ts',
];

const ioModules = [
  'express',
  'pg',
  'minio',
  'pino',
  'pino-http',
  'jose',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
  'undici',
  'axios',
  '@sanxiang/shared',
];

/**
 * Packages are imported by their entry points. The exceptions are the public subpaths that stay free
 * of I/O so that workflow code and the console's browser app can use them (shared domain, contracts, calendar, clocks, format) and the workflows
 * package, whose folders are its entry points (one per workflow family).
 */
const deepImport = {
  regex:
    '^@sanxiang/(?!(shared/src/(domain|contracts|calendar|clocks|format)|workflows/src)(/|$))[^/]+/src(/|$)',
  message: 'Import a package by its entry point, not its internals.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.local/**', '**/src/generated/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      'no-restricted-imports': ['error', { patterns: [deepImport] }],
    },
  },
  {
    files: workflowFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules
              .flatMap((m) => [m, `node:${m}`])
              .map((name) => ({
                name,
                message:
                  'Workflow code runs in a deterministic sandbox: no Node built-ins. Do I/O in an activity.',
              })),
            ...ioModules.map((name) => ({
              name,
              message: 'Workflow code must not import I/O libraries. Do I/O in an activity.',
            })),
          ],
          patterns: [
            deepImport,
            {
              regex: '^(@prisma/|@sanxiang/shared/src/(?!(domain|contracts|clocks|format)(/|$)))',
              message:
                'Workflow code may use only @sanxiang/shared/src/{domain,contracts,clocks,format}. Do I/O in an activity.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
  },
);
