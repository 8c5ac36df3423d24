import { z } from 'zod';
import type { TServiceClient } from '../../http/service-client';
import { disclosureInternalPaths, type TDisclosureReportKind } from '@sanxiang/shared/src/contracts';

const ZPrepared = z.object({ disclosureId: z.string(), status: z.string(), created: z.boolean() });
export type TPreparedReport = z.infer<typeof ZPrepared>;

/** The Schedules' activity: the disclosure service compiles the report as a draft for review. */
export const createPeriodicReportActivities = (deps: { disclosure: TServiceClient }) => ({
  async prepareDisclosureReport(input: {
    kind: TDisclosureReportKind;
    period: string;
    idempotencyKey: string;
  }): Promise<TPreparedReport> {
    return deps.disclosure.post(
      disclosureInternalPaths.reports(),
      { kind: input.kind, period: input.period },
      { idempotencyKey: input.idempotencyKey, response: ZPrepared },
    );
  },
});

export type TPeriodicReportActivities = ReturnType<typeof createPeriodicReportActivities>;
