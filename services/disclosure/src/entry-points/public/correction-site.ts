import type { Router } from 'express';
import { formBody, isAppError } from '@sanxiang/shared';
import { ZCorrectionRequestInput, ZTrackingNumber } from '../../domain/corrections/correction-request';
import { getPublicDecision } from '../../domain/publication/get-public-decision';
import { getCorrectionRequestStatus } from '../../domain/corrections/list-correction-requests';
import { submitCorrectionRequest } from '../../domain/corrections/submit-correction-request';
import { publicActor } from '../http/correction-request-routes';
import type { TRouteDeps } from '../http/route-support';
import {
  renderCorrectionForm,
  renderCorrectionReceipt,
  renderCorrectionStatus,
  type TCorrectionFormModel,
} from './pages/correction-pages';
import { fieldErrors, firstString, page, UUID } from './page-support';
import { sameOriginOnly } from './same-origin';

const formFields = [
  'decisionId',
  'requesterName',
  'requesterKind',
  'contactPhone',
  'contactEmail',
  'description',
  'evidence',
] as const;

/** The correction request form (更正申请) and the status page, as plain HTML forms. */
export function registerCorrectionPages(router: Router, deps: TRouteDeps): void {
  const decisionFor = async (id: string | undefined): Promise<TCorrectionFormModel['decision']> => {
    if (!id || !UUID.test(id)) return undefined;
    try {
      const d = await getPublicDecision(deps.publicReads, id);
      return d.state === 'published'
        ? { id: d.id, documentNumber: d.documentNumber, issuingAuthority: d.issuingAuthority }
        : undefined;
    } catch (err) {
      if (isAppError(err) && err.status === 404) return undefined;
      throw err;
    }
  };

  router.get(
    '/public/corrections/new',
    page(async (req, res) => {
      const decision = await decisionFor(firstString(req.query.decisionId));
      res.type('html').send(renderCorrectionForm({ decision, values: {}, errors: [] }));
    }),
  );

  router.post(
    '/public/corrections',
    sameOriginOnly,
    ...formBody({ limit: '16kb', parameterLimit: 20 }),
    page(async (req, res) => {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(formFields.map((k) => [k, firstString(raw[k])]));
      const decision = await decisionFor(values.decisionId);
      const parsed = ZCorrectionRequestInput.safeParse(values);
      if (!decision || !parsed.success) {
        const errors = parsed.success ? [] : fieldErrors(parsed.error);
        res
          .status(decision ? 400 : 404)
          .type('html')
          .send(renderCorrectionForm({ decision, values, errors }));
        return;
      }
      const calendar = await deps.calendar();
      const result = await deps.uow(publicActor(String(req.id)), undefined, async (ctx) => ({
        status: 201,
        body: await submitCorrectionRequest(ctx, parsed.data, calendar),
      }));
      res
        .status(201)
        .type('html')
        .send(renderCorrectionReceipt(result.body as Parameters<typeof renderCorrectionReceipt>[0]));
    }),
  );

  router.get(
    '/public/corrections/status',
    page(async (req, res) => {
      const raw = firstString(req.query.trackingNumber);
      if (raw === undefined || raw.trim() === '') {
        res.type('html').send(renderCorrectionStatus({}));
        return;
      }
      const parsed = ZTrackingNumber.safeParse(raw);
      if (!parsed.success) {
        res
          .status(400)
          .type('html')
          .send(
            renderCorrectionStatus({
              trackingNumber: raw,
              error: '受理编号格式不正确，应形如 GZ-ABCD-EFGH-JKLM',
            }),
          );
        return;
      }
      try {
        const status = await getCorrectionRequestStatus(deps.db, parsed.data);
        res.type('html').send(renderCorrectionStatus({ trackingNumber: parsed.data, status }));
      } catch (err) {
        if (!isAppError(err) || err.status !== 404) throw err;
        res
          .status(404)
          .type('html')
          .send(renderCorrectionStatus({ trackingNumber: parsed.data, error: err.message }));
      }
    }),
  );
}
