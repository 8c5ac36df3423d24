import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { AppError, startCaseLifecycle } from '@sanxiang/shared';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { lifecycleFailureTypes, type TCaseLifecycleInput } from '@sanxiang/shared/src/contracts';

/**
 * The case-lifecycle workflow as the recording service talks to it (docs/service-contracts.md):
 * start once per case, signals for facts (fire and forget, via the outbox), updates for officer
 * actions whose acceptance the officer must see (validated by the workflow, answered synchronously).
 */
export interface TLifecycleGateway {
  start(input: TCaseLifecycleInput): Promise<void>;
  signal(caseNumber: string, name: string, payload: unknown): Promise<void>;
  /** `updateId` makes a repeated request (same Idempotency-Key) get the first answer from Temporal. */
  update<S extends z.ZodType>(
    caseNumber: string,
    name: string,
    payload: unknown,
    updateId: string,
    result: S,
  ): Promise<z.infer<S>>;
}

export interface TLifecycleGatewayOptions {
  client: Client;
  taskQueue: string;
  /** Bound on each call, so that a Temporal outage answers 503 quickly instead of hanging. */
  timeoutMs?: number;
}

export function createLifecycleGateway({
  client,
  taskQueue,
  timeoutMs = 10_000,
}: TLifecycleGatewayOptions): TLifecycleGateway {
  const bounded = <T>(fn: () => Promise<T>) => client.connection.withDeadline(Date.now() + timeoutMs, fn);
  return {
    async start(input) {
      await bounded(() => startCaseLifecycle(client, input, { taskQueue }));
    },
    async signal(caseNumber, name, payload) {
      await bounded(() => client.workflow.getHandle(lifecycleWorkflowId(caseNumber)).signal(name, payload));
    },
    async update(caseNumber, name, payload, updateId, result) {
      let raw: unknown;
      try {
        raw = await bounded(() =>
          client.workflow
            .getHandle(lifecycleWorkflowId(caseNumber))
            .executeUpdate(name, { args: [payload], updateId }),
        );
      } catch (err) {
        throw updateError(err);
      }
      return result.parse(raw);
    },
  };
}

/** Maps the workflow's refusal (ApplicationFailure type + problems) or an outage to the error model. */
function updateError(err: unknown): AppError {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    const problems = (failure.details?.[0] as { code: string; message: string }[] | undefined) ?? [];
    const extra = { workflowError: failure.type ?? 'unknown', problems };
    if (failure.type === lifecycleFailureTypes.wrongStage)
      return new AppError('conflict', `案件当前阶段不允许此操作：${failure.message}`, { extra });
    return new AppError('unprocessable', `流程未接受：${failure.message}`, { extra });
  }
  if (err instanceof WorkflowNotFoundError) {
    return new AppError('conflict', '案件流程未在运行（尚未启动或已结束），请稍后重试或联系管理员', {
      cause: err,
    });
  }
  return new AppError('unavailable', '流程引擎（Temporal）暂不可用，操作未执行，请稍后重试', { cause: err });
}
