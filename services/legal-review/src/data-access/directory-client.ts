import {
  AppError,
  createDirectoryUnits,
  createServiceClient,
  ServiceCallError,
  type TTokenSource,
} from '@sanxiang/shared';
import { directoryPaths, ZDirectoryPerson, type TDirectoryPerson } from '@sanxiang/shared/src/contracts';

/** The staff directory (docs/directory.md), as legal-review asks it: who is a person, in which unit. */
export interface TDirectoryClient {
  /** `undefined` when the directory has no such person. */
  person(personId: string): Promise<TDirectoryPerson | undefined>;
  /** The ids of the legal-review office's units (法制审核机构, kind `legalReview`); kept a minute. */
  officeUnitIds(): Promise<readonly string[]>;
}

export function createDirectoryClient(options: { baseUrl: string; token: TTokenSource }): TDirectoryClient {
  const client = createServiceClient(options);
  // Fail closed: without the directory no head is taken for the office's head.
  const units = createDirectoryUnits({
    client,
    unavailable: '人员目录暂不可用，无法确定负责人所在机构，请稍后重试',
  });
  return {
    officeUnitIds: () => units.unitIdsOfKind('legalReview'),
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
