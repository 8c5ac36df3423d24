import { AppError, ZIsoDate, fieldError } from '@sanxiang/shared';
import { z } from 'zod';
import { certificateSubject, writeAudit } from '../../data-access/audit-log';
import {
  createCertificate,
  findCertificate,
  findPersonRow,
  updateCertificate,
} from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import { changedFields } from '../changes';
import { fromDateColumn, toDateColumn } from '@sanxiang/shared/src/calendar';
import type { TActor, TDomainDeps } from '../deps';
import { ZDirectoryId } from '../ids';
import { certificateView } from '../views';

const ZNames = z
  .array(z.string().trim().min(1).max(64))
  .min(1)
  .max(20)
  .refine((v) => new Set(v).size === v.length, '不得重复');

export const ZSaveCertificateBody = z
  .object({
    personId: ZDirectoryId,
    /** 执法类别, e.g. 劳动保障监察. */
    categories: ZNames,
    /** 执法区域, e.g. 常州市 (covers 常州市武进区). */
    areas: ZNames,
    validFrom: ZIsoDate,
    validTo: ZIsoDate,
  })
  .refine((v) => v.validFrom <= v.validTo, { path: ['validTo'], message: '有效期截止日不得早于起始日' });

export const ZCertificateNumberParam = z.object({
  certificateNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,32}$/u, '执法证号为 4–32 位字母、数字或连字符'),
});

/**
 * Register or correct a certificate (执法证) under its number. Its status changes only through
 * changeCertificateStatus; a certificate never moves to another person.
 */
export async function saveCertificate(
  deps: TDomainDeps,
  actor: TActor,
  number: string,
  body: z.infer<typeof ZSaveCertificateBody>,
) {
  const created = await inTransaction(deps.db, async (tx) => {
    const person = await findPersonRow(tx, body.personId);
    if (!person)
      throw new AppError('unprocessable', `人员 ${body.personId} 不存在`, {
        fields: [fieldError('body.personId', '没有此人员')],
      });
    const before = await findCertificate(tx, number);
    if (before && before.personId !== body.personId)
      throw new AppError('conflict', `执法证 ${number} 属于 ${before.person.name}，不能转给他人`, {
        fields: [fieldError('body.personId', '该执法证属于他人')],
      });
    const comparable = before && {
      ...before,
      validFrom: fromDateColumn(before.validFrom),
      validTo: fromDateColumn(before.validTo),
    };
    const changes = changedFields(comparable, body);
    const data = { ...body, validFrom: toDateColumn(body.validFrom), validTo: toDateColumn(body.validTo) };
    if (!before) await createCertificate(tx, { number, ...data });
    else if (Object.keys(changes).length > 0) await updateCertificate(tx, number, data);
    if (Object.keys(changes).length > 0)
      await writeAudit(
        tx,
        actor,
        before ? 'certificate.updated' : 'certificate.issued',
        certificateSubject(number),
        changes,
      );
    return !before;
  });
  return { created, certificate: certificateView((await findCertificate(deps.db, number))!) };
}
