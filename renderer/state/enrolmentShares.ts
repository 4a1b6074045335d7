/**
 * The enrolments' shares of their lines' costs, for a screen that shows them (a line's enrolments, a
 * learner's page). A view of the year leaves them out, so they are fetched here (`year.shares`, in the
 * queue after any edit already asked for) and again whenever the view's figures change
 * (docs/performance.md).
 */
import { useEffect, useState } from 'react';
import { queuedCall } from './callQueue';
import { useMapio } from './store';

/** Each enrolment's share of its line's cost in pence, by enrolment id; null until the answer arrives. */
export function useEnrolmentShares(of: { lineId: number } | { learnerId: number }): ReadonlyMap<number, number> | null {
  const costed = useMapio((s) => s.view?.costed);
  const lineId = 'lineId' in of ? of.lineId : null;
  const learnerId = 'learnerId' in of ? of.learnerId : null;
  const [shares, setShares] = useState<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (!costed) return;
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
  }, [costed, lineId, learnerId]);
  return shares;
}
