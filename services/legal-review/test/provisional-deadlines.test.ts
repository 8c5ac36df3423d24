import { loadHolidayYears, WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import request from 'supertest';
import { recomputeProvisionalDeadlines } from '../src/domain/review/recompute-provisional-deadlines';
import {
  auditActions,
  intake,
  intakeBody,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
} from './support';

/**
 * A due date that runs into a year the calendar does not know yet is provisional (the law's
 * holidays and weekends, no make-up days; DOMAIN.md §5). When the State Council's notice for that year is imported, it is recomputed from
 * the same start, as the workflow recomputes its clock on `calendarUpdated`.
 */
describe('provisional due dates', () => {
  let svc: TTestService;
  let calendar: WorkingDayCalendar;

  beforeAll(async () => {
    const shipped = (await loadHolidayYears()).map((y) => y.data);
    calendar = new WorkingDayCalendar(shipped);
    svc = await startTestService({ calendar: async () => calendar });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('recomputes the due date once the next year is loaded', async () => {
    svc.clock.set(new Date('2026-12-24T02:00:00Z')); // Thursday; 10 working days reach into 2027
    const reviewId = await intake(svc, intakeBody(uniqueCaseNumber()));
    const office = await svc.as(users.head);
    const before = await request(svc.app).get(`/reviews/${reviewId}`).set(office);
    // By law alone: 25, 28–31 Dec, (1 Jan 元旦), 4–8 Jan.
    expect(before.body).toMatchObject({ dueDate: '2027-01-08', dueProvisional: true });

    // Nothing changes while the year is still unknown.
    expect(await recomputeProvisionalDeadlines(svc.domain)).toBe(0);

    // An administrator imports 2027 (here: New Year's Day off, Saturday 2 Jan a make-up workday).
    const shipped = (await loadHolidayYears()).map((y) => y.data);
    calendar = new WorkingDayCalendar([
      ...shipped,
      {
        year: 2027,
        papers: ['https://www.gov.cn/example-2027-notice'],
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '元旦', date: '2027-01-02', isOffDay: false },
        ],
      },
    ]);
    expect(await recomputeProvisionalDeadlines(svc.domain)).toBe(1);
    const after = await request(svc.app).get(`/reviews/${reviewId}`).set(office);
    expect(after.body).toMatchObject({
      dueDate: '2027-01-07',
      dueAt: '2027-01-07T16:00:00.000Z',
      dueProvisional: false,
    });
    expect(await auditActions(svc.db, reviewId)).toEqual(['review.received', 'review.deadlineRecomputed']);
    expect(await recomputeProvisionalDeadlines(svc.domain)).toBe(0);
  });
});
