/**
 * An enrolment's start and end weeks as typed: each a teaching week of the year, the start no later
 * than the end. Each field gets its own reason (a catalogue key and params), so it shows beside the
 * field that needs fixing. Weeks outside the line's run are allowed (the checks screen flags them).
 */
import { readWeek, type Parsed } from '../../forms/parse';

export interface EnrolmentWeeksRead {
  start: Parsed<number>;
  end: Parsed<number>;
}

export function readEnrolmentWeeks(startText: string, endText: string, lastWeek: number): EnrolmentWeeksRead {
  const start = readWeek(startText, lastWeek);
  const end = readWeek(endText, lastWeek);
  if (start.ok && end.ok && start.value > end.value) {
    return { start, end: { ok: false, error: 'enrolWeeks.endBeforeStart', params: { start: start.value } } };
  }
  return { start, end };
}

/** The line's run (its first and last teaching week), the default weeks for a new enrolment. */
export function lineRun(line: { startWeek: number; weeks: number }): { start: number; end: number } {
  return { start: line.startWeek, end: line.startWeek + Math.max(line.weeks, 1) - 1 };
}
