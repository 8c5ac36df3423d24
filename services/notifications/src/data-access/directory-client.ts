import { createDirectoryUnits, type TTokenSource } from '@sanxiang/shared';

/**
 * The staff directory (docs/directory.md), as the board asks it: which units are the agency's
 * leadership (局领导), whose heads see every unit's clocks. Kept for a minute; fails closed (503)
 * when the directory cannot be reached and nothing is cached.
 */
export function createLeadershipUnits(options: {
  baseUrl: string;
  token: TTokenSource;
  now?: () => number;
}): () => Promise<readonly string[]> {
  const units = createDirectoryUnits({
    ...options,
    unavailable: '人员目录暂不可用，无法确定督办看板的查看范围，请稍后重试',
  });
  return () => units.unitIdsOfKind('leadership');
}
