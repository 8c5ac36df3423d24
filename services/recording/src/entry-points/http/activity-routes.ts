import { z } from 'zod';
import type { Api } from '@sanxiang/shared';
import {
  ZEndActivity,
  ZStartActivity,
  endEnforcementActivity,
  startEnforcementActivity,
} from '../../domain/records/enforcement-activities';
import type { TRecordingDeps } from '../../domain/recording-deps';
import { callContextOf } from './call-context';
import { ZCaseParams } from './case-file-routes';

const tags = ['执法活动 enforcement activities'];

export function activityRoutes(api: Api, deps: TRecordingDeps) {
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/activities',
    summary: '登记执法活动（现场检查、询问、抽样、先行登记保存、送达…）',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { params: ZCaseParams, body: ZStartActivity },
    handler: async ({ req, principal, idempotency, params, body }) =>
      startEnforcementActivity(deps, callContextOf(req, principal, idempotency), params.caseNumber, body),
  });
  api.route({
    method: 'post',
    path: '/cases/{caseNumber}/activities/{activityId}/end',
    summary: '执法活动结束：开始计算 2 个工作日的音视频上传时限',
    tags,
    access: ['officer'],
    idempotent: true,
    request: { params: ZCaseParams.extend({ activityId: z.uuid() }), body: ZEndActivity },
    handler: async ({ req, principal, idempotency, params, body }) =>
      endEnforcementActivity(
        deps,
        callContextOf(req, principal, idempotency),
        params.caseNumber,
        params.activityId,
        body,
      ),
  });
}
