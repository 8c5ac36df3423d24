import { z } from 'zod';

/** Shared field shapes of request bodies. */
export const ZId = z.string().trim().min(1).max(128);
export const ZText = (max: number) => z.string().trim().min(1).max(max);
export const ZName = ZText(64);
export const ZReviewIdParams = z.object({ reviewId: z.uuid() });
