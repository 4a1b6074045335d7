/**
 * A return's headline figures: what an officer compares when a newer return replaces the one held for a
 * school and year (roll, learners with ALN, committed spend, income, budget position). Pure.
 */
import type { Pence } from '../domain';
import type { AuthorityReturn, ReturnCount } from './returnFormat';

export interface ReturnHeadline {
  /** When Mapio wrote the return (ISO date-time), or null for a return from before version 4. */
  writtenAt: string | null;
  numberOnRoll: number;
  learnersWithAln: ReturnCount;
  committedPence: Pence;
  incomePence: Pence;
  positionPence: Pence;
}

/** The return held and the newer one offered in its place, side by side. */
export interface ReturnChanges {
  held: ReturnHeadline & { fileName: string };
  incoming: ReturnHeadline & { fileName: string };
}

export function headlineOf(ret: AuthorityReturn): ReturnHeadline {
  return {
    writtenAt: ret.writtenAt,
    numberOnRoll: ret.school.numberOnRoll,
    learnersWithAln: ret.counts.learnersWithAln,
    committedPence: ret.budget.chargedPence,
    incomePence: ret.budget.incomePence,
    positionPence: ret.budget.positionPence,
  };
}

/** Which return is newer by the time Mapio wrote them; null when either does not say (a return from before version 4). */
export function newerOf(incoming: string | null, held: string | null): 'incoming' | 'held' | 'same' | null {
  if (incoming === null || held === null) return null;
  return incoming > held ? 'incoming' : incoming < held ? 'held' : 'same';
}
