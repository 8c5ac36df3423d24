import { z } from 'zod';
import { workingDaysOf } from '@sanxiang/shared/src/clocks';

/** Handling period of a public correction request: "及时处理" (003 §(七), 004 §17), from the clock table. */
export const CORRECTION_HANDLING_WORKING_DAYS = workingDaysOf('correctionRequest');

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{7,20}$/u, '联系电话格式不正确');

/** 更正申请: who asks, how to reach them, what is wrong, and the evidence. */
export const ZCorrectionRequestInput = z
  .strictObject({
    decisionId: z.uuid({ error: '请从公示信息页面发起更正申请' }),
    requesterName: z
      .string({ error: '请填写申请人姓名或名称' })
      .trim()
      .min(1, '请填写申请人姓名或名称')
      .max(100, '申请人名称不能超过 100 个字'),
    requesterKind: z.enum(['citizen', 'organisation'], { error: '请选择申请人类型' }),
    contactPhone: z.preprocess((v) => (v === '' ? undefined : v), phone.optional()),
    contactEmail: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.email({ error: '电子邮箱格式不正确' }).max(200).optional(),
    ),
    description: z
      .string({ error: '请说明哪些信息不准确' })
      .trim()
      .min(10, '请说明哪些信息不准确（至少 10 个字）')
      .max(2000, '说明不能超过 2000 个字'),
    evidence: z
      .string({ error: '请提供证据' })
      .trim()
      .min(10, '请列明能证明信息不准确的证据（至少 10 个字）')
      .max(4000, '证据说明不能超过 4000 个字'),
  })
  .refine((v) => v.contactPhone !== undefined || v.contactEmail !== undefined, {
    path: ['contactPhone'],
    message: '请至少填写一种联系方式（电话或电子邮箱）',
  });
export type TCorrectionRequestInput = z.infer<typeof ZCorrectionRequestInput>;

export const requesterKindLabel = { citizen: '公民', organisation: '法人或其他组织' } as const;

export const correctionOutcomeLabel = {
  corrected: '已更正',
  partlyCorrected: '部分更正',
  rejected: '不予更正',
} as const;

/** Tracking numbers: 12 characters from an alphabet without look-alikes (0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ZTrackingNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^GZ-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/u, '受理编号格式不正确');

export function newTrackingNumber(randomBytes: (n: number) => Uint8Array): string {
  const chars = Array.from(randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `GZ-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** A correction request as staff see it (`GET /correction-requests`, its detail and the answer). */
export const ZCorrectionRequestView = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  disclosureId: z.uuid(),
  documentNumber: z.string().nullable().describe('所涉公示信息的决定书文号'),
  disclosureTitle: z.string(),
  caseNumber: z.string().nullable(),
  requesterName: z.string(),
  requesterKind: z.enum(['citizen', 'organisation']),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  description: z.string(),
  evidence: z.string(),
  status: z.enum(['open', 'answered']),
  receivedAt: z.string(),
  dueDate: z.string().describe('办理期限（北京时间的日期）'),
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  outcome: z.enum(['corrected', 'partlyCorrected', 'rejected']).nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  correctionVersion: z.number().int().nullable().describe('据此更正并重新发布的版本'),
});
export type TCorrectionRequestView = z.infer<typeof ZCorrectionRequestView>;

export const ZCorrectionRequestList = z.object({
  items: z.array(ZCorrectionRequestView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
