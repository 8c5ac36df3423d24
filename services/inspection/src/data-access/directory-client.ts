import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import { directoryPaths, ZInspectorPool, type TInspectorPool } from '@sanxiang/shared/src/contracts';

/** The staff directory (docs/directory.md) as the inspection service asks it: the inspector pool. */
export interface TDirectoryClient {
  inspectors(query: { from: string; to: string; category: string; area: string }): Promise<TInspectorPool>;
}

export function createDirectoryClient(options: { baseUrl: string; token: TTokenSource }): TDirectoryClient {
  const client = createServiceClient(options);
  return {
    async inspectors(query) {
      try {
        return await client.get(directoryPaths.inspectors(query), { response: ZInspectorPool });
      } catch (err) {
        // Fail closed: nobody is drawn whose certificate could not be checked.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '人员目录暂不可用，无法取得持证检查人员名录，请稍后重试', {
            cause: err,
          });
        throw err;
      }
    },
  };
}
