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

/**
 * Boundaries (issue #9): a service talks to other services over HTTP and to workflows through
 * `packages/shared/src/contracts`, so it imports neither; workflow code (and its activities) does
 * not import services; production code does not import test code. `test/boundaries-lint.test.ts`
 * proves each pattern fires.
 */
const serviceNames = 'disclosure|recording|legal-review|directory|identity|notifications|inspection|console';
export const boundaries = {
  otherWorkspaces: {
    regex: `^@sanxiang/(workflows|${serviceNames})(/|$)`,
    message:
      'A service does not import workflow code or another service: use packages/shared/src/contracts and the HTTP APIs.',
  },
  relativeEscape: {
    regex: `^(\\.\\./)+(services|workflows|apps|${serviceNames})/`,
    message: 'Do not reach into another workspace by a relative path.',
  },
  services: {
    regex: `^@sanxiang/(${serviceNames})(/|$)`,
    message:
      'Workflow code and activities call services over HTTP (src/http/service-client.ts), never import them.',
  },
  testCode: {
    regex: '^(@sanxiang/testing(/|$)|(\\.{1,2}/)+(.*/)?(test|test-support)(/|$))',
    message: 'Production code does not import test code; move what both need out of test/.',
  },
};
const testFiles = ['**/*.test.ts', '**/test/**', '**/test-support/**', '**/bench/**'];

/**
 * Domain files reach the database only through their service's `data-access` (issue #9): they hold
 * the database and a transaction as opaque handles (`TDatabase`, `TTransaction` from the kit) and
 * call data-access functions, so they import neither Prisma nor the generated client nor the
 * service's `data-access/prisma-client.ts` (which turns a handle back into the client). Services are
 * listed here as their Prisma calls move into data-access.
 */
export const prismaFreeDomains = [
  'directory',
  'disclosure',
  'inspection',
  'legal-review',
  'notifications',
  'recording',
];
const prismaInDomain = {
  patterns: {
    regex: '^(@prisma/|(\\.{1,2}/)+(.*/)?(generated/prisma|data-access/prisma-client)(/|$))',
    message:
      'Domain code reaches the database only through data-access: call a function of src/data-access with the TDatabase / TTransaction handle.',
  },
  paths: {
    name: '@sanxiang/shared',
    importNames: ['databaseHandles'],
    message: 'Only data-access turns a database handle into the Prisma client.',
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.local/**', '**/src/generated/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Two TypeScript programs for the whole tree — the root one (every Node workspace, as `tsc -p
    // tsconfig.json` checks it) and the console app's (DOM, bundler resolution) — instead of one per
    // workspace's tsconfig, which projectService would pick: nine programs each holding packages/shared
    // and the Prisma clients again (docs/decisions.md, "Linting with two programs").
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './apps/console/src/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
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
    files: ['services/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [deepImport, boundaries.otherWorkspaces, boundaries.relativeEscape, boundaries.testCode],
        },
      ],
    },
  },
  {
    files: prismaFreeDomains.map((service) => `services/${service}/src/domain/**/*.ts`),
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [prismaInDomain.paths],
          patterns: [
            deepImport,
            boundaries.otherWorkspaces,
            boundaries.relativeEscape,
            boundaries.testCode,
            prismaInDomain.patterns,
          ],
        },
      ],
    },
  },
  {
    files: [
      'workflows/src/**/*.ts',
      'packages/shared/src/**/*.ts',
      'packages/prisma-migrate/src/**/*.ts',
      'scripts/**/*.ts',
    ],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deepImport, boundaries.services, boundaries.testCode] },
      ],
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
            boundaries.services,
            boundaries.testCode,
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
