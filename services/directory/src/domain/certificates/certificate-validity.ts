import { formatDate } from '@sanxiang/shared';
import { certificateRefusalLabels, type TCertificateRefusal } from '@sanxiang/shared/src/contracts';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';

export interface TCertificateFacts {
  number: string;
  categories: string[];
  areas: string[];
  validFrom: Date;
  validTo: Date;
  status: 'valid' | 'suspended' | 'revoked';
}

/**
 * A certificate's area covers the activity's area when it is the same division or a larger one
 * that contains it by name: 常州市 covers 常州市武进区 (areas are written from the largest division
 * down, as the certificate prints them).
 */
export const areaCovers = (certificateArea: string, activityArea: string): boolean =>
  activityArea === certificateArea || activityArea.startsWith(certificateArea);

/** Why this certificate does not allow the activity, or null when it does. Order: status, dates, scope. */
export function refusalOf(
  certificate: TCertificateFacts,
  activity: { date: string; category: string; area: string },
): TCertificateRefusal | null {
  if (certificate.status === 'revoked') return 'revoked';
  if (certificate.status === 'suspended') return 'suspended';
  if (activity.date < fromDateColumn(certificate.validFrom)) return 'notYetValid';
  if (activity.date > fromDateColumn(certificate.validTo)) return 'expired';
  if (!certificate.categories.includes(activity.category)) return 'categoryMismatch';
  if (!certificate.areas.some((a) => areaCovers(a, activity.area))) return 'areaMismatch';
  return null;
}

/** The Chinese sentence for a refusal, naming what was wrong. */
export function refusalDetail(
  reason: TCertificateRefusal,
  certificate: TCertificateFacts | undefined,
  activity: { date: string; category: string; area: string },
): string {
  const label = certificateRefusalLabels[reason];
  if (!certificate) return label;
  switch (reason) {
    case 'expired':
      return `${label}（有效期至 ${formatDate(fromDateColumn(certificate.validTo))}）`;
    case 'notYetValid':
      return `${label}（自 ${formatDate(fromDateColumn(certificate.validFrom))} 起有效）`;
    case 'categoryMismatch':
      return `${label}（持证类别：${certificate.categories.join('、')}；本次：${activity.category}）`;
    case 'areaMismatch':
      return `${label}（持证区域：${certificate.areas.join('、')}；本次：${activity.area}）`;
    default:
      return label;
  }
}
