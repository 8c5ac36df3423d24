import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import {
  directoryPaths,
  ZDirectoryPerson,
  ZDirectoryUnit,
  type TDirectoryPerson,
} from '@sanxiang/shared/src/contracts';
import { z } from 'zod';

const ZUnits = z.array(ZDirectoryUnit);
/** How long the office's unit ids are kept before the directory is asked again. */
const OFFICE_UNITS_CACHE_MS = 60_000;

/** The staff directory (docs/directory.md), as legal-review asks it: who is a person, in which unit. */
export interface TDirectoryClient {
  /** `undefined` when the directory has no such person. */
  person(personId: string): Promise<TDirectoryPerson | undefined>;
  /** The ids of the legal-review office's units (法制审核机构, kind `legalReview`); kept a minute. */
  officeUnitIds(): Promise<readonly string[]>;
}

export function createDirectoryClient(options: { baseUrl: string; token: TTokenSource }): TDirectoryClient {
  const client = createServiceClient(options);
  let officeUnits: { ids: readonly string[]; at: number } | undefined;
  return {
    async officeUnitIds() {
      if (officeUnits && Date.now() - officeUnits.at < OFFICE_UNITS_CACHE_MS) return officeUnits.ids;
      try {
        const units = await client.get(directoryPaths.unitsOfKind('legalReview'), { response: ZUnits });
        officeUnits = { ids: units.map((u) => u.id), at: Date.now() };
        return officeUnits.ids;
      } catch (err) {
        // Fail closed: without the directory no head is taken for the office's head.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '人员目录暂不可用，无法确定负责人所在机构，请稍后重试', {
            cause: err,
          });
        throw err;
      }
    },
    async person(personId) {
      try {
        return await client.get(directoryPaths.person(personId), { response: ZDirectoryPerson });
      } catch (err) {
        if (err instanceof ServiceCallError && err.status === 404) return undefined;
        // Fail closed: separation of duties cannot be checked without the directory.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '人员目录暂不可用，无法核对审核人员所在机构，请稍后重试', {
            cause: err,
          });
        throw err;
      }
    },
  };
}
