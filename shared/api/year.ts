/** The open school year: what every screen renders from, what every change answers with, and its undo history. */
import { z } from 'zod';
import type { IsoDate, SchoolYear, WeekNumber } from '../domain';
import type { CostedFigures, LearnerShare } from '../engine';
import { id } from './fields';
import type { FileInfo } from './file';
import { op, type OperationGroup } from './operation';
import type { YearPatch } from './yearPatch';
import { week } from '../schemas';
import type { HistoryLabel } from './historySteps';

/** The open school year and its figures: what every screen renders from. */
export interface YearView {
  file: FileInfo;
  data: SchoolYear;
  /** Every figure but the lines' per-learner shares, which the screens that show them fetch (`year.shares`). */
  costed: CostedFigures;
  /** What Undo and Redo would take back or do again, as names with parameters (shared/api/historySteps.ts). */
  history: { canUndo: boolean; canRedo: boolean; undoLabel: HistoryLabel | null; redoLabel: HistoryLabel | null };
  /** The scenario being worked on, or null (or absent) when the baseline is open. Set by Session.view(). */
  scenario?: { id: number; name: string } | null;
  /** The date the figures and checks are as at, and the week chosen to view them at (null: today's week). */
  viewedOn: { date: IsoDate; chosenWeek: WeekNumber | null };
  /**
   * Which view this is, set by the door that sent it to a client that asked for changes as patches
   * (`app.info` with `answerChangesAsPatches`): a later answer's patch names the version it starts from.
   */
  version?: string;
}

/**
 * What a mutation returns: the id it created (if any) and the fresh view, so totals update in one round trip.
 * To a client that asked for changes as patches, a door sends `patch` in place of `view` (ViewAnswer): what
 * changed since the view it sent before (shared/api/yearPatch.ts); the client rebuilds `view` from it.
 */
export interface MutationResult {
  createdIds?: number[];
  view: YearView;
}

/** An answer carrying a view, as a door sends it to a client that takes patches: the patch instead of the view. */
export type PatchedAnswer<T extends { view: YearView }> = Omit<T, 'view'> & { patch: YearPatch };

/** One enrolment's share of its line's cost, as `year.shares` answers it. */
export interface EnrolmentShare extends LearnerShare {
  lineId: number;
}

export const yearOperations = {
  /**
   * The whole open school year with its costed figures. `asAtWeek` chooses the week it is viewed at and
   * keeps it for later changes; null goes back to the current week; absent leaves the choice as it is.
   */
  'year.get': op(z.strictObject({ asAtWeek: week.nullable().optional() })).returns<YearView>(),
  /**
   * The enrolments' shares of their lines' costs, at the week the year is viewed at: of one line, of one
   * learner, or of both (every share when neither is given). A view leaves them out (the screens that
   * show them fetch them), so opening a large secondary sends ≈150 KB less (docs/performance.md).
   */
  'year.shares': op(z.strictObject({ lineId: id.optional(), learnerId: id.optional() })).returns<EnrolmentShare[]>(),
} satisfies OperationGroup;

export const historyOperations = {
  'history.undo': op(z.strictObject({})).returns<MutationResult>(),
  'history.redo': op(z.strictObject({})).returns<MutationResult>(),
} satisfies OperationGroup;
