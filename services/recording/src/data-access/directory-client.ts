import {
  createDirectoryUnits,
  createServiceClient,
  ServiceCallError,
  AppError,
  type TTokenSource,
} from '@sanxiang/shared';
import {
  directoryPaths,
  ZDirectoryPerson,
  type TDirectoryPerson,
  ZCertificateCheckResponse,
  type TCertificateCheckRequest,
  type TCertificateCheckResponse,
} from '@sanxiang/shared/src/contracts';

/** The directory service, as recording asks it (docs/directory.md). */
export interface TDirectoryClient {
  checkCertificates(request: TCertificateCheckRequest): Promise<TCertificateCheckResponse>;
  /** `undefined` when the directory has no such person. */
  person(personId: string): Promise<TDirectoryPerson | undefined>;
  /**
   * The agency's leadership units (机关领导, kind `leadership`), whose heads (分管负责人) read the
   * cases of every unit; kept a minute.
   */
  leadershipUnitIds?(): Promise<readonly string[]>;
}

export function createDirectoryClient(options: { baseUrl: string; token: TTokenSource }): TDirectoryClient {
  const client = createServiceClient(options);
  // app.ts (withAgencyHeads) reads a head as the head of their own unit while this fails.
  const units = createDirectoryUnits({
    client,
    unavailable: '人员目录暂不可用，无法确定机关领导机构，请稍后重试',
  });
  return {
    leadershipUnitIds: () => units.unitIdsOfKind('leadership'),
    async checkCertificates(request) {
      try {
        // A read: the key only satisfies the client; the directory stores nothing for it.
        return await client.post(directoryPaths.certificateChecks(), request, {
          idempotencyKey: `certificate-check:${request.date}:${request.officerIds.join(',')}`,
          response: ZCertificateCheckResponse,
        });
      } catch (err) {
        // Fail closed: no case is opened and no activity recorded with unverified certificates.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '执法证核验服务（人员目录）暂不可用，请稍后重试', { cause: err });
        throw err;
      }
    },
    async person(personId) {
      try {
        return await client.get(directoryPaths.person(personId), { response: ZDirectoryPerson });
      } catch (err) {
        if (err instanceof ServiceCallError && err.status === 404) return undefined;
        // Fail closed: a case is not opened without knowing which unit handles it.
        if (err instanceof ServiceCallError)
          throw new AppError('unavailable', '人员目录暂不可用，无法确定承办机构，请稍后重试', { cause: err });
        throw err;
      }
    },
  };
}
