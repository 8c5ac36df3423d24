import { z } from 'zod';
import { ZIsoDate } from '@sanxiang/shared/src/domain';
import {
  ZInspectionPeriodStatistics,
  ZLegalReviewStatistics,
  ZRecordingStatistics,
} from '@sanxiang/shared/src/contracts';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** 随机抽查结果 (000 §17): results of random inspections in a period, prepared by a Schedule. */
export const ZRandomInspectionResultsContent = z.object({
  period: ZText(20),
  items: z
    .array(
      z.object({
        documentNumber: ZText(100),
        partyName: ZText(200),
        decisionDate: ZIsoDate,
        result: ZText(1000),
        issuingAuthority: ZText(200),
      }),
    )
    .max(5000),
  note: z.string().trim().max(2000).optional(),
});
export type TRandomInspectionResultsContent = z.infer<typeof ZRandomInspectionResultsContent>;

/** 失信惩戒名单 (004 §13): published quarterly. */
export const ZCreditBlacklistContent = z.object({
  period: ZText(20),
  items: z
    .array(
      z.object({
        partyName: ZText(200),
        documentNumber: ZText(100),
        basis: ZText(2000),
        listedAt: ZIsoDate,
        issuingAuthority: ZText(200),
      }),
    )
    .max(5000),
  note: z.string().trim().max(2000).optional(),
});
export type TCreditBlacklistContent = z.infer<typeof ZCreditBlacklistContent>;

const ZCount = z.number().int().min(0);

/** 统计年报 (001; 002 §4(5)): last year's figures, prepared in January. */
export const ZAnnualStatisticsContent = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Decisions made in the year by kind. */
  byDecisionKind: z.record(z.string(), ZCount),
  published: ZCount,
  publishedOnTime: ZCount,
  publishedLate: ZCount,
  exempt: ZCount,
  exemptByReason: z.record(z.string(), ZCount),
  withdrawn: ZCount,
  withdrawnByReason: z.record(z.string(), ZCount),
  expired: ZCount,
  corrections: ZCount,
  correctionRequests: ZCount,
  /**
   * What the other services counted for the year (each its own rows, issue #15): cases, evidence,
   * legal review, 双随机. Absent in reports prepared before they were composed.
   */
  services: z
    .object({
      recording: ZRecordingStatistics,
      legalReview: ZLegalReviewStatistics,
      inspection: ZInspectionPeriodStatistics,
    })
    .optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TAnnualStatisticsContent = z.infer<typeof ZAnnualStatisticsContent>;
