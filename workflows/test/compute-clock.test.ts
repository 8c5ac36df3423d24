import { loadWorkingDayCalendar, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClock, computeClockWith } from '../src/lifecycle/activities/compute-clock';

// Hand-counted on the shipped State Council calendars (2025 and 2026 notices).
let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

test('disclosure, 7 working days over National Day 2025 (28 Sep and 11 Oct are make-up workdays)', () => {
  // Decided Fri 26 Sep: 28 Sep (Sun) 1, 29 Sep 2, 30 Sep 3, 1–8 Oct off, 9 Oct 4, 10 Oct 5, 11 Oct (Sat) 6, 13 Oct 7.
  expect(
    computeClockWith(calendar, { kind: 'disclosure', startAt: '2025-09-26T00:00:00+08:00', workingDays: 7 }),
  ).toEqual({
    dueDate: '2025-10-13',
    dueAt: '2025-10-13T16:00:00.000Z',
    remindAt: '2025-10-10T01:00:00.000Z', // 09:00 on 10 Oct: 11 Oct (Sat, worked) is one working day before, 10 Oct two
    escalateAt: '2025-10-13T16:00:00.000Z',
    secondEscalateAt: '2025-10-16T16:00:00.000Z', // 14, 15, 16 Oct
    provisional: false,
  });
});

test('legal review, 10 working days over Spring Festival 2026 (14 and 28 Feb are make-up workdays)', () => {
  // Received Tue 10 Feb 15:00: 11 1, 12 2, 13 3, 14 (Sat) 4, 15–23 off, 24 5, 25 6, 26 7, 27 8, 28 (Sat) 9, 2 Mar 10.
  expect(
    computeClockWith(calendar, {
      kind: 'legalReview',
      startAt: '2026-02-10T15:00:00+08:00',
      workingDays: 10,
    }),
  ).toEqual({
    dueDate: '2026-03-02',
    dueAt: '2026-03-02T16:00:00.000Z',
    remindAt: '2026-02-27T01:00:00.000Z', // 28 Feb (Sat, worked) is one before, 27 Feb two
    escalateAt: '2026-03-02T16:00:00.000Z',
    secondEscalateAt: '2026-03-05T16:00:00.000Z',
    provisional: false,
  });
});

test('evidence upload, 2 working days; the start is the Shanghai date of the instant', () => {
  // Ended 23:30 Beijing time on 30 Sep 2025 (15:30 UTC): the period starts that day, not 1 Oct.
  expect(
    computeClockWith(calendar, { kind: 'evidenceUpload', startAt: '2025-09-30T15:30:00Z', workingDays: 2 }),
  ).toEqual({
    dueDate: '2025-10-10', // 9 Oct 1, 10 Oct 2
    dueAt: '2025-10-10T16:00:00.000Z',
    remindAt: '2025-10-09T01:00:00.000Z', // one working day before
    escalateAt: '2025-10-10T16:00:00.000Z',
    secondEscalateAt: '2025-10-14T16:00:00.000Z', // 11 Oct (Sat, worked), 13, 14
    provisional: false,
  });
});

test('random inspection results, 20 working days', () => {
  const clock = computeClockWith(calendar, {
    kind: 'randomInspectionDisclosure',
    startAt: '2026-01-05T10:00:00+08:00',
    workingDays: 20,
  });
  // January 2026 has no holiday after 元旦 (1–3 Jan; 4 Jan Sunday is a make-up day, before the start).
  expect(clock.dueDate).toBe('2026-02-02');
  expect(clock.provisional).toBe(false);
});

test('a period running into a year without data is provisional', () => {
  const clock = computeClockWith(calendar, {
    kind: 'legalReview',
    startAt: '2026-12-24T10:00:00+08:00',
    workingDays: 10,
  });
  expect(clock.provisional).toBe(true);
  expect(clock.dueDate).toBe('2027-01-08'); // by law alone: 25, 28–31 Dec, (1 Jan 元旦), 4–8 Jan
});

test('the activity lists the working dates after the start, for working days left', async () => {
  const clock = await computeClock({ calendar: () => calendar })({
    kind: 'disclosure',
    startAt: '2025-09-26T00:00:00+08:00',
    workingDays: 7,
  });
  // 28 Sep (Sun, worked), 29, 30 Sep, then 9 Oct after National Day …; 7 + 3 + 20 dates.
  expect(clock.workingDates?.slice(0, 4)).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09']);
  expect(clock.workingDates).toHaveLength(30);
  expect(clock.workingDates?.[6]).toBe(clock.dueDate);
});
