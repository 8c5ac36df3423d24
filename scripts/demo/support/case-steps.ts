import { createHash } from 'node:crypto';
import type {
  TDecisionMade,
  TSubmitProposal,
  TSubmitProposalResult,
  TDecisionMadeResult,
} from '@sanxiang/shared/src/contracts';
import {
  ZMajorCriterion,
  type TMajorCriterion,
  type TReviewOutcome,
  type TReviewPoint,
  type TSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';
import { eventually } from './eventually';
import { idempotencyKey, type TStaffApi, type TStaffUser } from './staff-api';

/**
 * The steps staff take on a case, one function per API call, over the three services' real HTTP
 * APIs (docs/recording.md, docs/legal-review.md, docs/disclosure.md). The end-to-end tests and the
 * demo loader both drive cases with these; assertions stay in the tests.
 *
 * Response types name only the fields callers use (the services document the rest in their
 * /openapi.json).
 */

// ---- response shapes (subsets) -----------------------------------------------------------------

export interface TRecordView {
  id: string;
  seq: number;
  kind: string;
  content: Record<string, unknown>;
  activityId: string | null;
  filedBy: { id: string; name: string };
  filedAt: string;
}

export interface TActivityView {
  id: string;
  kind: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
}

export interface TEvidenceView {
  id: string;
  activityId: string;
  mediaKind: string;
  contentType: string;
  fileName: string;
  size: number;
  sha256: string;
  description: string | null;
  uploadedAt: string;
  retention: { mode: string; retainUntil: string | null; locked: boolean };
}

export interface TCaseFileView {
  id: string;
  caseNumber: string;
  title: string;
  handlingUnit: string;
  party: { kind: string; name: string; idNumber: string | null; isMinor: boolean };
  officers: { userId: string; name: string; certificateNumber: string }[];
  status: string;
  stage: string;
  cycle: number;
  lifecycle: { workflowId: string; startedAt: string | null };
  records?: TRecordView[];
  activities?: TActivityView[];
  evidence?: TEvidenceView[];
  escalations?: { clockId: string; level: number }[];
  stageTransitions?: { from: string; to: string; at: string; cycle: number; round: number | null }[];
}

export interface TReviewItem {
  id: string;
  caseNumber: string;
  round: number;
  cycle: number;
  status: 'pending' | 'inReview' | 'awaitingMaterials' | 'issued';
  clock: 'running' | 'paused' | 'stopped';
  assignee: { id: string; name: string } | null;
  receivedAt: string;
  dueDate: string;
  dueAt: string;
  outcome: TReviewOutcome | null;
}

export interface TOpinionView {
  id: string;
  reviewId: string;
  caseNumber: string;
  round: number;
  outcome: TReviewOutcome;
  outcomeLabel: string;
  reasons: string;
  findings: { point: TReviewPoint; conclusion: string; findings: string }[];
  issuedAt: string;
  documentText: string;
  contentSha256: string;
  caseFileCopy: { status: 'pending' | 'filed'; recordId: string | null; lastError: string | null } | null;
}

export interface TReviewDetail extends TReviewItem {
  workflowId: string;
  materials: { kind: TSubmissionMaterialKind; documentId: string; title: string }[];
  missingMaterials: TSubmissionMaterialKind[];
  materialRequests: { id: string; missing: TSubmissionMaterialKind[]; dueDate: string }[];
  opinion: TOpinionView | null;
  findings?: { point: TReviewPoint; conclusion: string; findings: string }[];
}

export interface TDisclosureView {
  id: string;
  kind: string;
  status: 'draft' | 'approved' | 'published' | 'withdrawn' | 'expired' | 'exempt';
  reviewStage: 'editing' | 'awaitingCheck' | 'awaitingApproval' | null;
  workingVersion: number;
  approvedVersion: number | null;
  publishedVersion: number | null;
  title: string | null;
  caseNumber: string | null;
  cycle: number | null;
  workflowId: string | null;
  documentNumber: string | null;
  decisionDate: string | null;
  dueAt: string | null;
  exemption: { reason: string; explanation: string | null } | null;
  approvedAt: string | null;
  publishedAt: string | null;
  expiresAt: string | null;
  withdrawal: { reason: string | null; explanation: string | null } | null;
}

export interface TPublicSearchItem {
  id: string;
  state: 'published' | 'withdrawn';
  documentNumber: string;
  decisionKind: string;
  decisionKindLabel: string;
  issuingAuthority: string;
  decisionDate: string;
  publishedAt: string;
  partyName: string | null;
  penaltyKind: string | null;
  excerpt: string | null;
}

export interface TPublicDecision {
  id: string;
  state: 'published' | 'withdrawn';
  documentNumber: string;
  issuingAuthority: string;
  decisionDate: string;
  partyName?: string;
  enforcementMethod?: string;
  content?: string;
  decision?: string;
  penaltyKind?: string | null;
  legalBasis?: string;
  performance?: string;
  withdrawal?: { reason: string | null; reasonLabel: string; explanation: string | null };
}

// ---- keys --------------------------------------------------------------------------------------

/**
 * Idempotency keys of one case's steps: `<namespace>-<hash of the case number>:<step>` — ASCII,
 * short, stable across runs (so a rerun of the demo replays instead of repeating).
 */
export const caseKeys = (namespace: string, caseNumber: string) => {
  const hash = createHash('sha256').update(caseNumber).digest('hex').slice(0, 16);
  return (...step: (string | number)[]) => idempotencyKey(`${namespace}-${hash}`, ...step);
};

const enc = encodeURIComponent;

// ---- recording (执法全过程记录) -----------------------------------------------------------------

export interface TOpenCase {
  caseNumber: string;
  title: string;
  handlingUnit: string;
  /** 执法类别 / 执法区域: the officers' certificates must cover them. */
  enforcementCategory: string;
  enforcementArea: string;
  party: {
    kind: 'naturalPerson' | 'legalPerson' | 'otherOrganisation';
    name: string;
    idNumber?: string;
    /** 法定代表人 / 负责人 (legal persons and organisations; published with the decision). */
    legalRepresentative?: string;
    isMinor?: boolean;
  };
  officers: { userId: string; name: string; certificateNumber: string }[];
}

/** 立案: the case file is created and its lifecycle workflow started. */
export const openCase = async (api: TStaffApi, as: TStaffUser, body: TOpenCase, key?: string) =>
  (await api.call<TCaseFileView>('recording', 'POST', '/cases', { as, json: body, idempotencyKey: key }))
    .body;

/** The case file with records, activities, evidence, escalations and stages; undefined if none. */
export const getCaseFile = (api: TStaffApi, as: TStaffUser, caseNumber: string) =>
  api.find<TCaseFileView>('recording', `/cases/${enc(caseNumber)}`, { as });

export const listRecords = async (api: TStaffApi, as: TStaffUser, caseNumber: string, kind?: string) =>
  (
    await api.call<TRecordView[]>('recording', 'GET', `/cases/${enc(caseNumber)}/records`, {
      as,
      query: { kind },
    })
  ).body;

export interface TStartActivity {
  kind:
    'siteInspection' | 'interview' | 'sampling' | 'evidencePreservation' | 'service' | 'hearing' | 'other';
  title: string;
  place?: string;
  startedAt: string;
  audioVisualRequired?: boolean;
}

export const startActivity = async (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  body: TStartActivity,
  key?: string,
) =>
  (
    await api.call<TActivityView>('recording', 'POST', `/cases/${enc(caseNumber)}/activities`, {
      as,
      json: body,
      idempotencyKey: key,
    })
  ).body;

/** The activity ended: the lifecycle opens its 2-working-day upload clock. */
export const endActivity = async (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  activityId: string,
  endedAt: string,
  key?: string,
) =>
  (
    await api.call<TActivityView>(
      'recording',
      'POST',
      `/cases/${enc(caseNumber)}/activities/${activityId}/end`,
      {
        as,
        json: { endedAt },
        idempotencyKey: key,
      },
    )
  ).body;

export interface TEvidenceFile {
  activityId: string;
  mediaKind: 'audio' | 'video' | 'photo' | 'document';
  fileName: string;
  contentType: string;
  data: Buffer;
  description?: string;
  recordedFrom?: string;
  recordedUntil?: string;
}

export const sha256Hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Uploads one evidence file: declares it (size, SHA-256), then sends the bytes in one request. The
 * service streams them into the Object Lock bucket, checks size, hash and type, and registers and
 * locks the version. A repeat (same key) finds the declared upload, and the content call answers
 * 200 with the evidence already registered.
 */
export async function uploadEvidence(
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  file: TEvidenceFile,
  key?: string,
): Promise<TEvidenceView> {
  const declared = await api.call<{ uploadId: string }>(
    'recording',
    'POST',
    `/cases/${enc(caseNumber)}/evidence-uploads`,
    {
      as,
      idempotencyKey: key,
      json: {
        activityId: file.activityId,
        mediaKind: file.mediaKind,
        contentType: file.contentType,
        fileName: file.fileName,
        size: file.data.length,
        sha256: sha256Hex(file.data),
        ...(file.description ? { description: file.description } : {}),
        ...(file.recordedFrom ? { recordedFrom: file.recordedFrom } : {}),
        ...(file.recordedUntil ? { recordedUntil: file.recordedUntil } : {}),
      },
    },
  );
  const sent = await api.call<TEvidenceView>(
    'recording',
    'PUT',
    `/evidence-uploads/${declared.body.uploadId}/content`,
    {
      as,
      bytes: { data: file.data, contentType: file.contentType },
    },
  );
  return sent.body;
}

interface TUploadStatus {
  uploadId: string;
  status: string;
  partSize: number;
  partCount: number;
  receivedParts: { partNumber: number; size: number; sha256: string }[];
  evidenceId: string | null;
}

/**
 * Uploads a large file resumably (断点续传): declares it (the same key finds the same upload
 * again), asks which parts the service already holds, sends only the missing ones
 * (`PUT …/parts/{n}`, each `partSize` bytes but the last) and completes it. An attempt cut off by
 * an outage is simply called again: it picks up where the service's part list ends.
 */
export async function uploadEvidenceInParts(
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  file: TEvidenceFile,
  key: string,
): Promise<TEvidenceView> {
  const declared = await api.call<TUploadStatus>(
    'recording',
    'POST',
    `/cases/${enc(caseNumber)}/evidence-uploads`,
    {
      as,
      idempotencyKey: key,
      json: {
        activityId: file.activityId,
        mediaKind: file.mediaKind,
        contentType: file.contentType,
        fileName: file.fileName,
        size: file.data.length,
        sha256: sha256Hex(file.data),
        ...(file.description ? { description: file.description } : {}),
        ...(file.recordedFrom ? { recordedFrom: file.recordedFrom } : {}),
        ...(file.recordedUntil ? { recordedUntil: file.recordedUntil } : {}),
      },
    },
  );
  const id = declared.body.uploadId;
  const upload = (await api.call<TUploadStatus>('recording', 'GET', `/evidence-uploads/${id}`, { as })).body;
  if (upload.status === 'open') {
    const held = new Set(upload.receivedParts.map((p) => p.partNumber));
    for (let n = 1; n <= upload.partCount; n++) {
      if (held.has(n)) continue;
      const data = file.data.subarray((n - 1) * upload.partSize, n * upload.partSize);
      await api.call('recording', 'PUT', `/evidence-uploads/${id}/parts/${n}`, {
        as,
        bytes: { data, contentType: 'application/octet-stream' },
      });
    }
  }
  const done = await api.call<TEvidenceView>('recording', 'POST', `/evidence-uploads/${id}/complete`, { as });
  return done.body;
}

/** The original as stored, hash-verified by the service (`X-Evidence-SHA256`). */
export async function downloadEvidence(api: TStaffApi, as: TStaffUser, evidenceId: string) {
  const res = await api.call<Buffer>('recording', 'GET', `/evidence/${evidenceId}/content`, {
    as,
    binary: true,
  });
  return {
    data: res.body,
    sha256: res.headers.get('x-evidence-sha256'),
    contentType: res.headers.get('content-type'),
  };
}

/** Files a typed record (`{ kind, content, activityId? }`, docs/recording.md §Records). */
export const fileRecord = async (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  record: { kind: string; content: object; activityId?: string },
  key?: string,
) =>
  (
    await api.call<TRecordView>('recording', 'POST', `/cases/${enc(caseNumber)}/records`, {
      as,
      json: record,
      idempotencyKey: key,
    })
  ).body;

export type TProposalRequest = Omit<TSubmitProposal, 'submittedBy' | 'submittedAt'>;

/** The handler's answer to each of the six criteria (审核办法 §4): the ticked ones apply. */
export const majorAssessmentOf = (applying: readonly TMajorCriterion[]) =>
  ZMajorCriterion.options.map((criterion) => ({
    criterion,
    applies: applying.includes(criterion),
    reason: applying.includes(criterion) ? '经逐项核查，属于该情形' : '经逐项核查，不属于该情形',
  }));

/** 拟作出决定: the `submitProposal` update of the lifecycle (a major case goes to legal review). */
export const submitProposal = async (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  body: TProposalRequest,
  key?: string,
) =>
  (
    await api.call<TSubmitProposalResult>('recording', 'POST', `/cases/${enc(caseNumber)}/proposals`, {
      as,
      json: { majorAssessment: majorAssessmentOf(body.majorCriteria), ...body },
      idempotencyKey: key,
    })
  ).body;

export type TDecisionRequest = Omit<TDecisionMade, 'recordedBy'>;

/** 作出决定: the `decisionMade` update; the disclosure clock starts from `decisionDate`. */
export const recordDecision = async (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  body: TDecisionRequest,
  key?: string,
) =>
  (
    await api.call<TDecisionMadeResult>('recording', 'POST', `/cases/${enc(caseNumber)}/decisions`, {
      as,
      json: body,
      idempotencyKey: key,
    })
  ).body;

/** Waits until the case file shows `stage` (the workflow reports transitions asynchronously). */
export const waitForCaseStage = (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  stage: string,
  timeoutMs = 20_000,
) =>
  eventually(
    async () => {
      const file = await getCaseFile(api, as, caseNumber);
      if (file?.stage !== stage)
        throw new Error(`case file stage is ${file?.stage ?? 'absent'}, want ${stage}`);
      return file;
    },
    { timeoutMs, what: `${caseNumber} at stage ${stage}` },
  );

// ---- legal review (法制审核) -------------------------------------------------------------------

/** The review rounds of a case in the office's queue (all statuses). */
export const listReviews = async (api: TStaffApi, as: TStaffUser, caseNumber: string) =>
  (
    await api.call<{ items: TReviewItem[] }>('legalReview', 'GET', '/reviews', {
      as,
      query: { caseNumber, limit: 50 },
    })
  ).body.items;

/** Waits for the workflow's intake of a round (POST /internal/reviews by the worker). */
export const waitForReview = (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  round: number,
  timeoutMs = 20_000,
) =>
  eventually(
    async () => {
      const item = (await listReviews(api, as, caseNumber)).find((r) => r.round === round);
      if (!item) throw new Error(`no review round ${round} yet`);
      return item;
    },
    { timeoutMs, what: `legal review of ${caseNumber} round ${round}` },
  );

export const getReview = async (api: TStaffApi, as: TStaffUser, reviewId: string) =>
  (await api.call<TReviewDetail>('legalReview', 'GET', `/reviews/${reviewId}`, { as })).body;

export const assignReviewer = async (
  api: TStaffApi,
  as: TStaffUser,
  reviewId: string,
  reviewer: TStaffUser,
  key?: string,
) =>
  (
    await api.call<TReviewItem>('legalReview', 'PUT', `/reviews/${reviewId}/assignment`, {
      as,
      json: { reviewerId: reviewer.id, reviewerName: reviewer.name },
      idempotencyKey: key,
    })
  ).body;

export interface TFinding {
  point: TReviewPoint;
  conclusion: 'noIssue' | 'issueFound' | 'notApplicable';
  findings: string;
}

export const recordFindings = async (
  api: TStaffApi,
  as: TStaffUser,
  reviewId: string,
  findings: TFinding[],
) =>
  (
    await api.call<TFinding[]>('legalReview', 'PUT', `/reviews/${reviewId}/findings`, {
      as,
      json: { findings },
    })
  ).body;

export const issueOpinion = async (
  api: TStaffApi,
  as: TStaffUser,
  reviewId: string,
  body: { outcome: TReviewOutcome; reasons: string },
  key?: string,
) =>
  (
    await api.call<TOpinionView>('legalReview', 'POST', `/reviews/${reviewId}/opinion`, {
      as,
      json: body,
      idempotencyKey: key,
    })
  ).body;

export const requestMaterials = async (
  api: TStaffApi,
  as: TStaffUser,
  reviewId: string,
  body: { missing: TSubmissionMaterialKind[]; dueDate: string; note?: string },
  key?: string,
) =>
  (
    await api.call<{ id: string; dueDate: string }>(
      'legalReview',
      'POST',
      `/reviews/${reviewId}/material-requests`,
      {
        as,
        json: body,
        idempotencyKey: key,
      },
    )
  ).body;

// ---- disclosure (公示) -------------------------------------------------------------------------

export const listDisclosures = async (
  api: TStaffApi,
  as: TStaffUser,
  query: { caseNumber?: string; kind?: string; status?: string; pageSize?: number },
) =>
  (
    await api.call<{ items: TDisclosureView[]; total: number }>('disclosure', 'GET', '/disclosures', {
      as,
      query: { pageSize: 100, ...query },
    })
  ).body.items;

/** Waits for the workflow's draft (POST /internal/disclosures by the worker) of a decision cycle. */
export const waitForDisclosure = (
  api: TStaffApi,
  as: TStaffUser,
  caseNumber: string,
  cycle: number,
  timeoutMs = 20_000,
) =>
  eventually(
    async () => {
      const d = (await listDisclosures(api, as, { caseNumber, kind: 'decision' })).find(
        (x) => x.cycle === cycle,
      );
      if (!d) throw new Error(`no disclosure of cycle ${cycle} yet`);
      return d;
    },
    { timeoutMs, what: `disclosure draft of ${caseNumber} cycle ${cycle}` },
  );

export const getDisclosure = async (api: TStaffApi, as: TStaffUser, id: string) =>
  (
    await api.call<TDisclosureView & { versions?: unknown[] }>('disclosure', 'GET', `/disclosures/${id}`, {
      as,
    })
  ).body;

/** One internal-review step on a version: submit (discloser), check (reviewer), approval (head). */
export const disclosureStep = async (
  api: TStaffApi,
  as: TStaffUser,
  id: string,
  step: 'submit' | 'check' | 'approval',
  body: { version: number; outcome?: 'pass' | 'return' | 'approve'; note?: string },
  key?: string,
) =>
  (
    await api.call<TDisclosureView>('disclosure', 'POST', `/disclosures/${id}/${step}`, {
      as,
      json: body,
      idempotencyKey: key,
    })
  ).body;

/**
 * Walks a record through internal review from where it stands (内部审核): submit → check → the
 * unit head's approval. A decision is then published by the workflow; a catalogue entry at once.
 */
export async function passInternalReview(
  api: TStaffApi,
  who: { discloser: TStaffUser; checker: TStaffUser; head: TStaffUser },
  disclosure: TDisclosureView,
  key: (step: string) => string | undefined = () => undefined,
): Promise<TDisclosureView> {
  let d = disclosure;
  const version = d.workingVersion;
  if (d.reviewStage === 'editing') {
    d = await disclosureStep(api, who.discloser, d.id, 'submit', { version }, key(`submit:${version}`));
  }
  if (d.reviewStage === 'awaitingCheck') {
    d = await disclosureStep(
      api,
      who.checker,
      d.id,
      'check',
      { version, outcome: 'pass' },
      key(`check:${version}`),
    );
  }
  if (d.reviewStage === 'awaitingApproval') {
    d = await disclosureStep(
      api,
      who.head,
      d.id,
      'approval',
      { version, outcome: 'approve' },
      key(`approval:${version}`),
    );
  }
  return d;
}

/**
 * 撤下 a published decision as the rules want it (#13 item 9, 003 (六), 004 §14、§16): disclosure
 * staff request it citing the revoking document, a second person checks, the head approves; only
 * then is it taken down with the explanation the public will read.
 */
export const withdrawDisclosure = async (
  api: TStaffApi,
  who: { requester: TStaffUser; checker: TStaffUser; head: TStaffUser },
  id: string,
  body: {
    reason: 'revoked' | 'confirmedIllegal' | 'toBeRedone';
    explanation: string;
    revokingDocument: { documentNumber: string; date: string; authority: string };
  },
  key?: string,
) => {
  const requested = (
    await api.call<{ request: { id: string } }>(
      'disclosure',
      'POST',
      `/disclosures/${id}/withdrawal-requests`,
      {
        as: who.requester,
        json: body,
        idempotencyKey: key,
      },
    )
  ).body;
  const path = `/disclosures/${id}/outcome-requests/${requested.request.id}`;
  await api.call('disclosure', 'POST', `${path}/check`, {
    as: who.checker,
    json: { outcome: 'pass' },
    idempotencyKey: key ? `${key}:check` : undefined,
  });
  return (
    await api.call<{ disclosure: TDisclosureView }>('disclosure', 'POST', `${path}/approval`, {
      as: who.head,
      json: { outcome: 'approve' },
      idempotencyKey: key ? `${key}:approval` : undefined,
    })
  ).body.disclosure;
};

/**
 * 不予公开 planned in the decision itself (#13 item 2, 003 (三), 004 §10、§16): the disclosure service
 * holds it as a pending non-publication request; a second person checks it and the head approves,
 * which records the decision exempt. A request already decided is left as it is.
 */
export const decidePlannedNonPublication = async (
  api: TStaffApi,
  who: { checker: TStaffUser; head: TStaffUser },
  id: string,
  key?: string,
) => {
  const detail = (
    await api.call<{ outcomeRequests: { id: string; kind: string; stage: string }[] }>(
      'disclosure',
      'GET',
      `/disclosures/${id}`,
      { as: who.head },
    )
  ).body;
  const pending = detail.outcomeRequests.find(
    (r) => r.kind === 'nonPublication' && (r.stage === 'awaitingCheck' || r.stage === 'awaitingApproval'),
  );
  if (!pending) return;
  const path = `/disclosures/${id}/outcome-requests/${pending.id}`;
  if (pending.stage === 'awaitingCheck') {
    await api.call('disclosure', 'POST', `${path}/check`, {
      as: who.checker,
      json: { outcome: 'pass' },
      idempotencyKey: key ? `${key}:check` : undefined,
    });
  }
  await api.call('disclosure', 'POST', `${path}/approval`, {
    as: who.head,
    json: { outcome: 'approve' },
    idempotencyKey: key ? `${key}:approval` : undefined,
  });
};

/** Drafts a pre-disclosure catalogue entry (事前公开); see `passInternalReview` to publish it. */
export const createCatalogueEntry = async (
  api: TStaffApi,
  as: TStaffUser,
  content: { section: string } & Record<string, unknown>,
  key?: string,
) =>
  (
    await api.call<TDisclosureView>('disclosure', 'POST', '/catalogue/entries', {
      as,
      json: { content },
      idempotencyKey: key,
    })
  ).body;

// ---- the public platform (公示平台, no token) ---------------------------------------------------

export const searchPublicDecisions = async (
  api: TStaffApi,
  query: { q?: string; kind?: string; authority?: string; from?: string; to?: string; page?: number },
) =>
  (
    await api.call<{ items: TPublicSearchItem[]; hasMore: boolean }>(
      'disclosure',
      'GET',
      '/api/public/decisions',
      {
        query,
      },
    )
  ).body;

export const getPublicDecision = async (api: TStaffApi, id: string) =>
  (await api.call<TPublicDecision>('disclosure', 'GET', `/api/public/decisions/${id}`)).body;

/** A public HTML page, as a browser without script gets it. */
export const publicPage = async (api: TStaffApi, path: string, query?: Record<string, string>) =>
  (await api.call<string>('disclosure', 'GET', path, query ? { query } : {})).body;
