/**
 * The figures a view of the year carries: the engine's costed map without each line's per-learner shares
 * (`year.shares` answers those; docs/performance.md). One function for the data process, which answers
 * views, and the window, which predicts the view an edit will be answered with (shared/api/predictedView.ts):
 * both must strip alike, or a prediction would differ from its answer.
 */
import type { CostedFigures, CostedLine, CostedLineFigures, CostedMap } from '../engine';

/**
 * Each costed line's figures without its shares, made once per CostedLine: a line the costing reused is the
 * same object in the next costing, so its figures are the same object in the next view (a patch passes
 * over it at once; a screen's memoised row is not rendered again).
 */
export type LineFiguresMemo = WeakMap<CostedLine, CostedLineFigures>;

/** `costed` as a view carries it: every line's figures without its shares, the rest as it is. */
export function withoutShares(costed: CostedMap, memo: LineFiguresMemo): CostedFigures {
  const lines = costed.lines.map((line) => {
    let figures = memo.get(line);
    if (figures === undefined) {
      const { shares: _shares, ...rest } = line;
      memo.set(line, (figures = rest));
    }
    return figures;
  });
  return { ...costed, lines };
}
