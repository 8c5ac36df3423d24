import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import type { TTaskClockKind } from '@sanxiang/shared/src/contracts';
import type { ClockTask } from '../data-access/rows';
import type { TTaskView } from './views';
import { daysText, kindLabel } from './wording';
import { workingDaysLeft } from './working-days';

/** A task is overdue once its escalation fired or its due instant passed. */
export const isOverdue = (task: Pick<ClockTask, 'level' | 'dueAt'>, now: Date): boolean =>
  task.level >= 1 || task.dueAt.getTime() < now.getTime();

/** What fired so far: 未提醒 / 已提醒 / 已督办 / 已二次督办. */
export const escalationLabel = (level: number): string =>
  level >= 2 ? '已二次督办' : level === 1 ? '已督办' : level === 0 ? '已提醒' : '未提醒';

export function stateLabel(task: Pick<ClockTask, 'level' | 'dueAt' | 'status'>, now: Date): string {
  return stateLabelOf(task.status, task.level, isOverdue(task, now));
}

/** The same label from what the board's counts give (status, level, overdue or not). */
export function stateLabelOf(status: ClockTask['status'], level: number, overdue: boolean): string {
  if (status === 'paused') return '已暂停';
  if (overdue) return '已超期';
  if (level === 0) return '即将到期';
  return '进行中';
}

export function taskView(
  task: ClockTask,
  now: Date,
  calendar: WorkingDayCalendar,
  role?: 'assignee' | 'supervisor',
): TTaskView {
  const left = workingDaysLeft(calendar, dateInShanghai(now), task.dueDate);
  return {
    clockKey: task.clockKey,
    kind: task.kind as TTaskClockKind,
    kindLabel: kindLabel(task.kind as TTaskClockKind),
    caseNumber: task.caseNumber,
    title: task.title,
    link: task.link,
    unitId: task.unitId,
    unitName: task.unitName,
    dueAt: task.dueAt.toISOString(),
    dueDate: task.dueDate,
    workingDaysLeft: left,
    workingDaysText: daysText(left),
    status: task.status === 'paused' ? 'paused' : 'running',
    level: task.level,
    levelLabel: escalationLabel(task.level),
    stateLabel: stateLabel(task, now),
    overdue: isOverdue(task, now),
    ...(role ? { role } : {}),
  };
}
