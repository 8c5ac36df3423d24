import { AppError } from '@sanxiang/shared';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import type { TDirectoryClient } from '../../data-access/directory-client';

/**
 * 001 二(一)3(2), 002 3, 审核办法 §10(2): an enforcement activity (and the opening of a case) needs
 * at least two distinct officers whose certificates are valid on that day (Beijing time) and cover
 * the category and the area. Otherwise 422, naming each officer and the reason.
 */
export async function requireCertifiedOfficers(
  directory: TDirectoryClient,
  activity: { at: Date | string; category: string; area: string; officerIds: string[]; what: string },
): Promise<void> {
  const result = await directory.checkCertificates({
    date: dateInShanghai(activity.at),
    category: activity.category,
    area: activity.area,
    officerIds: activity.officerIds,
  });
  if (result.sufficient) return;
  throw new AppError(
    'unprocessable',
    `不能${activity.what}：${result.message ?? '执法人员执法证核验未通过'}`,
    {
      fields: result.officers.flatMap((o, i) =>
        o.valid ? [] : [{ path: `body.officers.${i}`, message: o.reason }],
      ),
      extra: { reason: 'certificates', officers: result.officers },
    },
  );
}
