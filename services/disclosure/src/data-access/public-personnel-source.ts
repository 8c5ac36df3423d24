import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import {
  directoryPaths,
  ZPersonPhoto,
  ZPublicPersonnelList,
  type TPublicPersonnelList,
} from '@sanxiang/shared/src/contracts';

/** The public personnel list (执法人员清单) as the directory computes it for an instant. */
export interface TPublicPersonnelSource {
  /** The list at `at`; 503 (AppError `unavailable`) while the directory cannot answer. */
  listAt(at: Date): Promise<TPublicPersonnelList>;
  /**
   * The photo of a person listed at `at` (004 §4(2)), or null: someone not on the list (a revoked
   * or expired certificate) has no public photo either, nor one whose photo changed since `sha256`.
   */
  photoAt(at: Date, personId: string, sha256: string): Promise<{ contentType: string; data: Buffer } | null>;
}

/**
 * 执法人员清单 from the directory (`GET /internal/public-personnel?at=`, machine token): who holds a
 * valid certificate is decided there, so an expired, suspended or revoked certificate leaves the
 * public list without anyone editing the catalogue. Answers are reused for at most `maxAgeMs`
 * (10 s: a revocation shows within that) and never past the list's `stableUntil` (the next midnight
 * at which a certificate expires or begins), so an expiry shows at that very midnight.
 */
export function createPublicPersonnelSource(options: {
  baseUrl: string;
  token: TTokenSource;
  maxAgeMs?: number;
}): TPublicPersonnelSource {
  const client = createServiceClient({ baseUrl: options.baseUrl, token: options.token, timeoutMs: 5_000 });
  const maxAgeMs = options.maxAgeMs ?? 10_000;
  let cached: { list: TPublicPersonnelList; from: number; until: number } | undefined;
  const photos = new Map<string, { contentType: string; data: Buffer }>();
  return {
    async listAt(at) {
      const t = at.getTime();
      if (cached && t >= cached.from && t < cached.until) return cached.list;
      let list: TPublicPersonnelList;
      try {
        list = await client.get(
          `${directoryPaths.publicPersonnel()}?at=${encodeURIComponent(at.toISOString())}`,
          {
            response: ZPublicPersonnelList,
          },
        );
      } catch (err) {
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '执法人员清单暂时无法获取（人员目录不可用），请稍后再试', {
            cause: err,
          });
        throw err;
      }
      const stable = list.stableUntil ? Date.parse(list.stableUntil) : Infinity;
      cached = { list, from: t, until: Math.min(t + maxAgeMs, stable) };
      return list;
    },
    async photoAt(at, personId, sha256) {
      const listed = (await this.listAt(at)).entries.some(
        (e) => e.personId === personId && e.photoSha256 === sha256,
      );
      if (!listed) return null;
      const cachedPhoto = photos.get(sha256);
      if (cachedPhoto) return cachedPhoto;
      let photo;
      try {
        photo = await client.get(directoryPaths.personPhoto(personId), { response: ZPersonPhoto });
      } catch (err) {
        if (err instanceof ServiceCallError && err.status === 404) return null;
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '执法人员照片暂时无法获取（人员目录不可用），请稍后再试', {
            cause: err,
          });
        throw err;
      }
      if (photo.sha256 !== sha256) return null;
      const value = { contentType: photo.contentType, data: Buffer.from(photo.dataBase64, 'base64') };
      // Content-addressed: a photo never changes under its hash. A few hundred officers at most.
      if (photos.size >= 500) photos.clear();
      photos.set(sha256, value);
      return value;
    },
  };
}
