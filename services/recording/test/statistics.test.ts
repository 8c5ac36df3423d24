import { randomUUID } from 'node:crypto';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { createTestDatabase, type TTestDatabase } from '@sanxiang/testing';
import { asDatabase, createPrismaClient, type TDb } from '../src/data-access/prisma-client';
import { countRecordingStatistics } from '../src/domain/statistics/count-statistics';

// recording's period figures (统计年报, monthly figures, #15): cases opened and closed by Beijing
// calendar days, and evidence uploaded after its activity's 2-working-day upload clock (记录规定
// §16). Rows written straight into a fresh database, so each case is the one the test means.

let database: TTestDatabase;
let db: TDb;

beforeAll(async () => {
  database = await createTestDatabase('recording');
  db = createPrismaClient(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const caseFile = (openedAt: string, closedAt: string | null) =>
  db.caseFile.create({
    data: {
      caseNumber: `统计测试〔2026〕${randomUUID().slice(0, 8)}号`,
      title: '统计测试案件',
      handlingUnit: '劳动保障监察支队',
      partyKind: 'legalPerson',
      partyName: '常州市某某有限公司',
      partyIsMinor: false,
      openedById: 'u-officer',
      openedByName: '张伟',
      openedAt: new Date(openedAt),
      closedAt: closedAt ? new Date(closedAt) : null,
      lifecycleWorkflowId: `case-lifecycle:${randomUUID()}`,
    },
  });

const evidence = (caseId: string, activityId: string, uploadedAt: string) =>
  db.evidence.create({
    data: {
      caseId,
      activityId,
      uploadId: randomUUID(),
      mediaKind: 'photo',
      contentType: 'image/jpeg',
      fileName: '现场照片.jpg',
      size: 1024n,
      sha256: randomUUID().replace(/-/gu, '').padEnd(64, '0'),
      bucket: 'evidence',
      objectKey: `cases/${randomUUID()}`,
      versionId: randomUUID(),
      retentionMode: 'COMPLIANCE',
      retainUntil: new Date('2056-01-01T00:00:00Z'),
      uploadedById: 'u-officer',
      uploadedByName: '张伟',
      uploadedAt: new Date(uploadedAt),
    },
  });

it('counts cases by Beijing days and evidence uploaded after the end of the second working day', async () => {
  const opened = await caseFile('2026-03-10T09:00:00+08:00', null);
  // Closed at 00:30 on 1 April, Beijing time: April's, not March's.
  await caseFile('2026-03-02T09:00:00+08:00', '2026-04-01T00:30:00+08:00');
  // Opened at 23:30 on 28 February, Beijing time: February's (15:30 UTC).
  await caseFile('2026-02-28T23:30:00+08:00', null);
  // The activity ends on Friday 13 March: uploads are due by the end of Tuesday 17 March.
  const activity = await db.enforcementActivity.create({
    data: {
      caseId: opened.id,
      kind: 'siteInspection',
      title: '现场检查',
      startedAt: new Date('2026-03-13T15:00:00+08:00'),
      endedAt: new Date('2026-03-13T18:00:00+08:00'),
      createdById: 'u-officer',
    },
  });
  await evidence(opened.id, activity.id, '2026-03-13T18:30:00+08:00');
  await evidence(opened.id, activity.id, '2026-03-17T23:59:00+08:00'); // the last minute: on time
  await evidence(opened.id, activity.id, '2026-03-18T00:01:00+08:00'); // late
  const calendar = await loadWorkingDayCalendar({});

  expect(await countRecordingStatistics(asDatabase(db), calendar, '2026-03')).toEqual({
    period: '2026-03',
    casesOpened: 2,
    casesClosed: 0,
    evidenceUploaded: 3,
    evidenceUploadedLate: 1,
  });
  expect(await countRecordingStatistics(asDatabase(db), calendar, '2026-04')).toMatchObject({
    casesOpened: 0,
    casesClosed: 1,
  });
  expect(await countRecordingStatistics(asDatabase(db), calendar, '2026-02')).toMatchObject({
    casesOpened: 1,
  });
  expect(await countRecordingStatistics(asDatabase(db), calendar, '2026')).toEqual({
    period: '2026',
    casesOpened: 3,
    casesClosed: 1,
    evidenceUploaded: 3,
    evidenceUploadedLate: 1,
  });
});
