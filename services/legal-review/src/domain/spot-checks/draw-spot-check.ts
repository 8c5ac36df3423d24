import { randomBytes } from 'node:crypto';
import { AppError, type TIdempotentRequest } from '@sanxiang/shared';
import { ZIsoDate } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { spotCheckSubject, writeAudit } from '../../data-access/audit-repository';
import { createSpotCheck, drawSample } from '../../data-access/spot-check-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { toDateColumn } from '@sanxiang/shared/src/calendar';
import { toSpotCheck, ZSpotCheck, type TSpotCheckView } from './spot-check-views';

export const ZDrawSpotCheckBody = z
  .object({
    decidedFrom: ZIsoDate,
    decidedTo: ZIsoDate,
    handlingUnit: z.string().trim().min(1).max(100).optional(),
    sampleSize: z.number().int().min(1).max(500),
    /** Omit to have one generated; either way it is recorded with the draw. */
    seed: z.string().trim().min(8).max(128).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.decidedFrom <= b.decidedTo, {
    path: ['decidedTo'],
    message: '不得早于决定日期的起始日',
  });
export type TDrawSpotCheckBody = z.infer<typeof ZDrawSpotCheckBody>;
export { ZSpotCheck };

/**
 * 抽查 (审核办法 §16): draw a random sample of the decisions filed in a date range. The draw is
 * seeded and deterministic (see spot-check-repository.ts), and recorded with its seed, population
 * size and population digest, so it can be verified later and cannot be quietly redrawn.
 */
export async function drawSpotCheck(
  deps: TDomainDeps,
  actor: TActor,
  body: TDrawSpotCheckBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TSpotCheckView> {
  const seed = body.seed ?? randomBytes(16).toString('hex');
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const filter = {
        decidedFrom: toDateColumn(body.decidedFrom),
        decidedTo: toDateColumn(body.decidedTo),
        handlingUnit: body.handlingUnit,
      };
      const draw = await drawSample(tx, filter, seed, body.sampleSize);
      if (draw.populationSize === 0) {
        throw new AppError('conflict', '所选范围内没有备案的执法决定，无法抽查');
      }
      const now = deps.now();
      const check = await createSpotCheck(tx, {
        seed,
        decidedFrom: filter.decidedFrom,
        decidedTo: filter.decidedTo,
        handlingUnit: body.handlingUnit ?? null,
        populationSize: draw.populationSize,
        populationSha256: draw.populationSha256,
        sampleSize: draw.sampleIds.length,
        note: body.note ?? null,
        drawnBy: actor.id,
        drawnByName: actor.name,
        drawnAt: now,
        items: { create: draw.sampleIds.map((filingId, i) => ({ filingId, position: i + 1 })) },
      });
      await writeAudit(
        tx,
        actor,
        'spotCheck.drawn',
        spotCheckSubject(check.id),
        {
          seed,
          criteria: {
            decidedFrom: body.decidedFrom,
            decidedTo: body.decidedTo,
            handlingUnit: body.handlingUnit ?? null,
          },
          populationSize: draw.populationSize,
          populationSha256: draw.populationSha256,
          sample: draw.sampleIds,
        },
        now,
      );
      return toSpotCheck(check);
    },
    // The generated seed is not part of the request: a replay returns the first draw.
    idempotency,
  );
  return value;
}
