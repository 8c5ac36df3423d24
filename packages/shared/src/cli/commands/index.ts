import type { TCliCommand } from '../dispatcher';
import type { TPostImportStep } from '../post-import';
import { createCalendarImportCommand } from './calendar-import';
import { calendarShowCommand } from './calendar-show';
import { configReferenceCommand } from './config-reference';
import { deadlineCommand } from './deadline';

export interface TCommandOptions {
  /** Run after `calendar import` stored a year, in order (see post-import.ts). */
  postImportSteps: readonly TPostImportStep[];
}

/** Every CLI command. Add new commands (e.g. token issuing) here. */
export const buildCommands = (options: TCommandOptions): TCliCommand[] => [
  deadlineCommand,
  createCalendarImportCommand(options.postImportSteps),
  calendarShowCommand,
  configReferenceCommand,
];
