/**
 * The boundaries of issue #9, enforced by lint (eslint.config.mjs, `boundaries`): a service imports
 * neither workflow code nor another service; workflow code and activities do not import services;
 * production code does not import test code; the domain files of the services in `prismaFreeDomains`
 * reach the database only through data-access (no Prisma, no generated client). Each forbidden import below must be reported, and the
 * allowed ones must not. One ESLint process for all snippets (test/support/lint-snippets.mjs).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..');

interface LintMessage {
  ruleId: string | null;
  line: number;
}

async function restrictedLines(snippets: { filePath: string; code: string }[]): Promise<number[][]> {
  const run = promisify(execFile)(process.execPath, [path.join(root, 'test/support/lint-snippets.mjs')], {
    cwd: root,
  });
  run.child.stdin?.end(JSON.stringify({ rules: ['no-restricted-imports'], snippets }));
  const { stdout } = await run;
  return (JSON.parse(stdout) as LintMessage[][]).map((messages) =>
    // One line may break two patterns (e.g. a deep import of another service): count it once.
    [...new Set(messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line))],
  );
}

const lines = (...imports: string[]) => imports.join('\n');

const snippets = [
  {
    name: 'a service importing workflow code, another service or test code',
    filePath: 'services/recording/src/data-access/example.ts',
    code: lines(
      "import { startCaseLifecycle } from '@sanxiang/workflows';",
      "import { createActivities } from '@sanxiang/workflows/src/activities';",
      "import { createApp } from '@sanxiang/disclosure/src/app';",
      "import { x } from '../../../legal-review/src/app';",
      "import { y } from '../../../../workflows/src/worker/main';",
      "import { createTestDatabase } from '@sanxiang/testing';",
      "import { z } from '../../test/support';",
      'export const used = [startCaseLifecycle, createActivities, createApp, x, y, createTestDatabase, z];',
    ),
    expected: [1, 2, 3, 4, 5, 6, 7],
  },
  {
    name: 'a service importing the shared kit and contracts and its own files',
    filePath: 'services/recording/src/data-access/example.ts',
    code: lines(
      "import { runIdempotent, startCaseLifecycle } from '@sanxiang/shared';",
      "import { lifecycleSignals } from '@sanxiang/shared/src/contracts/lifecycle';",
      "import { createPrismaClient } from './prisma-client';",
      "import { caseSubject } from '../domain/case-file/subjects';",
      'export const used = [runIdempotent, startCaseLifecycle, lifecycleSignals, createPrismaClient, caseSubject];',
    ),
    expected: [],
  },
  {
    name: 'activities importing a service or test code',
    filePath: 'workflows/src/lifecycle/activities/example.ts',
    code: lines(
      "import { createApp } from '@sanxiang/recording/src/app';",
      "import { eventually } from '../../../test/support/eventually';",
      'export const used = [createApp, eventually];',
    ),
    expected: [1, 2],
  },
  {
    name: 'workflow code importing a service',
    filePath: 'workflows/src/lifecycle/workflow/example.ts',
    code: lines("import { createApp } from '@sanxiang/legal-review';", 'export const used = [createApp];'),
    expected: [1],
  },
  {
    name: 'the demo scripts importing test code',
    filePath: 'scripts/demo/example.ts',
    code: lines(
      "import { createStaffApi } from '../../test/support/staff-api';",
      "import { eventually } from './support/eventually';",
      'export const used = [createStaffApi, eventually];',
    ),
    expected: [1],
  },
  {
    name: 'a moved domain file importing Prisma, the generated client or the client behind the handles',
    filePath: 'services/directory/src/domain/units/example.ts',
    code: lines(
      "import { PrismaClient } from '@prisma/client';",
      "import type { Prisma } from '../../generated/prisma/client';",
      "import { prismaOf } from '../../data-access/prisma-client';",
      "import { databaseHandles } from '@sanxiang/shared';",
      "import { createTestDatabase } from '@sanxiang/testing';",
      'export const used = [PrismaClient, prismaOf, databaseHandles, createTestDatabase];',
      'export type TUsed = Prisma.UnitCreateInput;',
    ),
    expected: [1, 2, 3, 4, 5],
  },
  {
    name: 'a moved domain file holding the handles and calling data-access',
    filePath: 'services/directory/src/domain/units/example.ts',
    code: lines(
      "import { AppError, type TDatabase, type TTransaction } from '@sanxiang/shared';",
      "import { findUnit } from '../../data-access/directory-repository';",
      "import { inTransaction } from '../../data-access/transaction';",
      "import { changedFields } from '../changes';",
      'export const used = [AppError, findUnit, inTransaction, changedFields];',
      'export type TUsed = TDatabase | TTransaction;',
    ),
    expected: [],
  },
  {
    name: "recording's domain (moved) importing the generated client, or holding handles and calling data-access",
    filePath: 'services/recording/src/domain/evidence/example.ts',
    code: lines(
      "import type { Evidence } from '../../generated/prisma/client';",
      "import { asDatabase } from '../../data-access/prisma-client';",
      "import type { TReader } from '@sanxiang/shared';",
      "import { getEvidence } from '../../data-access/evidence-repository';",
      "import type { EvidenceUpload } from '../../data-access/rows';",
      'export const used = [asDatabase, getEvidence];',
      'export type TUsed = Evidence | EvidenceUpload | TReader;',
    ),
    expected: [1, 2],
  },
  {
    name: "inspection's domain (moved) importing the generated client, or holding handles and calling data-access",
    filePath: 'services/inspection/src/domain/draw/example.ts',
    code: lines(
      "import type { TaskDraw } from '../../generated/prisma/client';",
      "import { prismaOf } from '../../data-access/prisma-client';",
      "import type { TDatabase } from '@sanxiang/shared';",
      "import { latestDraw } from '../../data-access/draw-repository';",
      "import type { DrawnObject } from '../../data-access/rows';",
      'export const used = [prismaOf, latestDraw];',
      'export type TUsed = TaskDraw | DrawnObject | TDatabase;',
    ),
    expected: [1, 2],
  },
  {
    name: "disclosure's domain (moved) importing the generated enums, or holding handles and calling data-access",
    filePath: 'services/disclosure/src/domain/outcomes/example.ts',
    code: lines(
      "import type { DisclosureKind } from '../../generated/prisma/enums';",
      "import { asTransaction } from '../../data-access/prisma-client';",
      "import type { TTransaction } from '@sanxiang/shared';",
      "import { findOpenOutcomeRequest } from '../../data-access/outcome-repository';",
      "import type { OutcomeRequest } from '../../data-access/rows';",
      'export const used = [asTransaction, findOpenOutcomeRequest];',
      'export type TUsed = DisclosureKind | OutcomeRequest | TTransaction;',
    ),
    expected: [1, 2],
  },
  {
    name: 'data-access and tests of a moved service using Prisma',
    filePath: 'services/directory/src/data-access/example.ts',
    code: lines(
      "import { databaseHandles } from '@sanxiang/shared';",
      "import type { Prisma } from '../generated/prisma/client';",
      "import { prismaOf } from './prisma-client';",
      'export const used = [databaseHandles, prismaOf];',
      'export type TUsed = Prisma.UnitCreateInput;',
    ),
    expected: [],
  },
  {
    name: 'a service test using test support',
    filePath: 'services/recording/test/example.test.ts',
    code: lines(
      "import { createTestDatabase } from '@sanxiang/testing';",
      "import { startProbe } from './support';",
      'export const used = [createTestDatabase, startProbe];',
    ),
    expected: [],
  },
];

describe('boundary lint rules', () => {
  let reported: number[][];
  beforeAll(async () => {
    reported = await restrictedLines(snippets.map(({ filePath, code }) => ({ filePath, code })));
  });

  it.each(snippets.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
    expect(reported[i]).toEqual(snippets[i]!.expected);
  });
});
