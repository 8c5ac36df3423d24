import type { TImportResult } from '../calendar/calendar-store';
import type { TCliContext } from './dispatcher';

/**
 * Something to do once a calendar year has been stored, e.g. signal running workflows whose
 * deadlines were provisional for that year so they recompute. Registered in commands/index.ts.
 */
export interface TPostImportStep {
  /** Short English name, for logs and error messages. */
  readonly name: string;
  run(imported: TImportResult, ctx: TCliContext): Promise<void>;
}

/** A post-import step failed after the year itself was stored. */
export class PostImportStepError extends Error {
  override readonly name = 'PostImportStepError';
  constructor(readonly failures: readonly { step: string; error: unknown }[]) {
    super(
      [
        '节假日数据已保存，但以下后续步骤失败（可修复后重新导入同一文件以重试）：',
        ...failures.map(
          ({ step, error }) =>
            `  - ${step}: ${typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)}`,
        ),
      ].join('\n'),
    );
  }
}

/**
 * The hook run after every successful `calendar import`. Every step runs, in order, even when an
 * earlier one failed (they are independent); failures are reported together.
 */
export const afterYearImported = async (
  imported: TImportResult,
  steps: readonly TPostImportStep[],
  ctx: TCliContext,
): Promise<void> => {
  const failures: { step: string; error: unknown }[] = [];
  for (const step of steps) {
    try {
      await step.run(imported, ctx);
    } catch (error) {
      failures.push({ step: step.name, error });
    }
  }
  if (failures.length > 0) throw new PostImportStepError(failures);
};
