import { AppError, createServiceClient, ServiceCallError, type TTokenSource } from '@sanxiang/shared';
import {
  statisticsInternalPath,
  ZInspectionPeriodStatistics,
  ZLegalReviewStatistics,
  ZRecordingStatistics,
  type TInspectionPeriodStatistics,
  type TLegalReviewStatistics,
  type TRecordingStatistics,
} from '@sanxiang/shared/src/contracts';

/**
 * The other services' figures of a period (统计年报, monthly figures): each service counts its own
 * rows (`GET /internal/statistics?period=`, machine token); the disclosure service composes them.
 */
export interface TStatisticsSources {
  recording(period: string): Promise<TRecordingStatistics>;
  legalReview(period: string): Promise<TLegalReviewStatistics>;
  inspection(period: string): Promise<TInspectionPeriodStatistics>;
}

const names = { recording: '执法记录系统', legalReview: '法制审核系统', inspection: '双随机抽查系统' };

export function createStatisticsSources(options: {
  urls: { recording: string; legalReview: string; inspection: string };
  token: TTokenSource;
}): TStatisticsSources {
  const client = (baseUrl: string) =>
    createServiceClient({ baseUrl, token: options.token, timeoutMs: 15_000 });
  const clients = {
    recording: client(options.urls.recording),
    legalReview: client(options.urls.legalReview),
    inspection: client(options.urls.inspection),
  };
  const ask = async <T>(source: keyof typeof clients, period: string, read: () => Promise<T>) => {
    try {
      return await read();
    } catch (err) {
      if (err instanceof ServiceCallError)
        throw new AppError('unavailable', `${names[source]}暂不可用，无法汇总 ${period} 的统计，请稍后重试`, {
          cause: err,
        });
      throw err;
    }
  };
  const path = (period: string) => `${statisticsInternalPath}?period=${encodeURIComponent(period)}`;
  return {
    recording: (period) =>
      ask('recording', period, () => clients.recording.get(path(period), { response: ZRecordingStatistics })),
    legalReview: (period) =>
      ask('legalReview', period, () =>
        clients.legalReview.get(path(period), { response: ZLegalReviewStatistics }),
      ),
    inspection: (period) =>
      ask('inspection', period, () =>
        clients.inspection.get(path(period), { response: ZInspectionPeriodStatistics }),
      ),
  };
}
