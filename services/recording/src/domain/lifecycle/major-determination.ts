import { AppError, forbidden } from '@sanxiang/shared';
import {
  ZDesignateMajor,
  ZDowngradeMajor,
  ZMajorUpdateResult,
  lifecycleUpdates,
} from '@sanxiang/shared/src/contracts';
import type { z } from 'zod';
import { countRecordsOfKind } from '../../data-access/record-repository';
import type { TCallContext } from '../call-context';
import { isUnitHead, loadCaseFile, requireOpen } from '../access/case-access';
import type { TRecordingDeps } from '../recording-deps';
import { callLifecycle } from './submit-proposal';

/**
 * 认定为重大执法决定 (审核办法 §4–§5): the legal-review office (`reviewer`) or a head designates a
 * pending case major; the lifecycle then admits no decision without legal review. 改为一般案件:
 * only a head, with the reason; never while a hearing on record makes the case major.
 */
export const ZDesignateMajorRequest = ZDesignateMajor.omit({ designatedBy: true, role: true, at: true });
export type TDesignateMajorRequest = z.infer<typeof ZDesignateMajorRequest>;
export const ZDowngradeMajorRequest = ZDowngradeMajor.omit({ approvedBy: true, at: true });
export type TDowngradeMajorRequest = z.infer<typeof ZDowngradeMajorRequest>;

export async function designateMajor(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TDesignateMajorRequest,
) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  const role = isUnitHead(ctx.principal, file)
    ? 'head'
    : ctx.principal.roles.includes('reviewer')
      ? 'reviewer'
      : null;
  if (!role) throw forbidden('只有法制审核机构或本案承办机构的负责人可以认定重大执法决定');
  requireOpen(file);
  const payload = { ...input, designatedBy: ctx.principal.id, role, at: new Date().toISOString() };
  return callLifecycle(deps, ctx, file, input, 'major.designated', (updateId) =>
    deps.gateway.update(caseNumber, lifecycleUpdates.designateMajor, payload, updateId, ZMajorUpdateResult),
  );
}

export async function downgradeMajor(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TDowngradeMajorRequest,
) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  if (!isUnitHead(ctx.principal, file))
    throw forbidden('重大执法决定改为一般案件须经本案承办机构的负责人批准（审核办法第四条）');
  requireOpen(file);
  const hearings = await countRecordsOfKind(deps.db, file.id, 'hearing');
  if (hearings > 0)
    throw new AppError(
      'unprocessable',
      '本案已举行听证，属于经听证程序作出的决定，不能改为一般案件（审核办法第四条第（四）项）',
      { extra: { rule: 'majorAfterHearing' } },
    );
  const payload = { ...input, approvedBy: ctx.principal.id, at: new Date().toISOString() };
  return callLifecycle(deps, ctx, file, input, 'major.downgraded', (updateId) =>
    deps.gateway.update(caseNumber, lifecycleUpdates.downgradeMajor, payload, updateId, ZMajorUpdateResult),
  );
}
