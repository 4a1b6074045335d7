/**
 * The weeks a record runs in, held to the open year's calendar, naming the field that is wrong. Whether
 * the records a change names exist is checked once, in the database (db/repositories/references.ts).
 */
import { fieldIssue, type IssueCode, type IssueParams } from '../../shared/fieldIssues';
import { ApiError } from '../../shared/api/contract';
import type { InterventionLine, SchoolYear } from '../../shared/domain';
import { assertRunInYear, assertWeeksInYear } from '../session';

function invalid(path: string, code: IssueCode, params: IssueParams): never {
  throw ApiError.invalid([fieldIssue(path, code, params)]);
}

/** A whole line as it would be after the change: its run inside the year, its undelivered weeks inside its run. */
export function assertLineWeeks(year: SchoolYear, line: Omit<InterventionLine, 'id'>): void {
  assertRunInYear(year, line.startWeek, line.weeks);
  const end = line.startWeek + line.weeks - 1;
  line.undeliveredWeeks.forEach((w, i) => {
    if (w < line.startWeek || w > end) invalid(`undeliveredWeeks.${i}`, 'weekNotInRun', { week: w, start: line.startWeek, end });
  });
}

export function assertEnrolmentWeeks(year: SchoolYear, startWeek: number, endWeek: number): void {
  assertWeeksInYear(year, [
    { path: 'startWeek', week: startWeek },
    { path: 'endWeek', week: endWeek },
  ]);
  if (endWeek < startWeek) invalid('endWeek', 'beforeStartWeek', { start: startWeek });
}
