/**
 * The open school file and what the handlers share: building the YearView every response carries,
 * and checks that need the whole year (weeks inside the calendar, references that exist).
 */
import type { CostSubject } from '../shared/engine';
import type { ErrorParams, ErrorReason } from '../shared/api/errors';
import { fieldIssue } from '../shared/fieldIssues';
import path from 'node:path';
import { ApiError, type EnrolmentShare, type FileInfo, type MutationResult, type YearView } from '../shared/api/contract';
import type { SchoolYear, WeekNumber } from '../shared/domain';
import { addDays } from '../shared/schoolTerms';
import { costWithinExactRange, FiguresTooLarge, YearCosting } from '../shared/engine';
import type { CostedMap } from '../shared/engine';
import { withoutShares, type LineFiguresMemo } from '../shared/api/viewFigures';
import type { HistoryLabel } from '../shared/api/historySteps';
import { SchoolFile } from '../db/schoolFile';
import type { Repositories } from '../db/repositories';
import { ScenarioStore, ScenarioWorkingCopy } from '../db/scenarios';
import { GovernorVersionStore } from '../db/governorVersions';
import { backupAfterOpen, type SchoolBackups } from '../db/backups';
import type { AuthorityFile } from '../db/authority/authorityFile';
import type { SettingsStore } from './settings';
import { localToday } from '../shared/localToday';

/** How many idle costings warm the engine: past about this many, an edit's costing takes no less. */
export const COSTING_REHEARSALS = 30;

export class Session {
  private file: SchoolFile | null = null;
  /** The week "to date" figures are shown for; null = the week containing today. */
  private asAtWeek: WeekNumber | null = null;
  /** The scenario being worked on: while set, `require()` is its temporary file, not the baseline. */
  private scenario: ScenarioWorkingCopy | null = null;
  /** The scenarios table of the open file, through its own connection (db/scenarios.ts). */
  private scenarioStore: ScenarioStore | null = null;
  /** The versions presented to governors in the open file, through their own connection (db/governorVersions.ts). */
  private versionStore: GovernorVersionStore | null = null;
  /** Idle costings run so far (`rehearseCosting`), at most COSTING_REHEARSALS in a process's life. */
  private rehearsals = 0;
  /** The authority's comparison file, open beside (or instead of) a school file. */
  private authorityFile: AuthorityFile | null = null;
  /** Automatic backups (db/backups.ts); the backend sets it, except in the CLI. */
  backups: SchoolBackups | null = null;
  /** Settles once the backups started on the last open have finished (never rejects). */
  backupsSettled: Promise<void> = Promise.resolve();
  /**
   * The figures last costed, with the year and options they were costed for: the reader hands out the
   * same (frozen) year while the file is unchanged, so `year.shares` after a view costs nothing again.
   */
  private lastCosted: { data: SchoolYear; today: string; asAtWeek: number | undefined; costed: CostedMap } | null = null;
  /** The open file's costing: an edit recosts only the lines whose inputs it changed (shared/engine/yearCosting.ts). */
  private costing = new YearCosting();
  /**
   * Each costed line's figures without its shares, made once per CostedLine: a line the costing reused is the
   * same object in the next view, so the view's patch passes over it at once (backend/patchedAnswers.ts).
   */
  private lineFigures: LineFiguresMemo = new WeakMap();

  constructor(
    readonly settings: SettingsStore,
    private readonly today: () => string = () => localToday(),
  ) {}

  /** Today's date (YYYY-MM-DD) as the backend counts it: what a date that has happened may not be after. */
  todayDate(): string {
    return this.today();
  }

  get openFile(): SchoolFile | null {
    return this.file;
  }

  /** Replace the open file (closing the old one only once the new one opened cleanly). */
  adopt(next: SchoolFile): void {
    if (next !== this.file) this.costing = new YearCosting(); // one per open file
    try {
      // A file whose year cannot be costed exactly is not adopted (nor added to Recent files): say why now.
      this.costStored(next, next.readYear());
    } catch (error) {
      if (next !== this.file) next.close();
      throw error;
    }
    this.closeScenarios();
    if (this.file && this.file !== next) this.file.close();
    this.file = next;
    this.settings.rememberFile(next.path);
    if (this.backups) this.backupsSettled = backupAfterOpen(this.backups, next);
  }

  /** Importers call this before they change the file: a copy to go back to. Refuses the import if it cannot be taken. */
  async backupBeforeImport(): Promise<void> {
    const file = this.require();
    file.assertWritable();
    if (this.backups) await this.backups.take(file, 'before-import');
  }

  /** Make `next` the open authority file, closing the one it replaces. */
  adoptAuthorityFile(next: AuthorityFile): void {
    if (this.authorityFile && this.authorityFile !== next) this.authorityFile.close();
    this.authorityFile = next;
  }

  /** Close the authority file, if one is open; says whether one was. */
  closeAuthorityFile(): boolean {
    const file = this.authorityFile;
    this.authorityFile = null;
    file?.close();
    return file !== null;
  }

  /** Whether an authority file is open. */
  hasAuthorityFile(): boolean {
    return this.authorityFile?.isOpen ?? false;
  }

  requireAuthorityFile(): AuthorityFile {
    const file = this.authorityFile;
    if (!file || !file.isOpen) throw new ApiError('no_file', 'noAuthorityFile');
    return file;
  }

  /** Whether `file` is still the session's open authority file (an import stops if another was opened). */
  isOpenAuthorityFile(file: AuthorityFile): boolean {
    return this.authorityFile === file && file.isOpen;
  }

  close(): void {
    this.closeScenarios();
    this.file?.close();
    this.file = null;
  }

  /** The year being worked on: the open scenario's temporary file, else the school file (the baseline). */
  require(): SchoolFile {
    return this.scenario?.file ?? this.requireBaseline();
  }

  /** The school file itself, whether or not a scenario is open. */
  requireBaseline(): SchoolFile {
    if (!this.file) throw new ApiError('no_file');
    return this.file;
  }

  /**
   * Exports for governors, parents and the authority describe the school's plan, never a scenario:
   * refuse them while a scenario is open rather than label what-if figures as the school's.
   */
  requireNoScenario(document: 'governors' | 'statement' | 'return' | 'version'): SchoolFile {
    if (this.scenario) {
      throw new ApiError('conflict', 'inScenario', { scenario: this.scenario.name, documentKey: `apiError.reason.document.${document}` });
    }
    return this.requireBaseline();
  }

  /** The open scenario's id and name, or null on the baseline. */
  get openScenario(): { id: number; name: string } | null {
    return this.scenario ? { id: this.scenario.id, name: this.scenario.name } : null;
  }

  /** The open file's scenarios (opened on first use). */
  scenarios(): ScenarioStore {
    const file = this.requireBaseline();
    if (!this.scenarioStore || this.scenarioStore.path !== file.path) {
      this.scenarioStore?.close();
      this.scenarioStore = ScenarioStore.open(file.path, { readOnly: file.readOnly });
    }
    return this.scenarioStore;
  }

  /** The open file's versions presented to governors (opened on first use). */
  governorVersions(): GovernorVersionStore {
    const file = this.requireBaseline();
    if (!this.versionStore || this.versionStore.path !== file.path) {
      this.versionStore?.close();
      this.versionStore = GovernorVersionStore.open(file.path, { readOnly: file.readOnly });
    }
    return this.versionStore;
  }

  /** Work on a scenario: leaves any other one, then materialises this one. */
  enterScenario(id: number): void {
    // A scenario's work is written back into the school file: not possible in one opened read-only.
    this.requireBaseline().assertWritable();
    const store = this.scenarios();
    this.leaveScenario();
    this.scenario = ScenarioWorkingCopy.materialise(store, id);
  }

  /** Back to the baseline; the scenario's last state is already in the school file. */
  leaveScenario(): void {
    const open = this.scenario;
    if (!open) return;
    this.scenario = null;
    try {
      if (open.file.isOpen) open.persist(open.file.readYear());
    } finally {
      open.discard();
    }
  }

  /** Keep the open scenario's name in step after a rename. */
  renameOpenScenario(id: number, name: string): void {
    if (this.scenario?.id === id) this.scenario.name = name;
  }

  private closeScenarios(): void {
    try {
      this.leaveScenario();
    } finally {
      this.scenarioStore?.close();
      this.scenarioStore = null;
      this.versionStore?.close();
      this.versionStore = null;
    }
  }

  /**
   * The engine's options for a year as this session shows it: the date the map is viewed at and its week.
   * With no week chosen that is today; a chosen week is viewed as at its Friday, so every check that counts
   * weeks or days (review dates, the decision clock) counts to the same point as the "to date" figures.
   */
  costOptions(data: SchoolYear): { today: string; asAtWeek?: number } {
    const weeks = data.calendar.weekStarts;
    if (this.asAtWeek === null || weeks.length === 0) return { today: this.today() };
    const week = Math.min(this.asAtWeek, weeks.length);
    return { today: addDays(weeks[week - 1] as string, 4), asAtWeek: week };
  }

  /** The week chosen to view the map at, or null when it follows today. */
  chosenWeek(): WeekNumber | null {
    return this.asAtWeek;
  }

  fileInfo(): FileInfo | null {
    if (!this.file) return null;
    const info: FileInfo = { path: this.file.path, name: path.basename(this.file.path) };
    if (this.file.readOnly) info.readOnly = true;
    return info;
  }

  /** The open year's view; `asAtWeek` chooses the week it is viewed at (null: back to today's week). */
  view(asAtWeek?: WeekNumber | null): YearView {
    const file = this.require();
    if (asAtWeek !== undefined) this.asAtWeek = asAtWeek;
    const data = file.readYear();
    return this.viewOf(file, data, this.costStored(file, data));
  }

  /** The enrolments' shares of their lines' costs (of one line, one learner, or both), as the open year's view is costed. */
  shares(of: { lineId?: number; learnerId?: number }): EnrolmentShare[] {
    const file = this.require();
    const data = file.readYear();
    const found: EnrolmentShare[] = [];
    for (const line of this.costStored(file, data).lines) {
      if (of.lineId !== undefined && line.lineId !== of.lineId) continue;
      for (const share of line.shares) {
        if (of.learnerId === undefined || share.learnerId === of.learnerId) found.push({ lineId: line.lineId, ...share });
      }
    }
    return found;
  }

  /** The view of `data` with its figures, the last step of every response. */
  private viewOf(file: SchoolFile, data: SchoolYear, costed: CostedMap): YearView {
    // Every response that follows a change carries a view, so writing a changed scenario back here means
    // nothing acknowledged is lost (edits, undo and redo alike).
    this.scenario?.persist(data);
    const info = this.fileInfo() as FileInfo;
    const viewedOn = { date: this.costOptions(data).today, chosenWeek: this.asAtWeek === null ? null : costed.asAtWeek };
    return { file: info, data, costed: withoutShares(costed, this.lineFigures), history: file.history(), scenario: this.openScenario, viewedOn };
  }

  /**
   * The figures of a year already in a file. A file holding a year too large to cost exactly (only an
   * older Mapio could write one) is named, with what to do, rather than failing as an internal error.
   */
  private costStored(file: SchoolFile, data: SchoolYear): CostedMap {
    try {
      return this.costed(data);
    } catch (error) {
      if (!(error instanceof FiguresTooLarge)) throw error;
      throw new ApiError('file_corrupt', 'storedTooLarge', { name: path.basename(file.path), ...subjectParams(error.subject) });
    }
  }

  /**
   * Cost the open year once more, keeping nothing, while no one is waiting: V8 optimises the engine's code
   * only after it has run many times, and the first edits after opening cost two to three times what later
   * ones do. The data process calls this when idle (backend/host/backendHost.ts) until it says there is no
   * more to gain. Reads the year as any view does; writes nothing, changes nothing shown.
   */
  rehearseCosting(): boolean {
    if (this.rehearsals >= COSTING_REHEARSALS || !this.file?.isOpen) return false;
    this.rehearsals += 1;
    const data = this.file.readYear();
    try {
      // A costing of its own that remembers nothing: every line is costed, as after an edit that changes them all.
      costWithinExactRange(data, this.costOptions(data), new YearCosting());
    } catch {
      return false; // a year too large to cost exactly is named when it is viewed, not here
    }
    return true;
  }

  /** The engine's figures for `data` as this session views it; the last ones again when nothing they depend on changed. */
  private costed(data: SchoolYear): CostedMap {
    const options = this.costOptions(data);
    const last = this.lastCosted;
    if (last && last.data === data && last.today === options.today && last.asAtWeek === options.asAtWeek) return last.costed;
    const costed = costWithinExactRange(data, options, this.costing);
    this.lastCosted = { data, today: options.today, asAtWeek: options.asAtWeek, costed };
    return costed;
  }

  /**
   * Run one edit as one transaction and one undo step, then return the fresh view. The year the edit
   * leaves is costed inside the transaction: an edit that would take any figure beyond what Mapio can
   * count exactly is refused (CostsTooLarge) and rolled back, so no edit can make a file unopenable.
   */
  mutate(label: HistoryLabel, fn: (repos: Repositories, year: SchoolYear) => number | number[] | void): MutationResult {
    const file = this.require();
    // The year the handler validates against: the one the last view was built from when nothing has changed
    // since (the reader hands it out again without reading; db/schoolYearReader.ts), so an edit reads the
    // whole year once, inside its transaction, for the check and the fresh view after it.
    const year = file.readYear();
    let after: { data: SchoolYear; costed: CostedMap } | null = null;
    const created = file.mutate(
      label,
      (repos) => fn(repos, year),
      (data) => {
        try {
          after = { data, costed: this.costed(data) };
        } catch (error) {
          if (error instanceof FiguresTooLarge) throw new CostsTooLarge(error.subject);
          throw error;
        }
      },
    );
    const { data, costed } = after as unknown as { data: SchoolYear; costed: CostedMap };
    const result: MutationResult = { view: this.viewOf(file, data, costed) };
    if (typeof created === 'number') result.createdIds = [created];
    else if (Array.isArray(created)) result.createdIds = created;
    return result;
  }
}

/** Whose cost overflowed, as a refusal's specifics: `subject` is worded at the edge from its key. */
export function subjectParams(subject: CostSubject): ErrorParams {
  return { subjectKey: `apiError.reason.subject.${subject.kind}`, subjectName: subject.name, subjectNameCy: subject.nameCy };
}

/**
 * An edit refused because the year it leaves could not be costed exactly. The backend names the fields
 * of the request that multiply into money (`naming`); `subject` is whose cost overflowed.
 */
export class CostsTooLarge extends ApiError {
  constructor(
    readonly subject: CostSubject,
    fields: string[] = ['(input)'],
  ) {
    super(
      'invalid_input',
      'costsTooLarge',
      subjectParams(subject),
      fields.map((field) => fieldIssue(field, 'tooLargeToCount')),
    );
  }

  /** The same refusal naming `fields` of the request. */
  naming(fields: string[]): CostsTooLarge {
    return fields.length > 0 ? new CostsTooLarge(this.subject, fields) : this;
  }
}

/** Refuse weeks outside the school's calendar, naming the field. */
export function assertWeeksInYear(year: SchoolYear, fields: Array<{ path: string; week: number }>): void {
  const last = year.calendar.weekStarts.length;
  for (const { path: field, week } of fields) {
    if (week < 1 || week > last) {
      throw ApiError.invalid([fieldIssue(field, 'weekInYear', { week, last })]);
    }
  }
}

/** A line's run (start + weeks) must end inside the year. */
export function assertRunInYear(year: SchoolYear, startWeek: number, weeks: number): void {
  assertWeeksInYear(year, [{ path: 'startWeek', week: startWeek }]);
  if (weeks > 0) {
    const last = year.calendar.weekStarts.length;
    if (startWeek + weeks - 1 > last) {
      throw ApiError.invalid([fieldIssue('weeks', 'weeksFromStart', { max: last - startWeek + 1, start: startWeek, weeks, last })]);
    }
  }
}

export function findOrThrow<T extends { id: number }>(items: T[], id: number, missing: ErrorReason): T {
  const found = items.find((i) => i.id === id);
  if (!found) throw new ApiError('not_found', missing, { id });
  return found;
}
