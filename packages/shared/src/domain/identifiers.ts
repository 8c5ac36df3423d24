import { z } from 'zod';

/**
 * A case number (案号) as the agency writes it, e.g. `常人社监察〔2026〕12号`. Free-form but bounded:
 * agencies differ; what matters is that it is unique per agency and safe in a workflow id.
 */
export const ZCaseNumber = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[^\s/\\]+$/u, '不能含有空格或斜杠');
export type TCaseNumber = z.infer<typeof ZCaseNumber>;

/** Officer certificate number (执法证号). */
export const ZCertificateNumber = z.string().trim().min(4).max(32);

/** An officer on a case: name and certificate (at least two certified officers per case). */
export const ZCaseOfficer = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(64),
  certificateNumber: ZCertificateNumber,
});
export type TCaseOfficer = z.infer<typeof ZCaseOfficer>;

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const ZIsoDate = z.iso.date();

/** The Temporal workflow id of a case's lifecycle: one per case number. */
export const lifecycleWorkflowId = (caseNumber: string): string => `case-lifecycle:${caseNumber}`;
