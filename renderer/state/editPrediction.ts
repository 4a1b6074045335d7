/**
 * The window's predictions of an edit's figures (shared/api/predictedView.ts), loaded only when an editor
 * that can use them first opens: the engine is not part of the first paint (docs/performance.md, "Round 11").
 * Until it has loaded, and for any view it has not yet costed itself, nothing is predicted and an edit shows
 * its figures when the answer comes, as before.
 *
 * Each view shown is learnt (costed once and compared with the figures it carries) when the window is idle,
 * so the prediction at the next Tab starts from it and recosts one line.
 */
import type { MutationName } from './store';
import type { YearView } from '../../shared/api/year';
import type { PredictedViews } from '../../shared/api/predictedView';

let predictions: PredictedViews | null = null;
let loading: Promise<void> | null = null;
/** The view to learn when the window is next idle (only the latest view shown is worth learning). */
let toLearn: YearView | null = null;
let learnScheduled = false;
/** The prediction on screen while its answer is awaited: never learnt (the answer replaces it). */
let awaited: YearView | null = null;
/** The edit the person is typing, to predict when the window is next idle (only the latest value is worth it). */
let ahead: { read: () => YearView | null; input: unknown } | null = null;
let aheadScheduled = false;

const whenIdle: (work: () => void) => void = typeof requestIdleCallback === 'function' ? (work) => requestIdleCallback(work, { timeout: 2000 }) : (work) => setTimeout(work, 50);

/** Load the predictions (once), then learn `view` when idle. */
export function loadEditPrediction(view: YearView | null): Promise<void> {
  loading ??= import('../../shared/api/predictedView').then((module) => {
    predictions = new module.PredictedViews();
  });
  return loading.then(() => viewShown(view ?? toLearn));
}

/** A view was put on screen: learn it when idle (once the predictions are loaded). */
export function viewShown(view: YearView | null): void {
  toLearn = view;
  if (!predictions || !view || view === awaited || predictions.knows(view) || learnScheduled) return;
  learnScheduled = true;
  whenIdle(() => {
    learnScheduled = false;
    const latest = toLearn;
    if (predictions && latest && latest !== awaited && !predictions.knows(latest)) predictions.learn(latest);
  });
}

/**
 * The edit a value being typed will make, predicted when the window is next idle, from the view then shown
 * (`read`), so that the Tab that commits it finds its prediction made (`predictedView` gives it again for
 * the same view and input) and the frame after the Tab does not wait for the engine (docs/performance.md,
 * "Round 18"). Nothing is predicted ahead while a prediction awaits its answer, or from a view not learnt.
 */
export function predictAhead(read: () => YearView | null, name: MutationName, input: unknown): void {
  if (!predictions || name !== 'lines.update') return;
  ahead = { read, input };
  if (aheadScheduled) return;
  aheadScheduled = true;
  whenIdle(() => {
    aheadScheduled = false;
    const next = ahead;
    ahead = null;
    const view = next?.read() ?? null;
    if (!predictions || !next || !view || awaited !== null || !predictions.knows(view)) return;
    try {
      predictions.lineUpdate(view, next.input);
    } catch {
      // No prediction ahead: the Tab makes it, as it would have.
    }
  });
}

/**
 * The view `name` with `input` will be answered with, from `view`; null when it is not predicted. A
 * prediction that fails is no prediction: the edit is saved and its answer shown as before predictions.
 */
export function predictedView(view: YearView | null, name: MutationName, input: unknown): YearView | null {
  if (!predictions || !view || name !== 'lines.update') return null;
  try {
    awaited = predictions.lineUpdate(view, input);
  } catch {
    awaited = null;
  }
  return awaited;
}

/**
 * The answer to a predicted edit came: the view to show for it. An answer equal to the prediction keeps the
 * prediction's records and figures (nothing on screen renders again for them) and is the next prediction's
 * starting point.
 */
export function predictionAnswered(predicted: YearView, answered: YearView): YearView {
  if (awaited === predicted) awaited = null;
  return predictions ? predictions.settle(predicted, answered) : answered;
}

/** A predicted edit was refused: its prediction is no longer awaited (the view before it is shown again). */
export function predictionRefused(predicted: YearView): void {
  if (awaited === predicted) awaited = null;
}

/** Whether `view` is a prediction on screen whose edit has not been answered yet. */
export function awaitsAnswer(view: YearView): boolean {
  return view === awaited;
}

/** Whether an edit from `view` can be predicted now (the predictions loaded and `view` learnt). */
export function predictsFrom(view: YearView | null): boolean {
  return predictions !== null && view !== null && predictions.knows(view);
}
