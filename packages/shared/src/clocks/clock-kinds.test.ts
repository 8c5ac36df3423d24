import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, loadWorkingDayCalendar } from '../calendar';
import {
  clockRuleKinds,
  clockRules,
  computeClockInstants,
  computeClockInstantsDueOn,
  clockTableIn,
  renderClockTable,
} from '.';

test('docs/lifecycle.md shows the clock table as the code defines it', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'lifecycle.md'), 'utf8');
  // On a difference: paste renderClockTable() between the markers.
  expect(clockTableIn(doc)).toBe(renderClockTable());
});

test('every clock kind has a rule; counted clocks remind and escalate twice', () => {
  expect(Object.keys(clockRules).sort()).toEqual([...clockRuleKinds].sort());
  for (const kind of clockRuleKinds) {
    const rule = clockRules[kind];
    if (rule.workingDays === null) continue;
    expect(rule.reminderLeadDays).toBeLessThan(rule.workingDays);
    expect(rule.secondEscalationAfterDays).toBe(3);
  }
});

test('a clock started on a date: catalogue update, 20 working days, reminder at 09:00 Beijing', async () => {
  const calendar = await loadWorkingDayCalendar();
  // Effective Thu 1 Oct 2026 (National Day, 1–7 Oct off; 10 Oct Sat a make-up day).
  // 8 1, 9 2, 10 3, 12–16 4–8, 19–23 9–13, 26–30 14–18, 2 Nov 19, 3 Nov 20.
  expect(computeClockInstants(calendar, 'catalogueUpdate', '2026-10-01')).toEqual({
    dueDate: '2026-11-03',
    dueAt: '2026-11-03T16:00:00.000Z',
    remindAt: '2026-10-30T01:00:00.000Z',
    escalateAt: '2026-11-03T16:00:00.000Z',
    secondEscalateAt: '2026-11-06T16:00:00.000Z',
    provisional: false,
  });
});

test('a person-set clock has no working days to count', async () => {
  const calendar = await loadWorkingDayCalendar();
  expect(() => computeClockInstants(calendar, 'reviewMaterials', '2026-10-01')).toThrow(/set by a person/u);
});

test('annual statistics: published by 10 January (002 4(5)), reported by 31 January (001), reminded 2 working days before', async () => {
  const calendar = await loadWorkingDayCalendar();
  // 10 Jan 2026 is a Saturday: the reminder goes out 2 working days before (Thu 8 Jan).
  expect(computeClockInstantsDueOn(calendar, 'annualStatisticsPublication', 2026)).toMatchObject({
    dueDate: '2026-01-10',
    dueAt: '2026-01-10T16:00:00.000Z',
    remindAt: '2026-01-08T01:00:00.000Z',
    escalateAt: '2026-01-10T16:00:00.000Z',
  });
  expect(computeClockInstantsDueOn(calendar, 'annualStatisticsReport', 2026).dueDate).toBe('2026-01-31');
  expect(() => computeClockInstantsDueOn(calendar, 'withdrawal', 2026)).toThrow(/no fixed due date/u);
});

test('withdrawal after revocation (004 §14 及时): 3 working days by default, counted from the revoking document', async () => {
  const calendar = await loadWorkingDayCalendar();
  // Fri 20 Nov 2026 → Mon 23 (1), Tue 24 (2), Wed 25 (3).
  expect(computeClockInstants(calendar, 'withdrawal', '2026-11-20').dueDate).toBe('2026-11-25');
  expect(computeClockInstants(calendar, 'withdrawal', '2026-11-20', 5).dueDate).toBe('2026-11-27');
});
