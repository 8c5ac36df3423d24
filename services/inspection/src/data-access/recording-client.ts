import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import { internalOpenCasePath, type TInternalOpenCase } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';

/** The recording service as the inspection service asks it: open a case for a 立案查处 result. */
export interface TRecordingClient {
  openCase(body: TInternalOpenCase, idempotencyKey: string): Promise<{ caseNumber: string }>;
}

const ZOpened = z.object({ caseNumber: z.string() }).loose();

/** The problem+json `detail` in a refusal's message (`POST … → 409: {…}`), if any. */
const detailOf = (message: string): string => {
  const json = message.slice(message.indexOf('{'));
  try {
    const detail = (JSON.parse(json) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail : '';
  } catch {
    return '';
  }
};

export function createRecordingClient(options: { baseUrl: string; token: TTokenSource }): TRecordingClient {
  const client = createServiceClient(options);
  return {
    async openCase(body, idempotencyKey) {
      try {
        const opened = await client.post(internalOpenCasePath, body, { idempotencyKey, response: ZOpened });
        return { caseNumber: opened.caseNumber };
      } catch (err) {
        if (
          err instanceof ServiceCallError &&
          err.kind === 'http' &&
          err.status !== undefined &&
          err.status < 500
        )
          throw new AppError(
            'conflict',
            `记录系统拒绝立案：${detailOf(err.message) || `HTTP ${err.status}`}`,
            {
              cause: err,
            },
          );
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '记录系统暂不可用，未能立案，请稍后重试', { cause: err });
        throw err;
      }
    },
  };
}
