/**
 * The school year indexed once per costing, so every later step looks records up in Maps instead of
 * scanning (a 2,000-learner, 150-line, 2,500-enrolment file must recost in a few milliseconds).
 */
import type { Enrolment, InterventionLine, Learner, SchoolYear, StaffMember, Tier } from '../domain';

export interface YearIndex {
  year: SchoolYear;
  tierById: Map<string, Tier>;
  lineById: Map<number, InterventionLine>;
  learnerById: Map<number, Learner>;
  staffById: Map<number, StaffMember>;
  /** The year's enrolments in id order (the year's own array when it is already in that order). */
  enrolmentsById: readonly Enrolment[];
  /** Each line's enrolments, in id order. */
  enrolmentsByLine: Map<number, Enrolment[]>;
  /** Each learner's enrolments, in id order. */
  enrolmentsByLearner: Map<number, Enrolment[]>;
  /** Teaching weeks in the calendar (N). */
  weeksInYear: number;
}

/**
 * `earlier`, when given, is an index of an earlier version of the year: each part of it whose list is the
 * same array in `year` (the reader hands out the same frozen list when a part did not change,
 * db/schoolYearReader.ts) is taken over instead of being built again. The Maps and arrays of an index are
 * never changed after it is made, so sharing them is safe.
 */
export function indexYear(year: SchoolYear, earlier?: YearIndex): YearIndex {
  /** The earlier index when `part` is the same list in both years. */
  const keptFor = (part: 'tiers' | 'lines' | 'learners' | 'staff' | 'enrolments'): YearIndex | undefined => (earlier?.year[part] === year[part] ? earlier : undefined);
  const kept = keptFor('enrolments');
  const { enrolmentsById, enrolmentsByLine, enrolmentsByLearner } = kept ?? indexEnrolments(year.enrolments);
  return {
    year,
    tierById: keptFor('tiers')?.tierById ?? byId(year.tiers),
    lineById: keptFor('lines')?.lineById ?? byId(year.lines),
    learnerById: keptFor('learners')?.learnerById ?? byId(year.learners),
    staffById: keptFor('staff')?.staffById ?? byId(year.staff),
    enrolmentsById,
    enrolmentsByLine,
    enrolmentsByLearner,
    weeksInYear: year.calendar.weekStarts.length,
  };
}

function indexEnrolments(enrolments: readonly Enrolment[]): Pick<YearIndex, 'enrolmentsById' | 'enrolmentsByLine' | 'enrolmentsByLearner'> {
  const enrolmentsByLine = new Map<number, Enrolment[]>();
  const enrolmentsByLearner = new Map<number, Enrolment[]>();
  const sorted = inIdOrder(enrolments) ? enrolments : [...enrolments].sort((a, b) => a.id - b.id);
  for (const e of sorted) {
    let l = enrolmentsByLine.get(e.lineId);
    if (!l) enrolmentsByLine.set(e.lineId, (l = []));
    l.push(e);
    let p = enrolmentsByLearner.get(e.learnerId);
    if (!p) enrolmentsByLearner.set(e.learnerId, (p = []));
    p.push(e);
  }
  return { enrolmentsById: sorted, enrolmentsByLine, enrolmentsByLearner };
}

/** Records by id (the last of a repeated id wins, as `new Map(pairs)` does), without an array of pairs. */
function byId<K, T extends { id: K }>(records: readonly T[]): Map<K, T> {
  const map = new Map<K, T>();
  for (const r of records) map.set(r.id, r);
  return map;
}

/** True when the records are in ascending id order already (files read from the database are), so no copy is sorted. */
export function inIdOrder(records: readonly { id: number }[]): boolean {
  for (let i = 1; i < records.length; i++) if ((records[i - 1] as { id: number }).id > (records[i] as { id: number }).id) return false;
  return true;
}

/** A line is ALP when its tier is marked ALP. A tier id missing from the tier list counts as not ALP. */
export function isAlpLine(index: YearIndex, line: InterventionLine): boolean {
  return index.tierById.get(line.tierId)?.isAlp ?? false;
}

/**
 * A line is costed per pupil on roll when its tier's costing mode is whole school. A tier id missing from
 * the tier list counts as shared (its cost is then shared to whoever is enrolled, never hidden).
 */
export function isWholeSchoolLine(index: YearIndex, line: InterventionLine): boolean {
  return index.tierById.get(line.tierId)?.costing === 'whole_school';
}
