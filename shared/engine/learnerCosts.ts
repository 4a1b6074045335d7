/**
 * Per-learner figures: the sum of a learner's shares, and the ALP contact minutes per week they are
 * enrolled for (compared with the minutes their IDP specifies by the alp_hours_short check).
 *
 * ALP minutes are measured at the as-at week: the provision a learner is getting now, so a learner whose
 * ALP block has ended and not been replaced shows short. Before the year starts (as-at week 0) they are
 * measured at the learner's peak week instead. Enrolled (planned) minutes: undelivered weeks are reported
 * by the alp_undelivered check, not subtracted here.
 */
import type { Enrolment } from '../domain';
import type { LearnerCost } from './types';
import { enrolledRange } from './shares';
import { isAlpLine, type YearIndex } from './yearIndex';
import { divideRoundedToNumber } from '../money';

export interface LearnerAlpMinutes {
  /** Exact hundredths of a minute per week. */
  hundredths: number;
  /** The week measured (the as-at week, or the peak week; null when the learner has no ALP). */
  week: number | null;
}

export function learnerAlpMinutes(index: YearIndex, learnerId: number, asAtWeek: number): LearnerAlpMinutes {
  const enrolments = index.enrolmentsByLearner.get(learnerId);
  if (enrolments === undefined) return { hundredths: 0, week: asAtWeek >= 1 ? asAtWeek : null };
  if (asAtWeek >= 1) {
    let hundredths = 0;
    for (const e of enrolments) {
      const line = index.lineById.get(e.lineId);
      if (!line || !isAlpLine(index, line)) continue;
      // enrolledRange, inline: the enrolment's weeks inside the line's run.
      const from = Math.max(e.startWeek, line.startWeek);
      const to = Math.min(e.endWeek, line.startWeek + line.weeks - 1);
      if (to >= from && from <= asAtWeek && asAtWeek <= to) hundredths += line.minutesPerSession * line.sessionsPerWeekHundredths;
    }
    return { hundredths, week: asAtWeek };
  }
  const ranges: { from: number; to: number; hundredths: number }[] = [];
  for (const e of enrolments) {
    const line = index.lineById.get(e.lineId);
    if (!line || !isAlpLine(index, line)) continue;
    const r = enrolledRange(e, line);
    if (r) ranges.push({ from: r.from, to: r.to, hundredths: line.minutesPerSession * line.sessionsPerWeekHundredths });
  }
  if (ranges.length === 0) return { hundredths: 0, week: null };
  let best = -1;
  let bestWeek = 0;
  for (const start of ranges) {
    // The peak is reached at the start of some range; the earliest such week is reported.
    let m = 0;
    for (const r of ranges) if (r.from <= start.from && start.from <= r.to) m += r.hundredths;
    if (m > best || (m === best && start.from < bestWeek)) {
      best = m;
      bestWeek = start.from;
    }
  }
  return { hundredths: best, week: bestWeek };
}

export function costLearners(index: YearIndex, penceByLearner: ReadonlyMap<number, number>, alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>): LearnerCost[] {
  return index.year.learners.map((l) => learnerCostOf(index, l.id, penceByLearner, alpMinutes));
}

/** One learner's figures: made from their pence, their ALP minutes and their enrolments alone. */
export function learnerCostOf(index: YearIndex, learnerId: number, penceByLearner: ReadonlyMap<number, number>, alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>): LearnerCost {
  return {
    learnerId,
    costPence: penceByLearner.get(learnerId) ?? 0,
    alpMinutesPerWeek: divideRoundedToNumber(alpMinutes.get(learnerId)?.hundredths ?? 0, 100),
    lineIds: distinctLineIds(index.enrolmentsByLearner.get(learnerId)),
  };
}

/** The distinct line ids of a learner's enrolments, ascending (a learner has a handful, so a scan beats a Set). */
function distinctLineIds(enrolments: readonly Enrolment[] | undefined): number[] {
  const ids: number[] = [];
  if (enrolments === undefined) return ids;
  let ascending = true;
  for (const e of enrolments) {
    if (ids.includes(e.lineId)) continue;
    if (ids.length > 0 && e.lineId < (ids[ids.length - 1] as number)) ascending = false;
    ids.push(e.lineId);
  }
  return ascending ? ids : ids.sort((a, b) => a - b);
}
