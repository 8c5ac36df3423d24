import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import { directoryPaths, ZDirectoryPerson, type TDirectoryPerson } from '@sanxiang/shared/src/contracts';

/** The staff directory (docs/directory.md), as legal-review asks it: who is a person, in which unit. */
export interface TDirectoryClient {
  /** `undefined` when the directory has no such person. */
  person(personId: string): Promise<TDirectoryPerson | undefined>;
}

export function createDirectoryClient(options: { baseUrl: string; token: TTokenSource }): TDirectoryClient {
  const client = createServiceClient(options);
  return {
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
