/**
 * The enrolments' shares of their lines' costs, for a screen that shows them (a line's enrolments, a
 * learner's page). A view of the year leaves them out, so they are fetched here (`year.shares`, in the
 * queue after any edit already asked for) and again whenever the view's figures change
 * (docs/performance.md), with two exceptions that save a call to the data process on an edit:
 * - no enrolments on the line (or of the learner): there is nothing to share, so nothing is asked;
 * - figures the window predicted for an edit not yet answered (renderer/state/editPrediction.ts): the
 *   answer is a view of its own and its shares are fetched then. The shares shown meanwhile are the last
 *   ones fetched, as they were while that fetch waited behind the edit in the queue.
 */
import { useEffect, useMemo, useState } from 'react';
import { queuedCall } from './callQueue';
import { awaitsAnswer } from './editPrediction';
import { useMapio } from './store';

type SharesOf = { lineId: number } | { learnerId: number };

const NO_SHARES: ReadonlyMap<number, number> = new Map();

/** Each enrolment's share of its line's cost in pence, by enrolment id; null until the answer arrives. */
export function useEnrolmentShares(of: SharesOf): ReadonlyMap<number, number> | null {
  const view = useMapio((s) => s.view);
  const costed = view?.costed;
  const lineId = 'lineId' in of ? of.lineId : null;
  const learnerId = 'learnerId' in of ? of.learnerId : null;
  const enrolments = view?.data.enrolments;
  const enrolled = useMemo(
    () => (enrolments ? (lineId !== null ? enrolments.some((e) => e.lineId === lineId) : enrolments.some((e) => e.learnerId === learnerId)) : false),
    [enrolments, lineId, learnerId],
  );
  const predicted = view ? awaitsAnswer(view) : false;
  const [shares, setShares] = useState<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (!costed || predicted) return;
    if (!enrolled) {
      setShares(NO_SHARES);
      return;
    }
    let current = true;
    const input = lineId !== null ? { lineId } : { learnerId: learnerId as number };
    queuedCall('year.shares', input).then(
      (found) => {
        if (current) setShares(new Map(found.map((s) => [s.enrolmentId, s.pence])));
      },
      () => {
        // The figures beside them are still shown; a share that could not be fetched shows as a dash.
        if (current) setShares(null);
      },
    );
    return () => {
      current = false;
    };
  }, [costed, predicted, enrolled, lineId, learnerId]);
  return shares;
}
