import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// The case file's records (append-only) and enforcement activities. Reads take a `TReader` (the
// database or a transaction); writes the caller's transaction.

/** The records of a case, optionally of one kind, in filing order. */
export const listRecordsOfCase = (db: TReader, caseId: string, kind?: string) =>
  prismaOf(db).caseRecord.findMany({
    where: { caseId, ...(kind ? { kind } : {}) },
    orderBy: { seq: 'asc' },
  });

/** A record by the external reference it was filed with (e.g. a review opinion's id). */
export const findRecordByExternalRef = (db: TReader, caseId: string, kind: string, externalRef: string) =>
  prismaOf(db).caseRecord.findUnique({ where: { caseId_kind_externalRef: { caseId, kind, externalRef } } });

/** The record of the case, optionally only of one kind (null when it is not of the case). */
export const findRecordOfCase = (db: TReader, caseId: string, id: string, kind?: string) =>
  prismaOf(db).caseRecord.findFirst({ where: { id, caseId, ...(kind ? { kind } : {}) } });

/** The case's highest filing number so far. */
export const findLastRecordSeq = (db: TReader, caseId: string) =>
  prismaOf(db).caseRecord.findFirst({ where: { caseId }, orderBy: { seq: 'desc' }, select: { seq: true } });

export const createRecord = (tx: TTransaction, data: Prisma.CaseRecordUncheckedCreateInput) =>
  prismaOf(tx).caseRecord.create({ data });

/** The contents of the case's records of one kind (in no particular order). */
export const listRecordContentsOfKind = (db: TReader, caseId: string, kind: string) =>
  prismaOf(db).caseRecord.findMany({ where: { caseId, kind }, select: { content: true } });

export const countRecordsOfKind = (db: TReader, caseId: string, kind: string) =>
  prismaOf(db).caseRecord.count({ where: { caseId, kind } });

/** The office filed a legal-review opinion into the case. */
export const findLegalReviewOpinion = (db: TReader, caseId: string) =>
  prismaOf(db).caseRecord.findFirst({ where: { caseId, kind: 'legalReviewOpinion' }, select: { id: true } });

/** A legal-review opinion of the case issued by `reviewerId`. */
export const findOpinionByReviewer = (db: TReader, caseId: string, reviewerId: string) =>
  prismaOf(db).caseRecord.findFirst({
    where: { caseId, kind: 'legalReviewOpinion', content: { path: ['reviewerId'], equals: reviewerId } },
    select: { id: true },
  });

/** The reasons for no A/V filed for any of `activityIds`. */
export const listAudioVisualExemptions = (db: TReader, caseId: string, activityIds: string[]) =>
  prismaOf(db).caseRecord.findMany({
    where: { caseId, kind: 'audioVisualExemption', activityId: { in: activityIds } },
    select: { id: true, activityId: true },
  });

/** The case's head approvals, in filing order. */
export const listHeadApprovals = (db: TReader, caseId: string) =>
  prismaOf(db).caseRecord.findMany({
    where: { caseId, kind: 'headApproval' },
    select: { content: true, seq: true },
    orderBy: { seq: 'asc' },
  });

/** The case's records among `ids`. */
export const listRecordsAmong = (db: TReader, caseId: string, ids: string[]) =>
  prismaOf(db).caseRecord.findMany({
    where: { caseId, id: { in: ids } },
    select: { id: true, kind: true, content: true },
  });

// Enforcement activities.

export const createActivity = (tx: TTransaction, data: Prisma.EnforcementActivityUncheckedCreateInput) =>
  prismaOf(tx).enforcementActivity.create({ data });

/** The activity of the case (null when it is not of the case). */
export const findActivityOfCase = (db: TReader, caseId: string, id: string) =>
  prismaOf(db).enforcementActivity.findFirst({ where: { id, caseId } });

export const updateActivity = (
  tx: TTransaction,
  id: string,
  data: Prisma.EnforcementActivityUncheckedUpdateInput,
) => prismaOf(tx).enforcementActivity.update({ where: { id }, data });

/** The case's activities that required A/V, in the order they started. */
export const listActivitiesRequiringAudioVisual = (db: TReader, caseId: string) =>
  prismaOf(db).enforcementActivity.findMany({
    where: { caseId, audioVisualRequired: true },
    select: { id: true, title: true, kind: true, startedAt: true, endedAt: true },
    orderBy: { startedAt: 'asc' },
  });

/** The records of one kind filed for any of `activityIds` (出示执法证件, 音视频中断说明…). */
export const listRecordsOfKindForActivities = (
  db: TReader,
  caseId: string,
  kind: string,
  activityIds: string[],
) => prismaOf(db).caseRecord.findMany({ where: { caseId, kind, activityId: { in: activityIds } } });
