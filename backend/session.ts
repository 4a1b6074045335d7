/**
 * The open school file and what the handlers share: building the YearView every response carries,
 * and checks that need the whole year (weeks inside the calendar, references that exist).
 */
import path from 'node:path';
import { ApiError, type FileInfo, type MutationResult, type YearView } from '../shared/api/contract';
import type { SchoolYear, WeekNumber } from '../shared/domain';
import { costSchoolYear } from '../shared/engine/costSchoolYear';
import { SchoolFile } from '../db/schoolFile';
import type { Repositories } from '../db/repositories';
import type { SettingsStore } from './settings';

export class Session {
  private file: SchoolFile | null = null;
  /** The week "to date" figures are shown for; null = the week containing today. */
  private asAtWeek: WeekNumber | null = null;

  constructor(
    readonly settings: SettingsStore,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  get openFile(): SchoolFile | null {
    return this.file;
  }

  /** Replace the open file (closing the old one only once the new one opened cleanly). */
  adopt(next: SchoolFile): void {
    if (this.file && this.file !== next) this.file.close();
    this.file = next;
    this.settings.rememberFile(next.path);
  }

  close(): void {
    this.file?.close();
    this.file = null;
  }

  require(): SchoolFile {
    if (!this.file) throw new ApiError('no_file', 'No school file is open. Open or create one from the File menu.');
    return this.file;
  }

  fileInfo(): FileInfo | null {
    return this.file ? { path: this.file.path, name: path.basename(this.file.path) } : null;
  }

  view(asAtWeek?: WeekNumber): YearView {
    const file = this.require();
    if (asAtWeek !== undefined) this.asAtWeek = asAtWeek;
    const data = file.readYear();
    const options: { today: string; asAtWeek?: number } = { today: this.today() };
    if (this.asAtWeek !== null) options.asAtWeek = Math.min(this.asAtWeek, data.calendar.weekStarts.length);
    const costed = costSchoolYear(data, options);
    return { file: this.fileInfo() as FileInfo, data, costed, history: file.history() };
  }

  /** Run one edit as one transaction and one undo step, then return the fresh view. */
  mutate(label: string, fn: (repos: Repositories, year: SchoolYear) => number | number[] | void): MutationResult {
    const file = this.require();
    const year = file.readYear();
    const created = file.mutate(label, (repos) => fn(repos, year));
    const result: MutationResult = { view: this.view() };
    if (typeof created === 'number') result.createdIds = [created];
    else if (Array.isArray(created)) result.createdIds = created;
    return result;
  }
}

/** Refuse weeks outside the school's calendar, naming the field. */
export function assertWeeksInYear(year: SchoolYear, fields: Array<{ path: string; week: number }>): void {
  const last = year.calendar.weekStarts.length;
  for (const { path: field, week } of fields) {
    if (week < 1 || week > last) {
      throw new ApiError('invalid_input', `${field}: week ${week} is outside the school year (weeks 1 to ${last})`, [
        { path: field, message: `must be a week from 1 to ${last}` },
      ]);
    }
  }
}

/** A line's run (start + weeks) must end inside the year. */
export function assertRunInYear(year: SchoolYear, startWeek: number, weeks: number): void {
  assertWeeksInYear(year, [{ path: 'startWeek', week: startWeek }]);
  if (weeks > 0) {
    const last = year.calendar.weekStarts.length;
    if (startWeek + weeks - 1 > last) {
      throw new ApiError('invalid_input', `weeks: starting in week ${startWeek}, ${weeks} weeks would run past the end of the year (week ${last})`, [
        { path: 'weeks', message: `must be at most ${last - startWeek + 1} when starting in week ${startWeek}` },
      ]);
    }
  }
}

export function findOrThrow<T extends { id: number }>(items: T[], id: number, what: string): T {
  const found = items.find((i) => i.id === id);
  if (!found) throw new ApiError('not_found', `No ${what} with id ${id}.`);
  return found;
}
