import { createHash } from 'node:crypto';
import { AppError, fieldError } from '@sanxiang/shared';
import { z } from 'zod';
import { personSubject, writeAudit } from '../../data-access/audit-log';
import { findPerson, findPersonPhoto, savePersonPhoto } from '../../data-access/directory-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor, TDomainDeps } from '../deps';

/** A photo for the public personnel list is small: a passport-style picture. */
export const PHOTO_MAX_BYTES = 300 * 1024;

export const ZPersonPhotoBody = z.object({
  contentType: z.enum(['image/jpeg', 'image/png']),
  /** The image file, base64-encoded. */
  dataBase64: z
    .string()
    .max(Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 4, '照片不能超过 300 KB')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/u, '应为 base64 编码的图片'),
});
export type TPersonPhotoBody = z.infer<typeof ZPersonPhotoBody>;

/** The first bytes each accepted format starts with. */
const signatures: Record<TPersonPhotoBody['contentType'], number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/**
 * 执法人员照片 (004 §4(2): 公开执法人员的姓名、照片及执法证件): the directory holds the photo, the public
 * personnel list generated from it shows the photo of everyone listed. The file must be what it says
 * (a JPEG or PNG by its first bytes) and at most 300 KB; each change is audited with its hash.
 */
export async function setPersonPhoto(
  deps: TDomainDeps,
  actor: TActor,
  personId: string,
  body: TPersonPhotoBody,
) {
  const data = Buffer.from(body.dataBase64, 'base64');
  if (data.byteLength === 0 || data.byteLength > PHOTO_MAX_BYTES)
    throw new AppError('validation', '照片：应为 1 字节至 300 KB 的图片', {
      fields: [fieldError('body.dataBase64', '为空或超过 300 KB')],
    });
  if (!signatures[body.contentType].every((b, i) => data[i] === b))
    throw new AppError(
      'unprocessable',
      `照片：文件内容不是${body.contentType === 'image/png' ? ' PNG' : ' JPEG'} 图片`,
      {
        fields: [fieldError('body.dataBase64', '不是所声明类型的图片')],
      },
    );
  const sha256 = createHash('sha256').update(data).digest('hex');
  await inTransaction(deps.db, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw new AppError('notFound', `人员 ${personId} 不存在`);
    const before = await findPersonPhoto(tx, personId);
    if (before?.sha256 === sha256) return;
    await savePersonPhoto(tx, {
      personId,
      contentType: body.contentType,
      data,
      sha256,
      uploadedBy: actor.id,
    });
    await writeAudit(tx, actor, 'person.photoSet', personSubject(personId), {
      sha256,
      contentType: body.contentType,
      byteLength: data.byteLength,
      replaced: before?.sha256 ?? null,
    });
  });
  return { personId, contentType: body.contentType, sha256, byteLength: data.byteLength };
}

/** The photo for other services (the disclosure platform's public list), base64 in JSON. */
export async function getPersonPhoto(deps: TDomainDeps, personId: string) {
  const photo = await findPersonPhoto(deps.db, personId);
  if (!photo) throw new AppError('notFound', `人员 ${personId} 没有照片`);
  return {
    personId,
    contentType: photo.contentType,
    sha256: photo.sha256,
    dataBase64: Buffer.from(photo.data).toString('base64'),
  };
}
