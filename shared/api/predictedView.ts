/**
 * The view an edit will be answered with, made in the window before the answer comes: the same pure engine
 * the data process costs with, the same options it costs with, the same stripping of shares. The window
 * shows it at once and the data process's answer then replaces it (docs/performance.md, "Round 11: the
 * edit's figures predicted in the window", which states the rule for when the window predicts); an answer
 * equal to it keeps its records and figures, so nothing on screen renders again for them (`settle`).
 *
 * It predicts only what it can predict honestly, and says null otherwise:
 * - only `lines.update`, and only a change to the line's numeric schedule fields, which the data process
 *   stores as given (db/repositories/lines.ts `update`: scalar columns set) and which change nothing else
 *   in the year; a change to any other field (a name, a list, the tier) is not predicted;
 * - only a request the door accepts (the contract's own schema; backend/handlers/lines.ts makes the line
 *   `{...current, ...changes}` after its checks, and a refusal there puts the earlier view back);
 * - only from a view whose figures it has costed itself and found equal to the ones the view carries
 *   (`learn`, or a prediction the answer confirmed): the options (today, the week chosen) are then known
 *   to be the data process's, and the figures the same engine's;
 * - never a year beyond exact range (`FiguresTooLarge`): the data process refuses those edits;
 * - never on a file open read-only: every edit to it is refused.
 *
 * What the edit leaves alone keeps its identity: the other lines' records, and every costed object whose
 * figures did not move (the view's own objects, found by patching the view with what changed between the
 * engine's figures before and after), so a screen's memoised rows render again only where figures moved.
 * The engine's `YearCosting` is kept across the views of one file, so a prediction recosts only the lines
 * the edit touched (shared/engine/yearCosting.ts).
 */
import { costWithinExactRange, YearCosting, type CostedFigures, type CostOptions } from '../engine';
import type { InterventionLine } from '../domain';
import { linesOperations } from './lines';
import { withoutShares, type LineFiguresMemo } from './viewFigures';
import type { YearView } from './year';
import { applyValuePatch, diffValues } from './yearPatch';

/**
 * The line's fields an edit is predicted for: each a whole number the data process stores as given and that
 * changes only the line's own figures (and the totals, learners, staff and checks made from them).
 */
export const PREDICTED_LINE_FIELDS = ['minutesPerSession', 'planningMinutesPerSession', 'sessionsPerWeekHundredths', 'startWeek', 'weeks', 'groups', 'groupCapacity'] as const;

const PREDICTED = new Set<string>(PREDICTED_LINE_FIELDS);

type LineChanges = Partial<Pick<InterventionLine, (typeof PREDICTED_LINE_FIELDS)[number]>>;

/** The engine's options for a view, as the data process chose them when it costed the view (backend/session.ts `costOptions`). */
export function costOptionsOf(view: YearView): CostOptions {
  const { date, chosenWeek } = view.viewedOn;
  return chosenWeek === null ? { today: date } : { today: date, asAtWeek: chosenWeek };
}

/** A view and its figures as the engine made them (shares stripped): the pair a next prediction starts from. */
interface Known {
  view: YearView;
  figures: CostedFigures;
}

/** Predicted views of one open file's year, each from the last view known to carry the engine's own figures. */
export class PredictedViews {
  private costing = new YearCosting();
  private memo: LineFiguresMemo = new WeakMap();
  private known: Known | null = null;
  /**
   * The last prediction made, with its figures, the view it was made from and its input (as JSON): confirmed
   * by an answer equal to it, it becomes `known`; asked for again from the same view with the same input, it
   * is given again, not made again (a prediction made ahead, while the person typed: `predictAhead` in
   * renderer/state/editPrediction.ts).
   */
  private last: (Known & { from: YearView; input: string }) | null = null;

  /** Whether a prediction can start from `view` (it was learnt or confirmed). */
  knows(view: YearView): boolean {
    return this.known?.view === view;
  }

  /**
   * Cost `view`'s year as the data process did and keep it as a starting point when the figures are equal to
   * the ones it carries; says whether they were. Warms the engine too: the first prediction is then a recost
   * of one line, not a costing of the whole year.
   */
  learn(view: YearView): boolean {
    if (this.knows(view)) return true;
    const earlier = this.known?.view;
    // Another file or scenario: a costing of its own (records of another year are never the same objects).
    if (earlier && (earlier.file.path !== view.file.path || earlier.scenario?.id !== view.scenario?.id)) this.costing = new YearCosting();
    this.known = null;
    const figures = this.figuresOf(view.data, view);
    if (figures === null || diffValues(view.costed, figures) !== null) return false;
    this.known = { view, figures };
    return true;
  }

  /** The view `lines.update` with `input` will be answered with, from `view`; null when it cannot be told honestly. */
  lineUpdate(view: YearView, input: unknown): YearView | null {
    const known = this.known;
    if (!known || known.view !== view || view.file.readOnly) return null;
    const asked = JSON.stringify(input);
    if (this.last && this.last.from === view && this.last.input === asked) return this.last.view;
    const parsed = linesOperations['lines.update'].input.safeParse(input);
    if (!parsed.success) return null;
    const { id, changes } = parsed.data;
    const names = Object.keys(changes);
    if (names.length === 0 || names.some((name) => !PREDICTED.has(name))) return null;
    const line = view.data.lines.find((l) => l.id === id);
    if (!line) return null;
    const edited: InterventionLine = { ...line, ...(changes as LineChanges) };
    const data = { ...view.data, lines: view.data.lines.map((l) => (l === line ? edited : l)) };
    const figures = this.figuresOf(data, view);
    if (figures === null) return null;
    const moved = diffValues(known.figures, figures);
    const predicted: YearView = { ...view, data, costed: moved ? (applyValuePatch(view.costed, moved) as CostedFigures) : view.costed };
    this.last = { view: predicted, figures, from: view, input: asked };
    return predicted;
  }

  /**
   * The data process answered the edit `predicted` was made for; returns the view to show. An answer equal
   * to the prediction is shown with the prediction's own records and figures in it (equal to the answer's
   * and already on screen, so nothing drawn from them renders again), and with the answer's history, file
   * and version; the next prediction starts from that view. Any other answer is shown as it came.
   */
  settle(predicted: YearView, answered: YearView): YearView {
    const last = this.last;
    this.last = null;
    if (!last || last.view !== predicted) return answered;
    // Both are the view before with what changed applied, so unchanged parts are the same objects: quick to compare.
    if (diffValues(predicted.data, answered.data) !== null || diffValues(predicted.costed, answered.costed) !== null) return answered;
    if (diffValues(predicted.viewedOn, answered.viewedOn) !== null) return answered;
    const shown: YearView = { ...answered, data: predicted.data, costed: predicted.costed };
    this.known = { view: shown, figures: last.figures };
    return shown;
  }

  /** The engine's figures for `data` as `view` was costed, without shares; null when they are beyond exact range or the engine refuses. */
  private figuresOf(data: YearView['data'], view: YearView): CostedFigures | null {
    try {
      return withoutShares(costWithinExactRange(data, costOptionsOf(view), this.costing), this.memo);
    } catch {
      // Beyond exact range (the data process refuses the edit) or anything unforeseen: no prediction, and a
      // fresh costing, in case the one kept stopped half way.
      this.costing = new YearCosting();
      this.known = null;
      return null;
    }
  }
}
