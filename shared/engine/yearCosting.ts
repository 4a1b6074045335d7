/**
 * Costing one open year again and again, as it is edited: `cost(year, options)` returns exactly what
 * `costSchoolYear(year, options)` returns, but a line whose inputs are the same objects as at the last
 * costing gets the same CostedLine object back instead of being costed again (docs/performance.md,
 * "Round 7: the edit's work in the data process").
 *
 * A line's figures (costSchoolYear.ts `costedLineOf`) are made from: the line record; its enrolments (the
 * list, compared record by record); the staff record each of its staff ids finds; whether its tier is
 * costed whole school; the as-at week; and the financial years and the week each falls in, which come from
 * the calendar and the school's academic year. The memo is keyed on all of them, records by identity (the
 * records of a year read from the file are frozen, and a re-read keeps the objects of unchanged records,
 * db/schoolYearReader.ts), values by value. So a caller must never change a record in place: a changed
 * record is a new object. Nor a list: the year's index is taken over part by part from the last costing's
 * when a list (the enrolments, the staff, ...) is the same array as then (yearIndex.ts `indexYear`). A line's impact row is remembered the same way: it is made from the line, its
 * CostedLine (by identity, so a line costed again gets a new row) and its enrolments alone.
 *
 * A learner's ALP minutes (learnerCosts.ts `learnerAlpMinutes`) and own checks (checks.ts `checksOfLearner`)
 * are remembered too, by learner id. Both are made from: the learner's enrolments (the list, compared record
 * by record); the line record each enrolment finds; the tiers by id (whether a line is ALP or whole school:
 * the same Map while the year's tier list is the same array); and the as-at week. The checks also read the
 * learner record, and the ALP minutes, which are made from the inputs above and so are the same when they
 * are. Pure: no I/O, no clock.
 */
import type { Calendar, Enrolment, InterventionLine, Learner, SchoolYear, StaffMember } from '../domain';
import { checksOfLearner } from './checks';
import { costedLineOf, costSchoolYearWith, type CostOptions, type LineCostingBasis } from './costSchoolYear';
import { lineImpact, type measureKey } from './impact';
import { learnerAlpMinutes, type LearnerAlpMinutes } from './learnerCosts';
import type { Check, CostedLine, CostedMap, LineImpact } from './types';
import { indexYear, type YearIndex } from './yearIndex';

interface LineMemo {
  line: InterventionLine;
  enrolments: readonly Enrolment[];
  /** The staff record each of the line's staff ids found (undefined when none), in the line's order. */
  staff: readonly (StaffMember | undefined)[];
  wholeSchool: boolean;
  asAtWeek: number;
  costed: CostedLine;
}

interface ImpactMemo {
  line: InterventionLine;
  costed: CostedLine | undefined;
  enrolments: readonly Enrolment[];
  impact: LineImpact;
}

/** What a learner's ALP minutes and own checks are made from, besides the learner record (yearCosting.ts header). */
interface LearnerInputs {
  enrolments: readonly Enrolment[] | undefined;
  /** The line record each of the enrolments found (undefined when none), in the enrolments' order. */
  lines: readonly (InterventionLine | undefined)[];
  tierById: YearIndex['tierById'];
  asAtWeek: number;
}

interface AlpMinutesMemo extends LearnerInputs {
  minutes: LearnerAlpMinutes;
}

interface LearnerChecksMemo extends LearnerInputs {
  learner: Learner;
  checks: readonly Check[];
}

export class YearCosting {
  /** The last costing's lines by line id. */
  private memo = new Map<number, LineMemo>();
  /** The last costing's impact rows by line id: a row is made from the line, its CostedLine and its enrolments alone. */
  private impacts = new Map<number, ImpactMemo>();
  /** The last costing's ALP minutes and own checks by learner id. */
  private alpMinutes = new Map<number, AlpMinutesMemo>();
  private learnerChecks = new Map<number, LearnerChecksMemo>();
  /** What the financial years of the last costing came from. */
  private calendar: Calendar | null = null;
  private academicYear: string | null = null;
  /** The last costing's index of the year: the parts of it whose lists are unchanged are kept (yearIndex.ts). */
  private index: YearIndex | undefined = undefined;
  /** CostedLines a costing by this object found to hold only exact whole numbers (shared/engine/exactFigures.ts). */
  readonly exactLines = new WeakSet<CostedLine>();

  cost(year: SchoolYear, options: CostOptions = {}): CostedMap {
    const sameYears = this.calendar === year.calendar && this.academicYear === year.school.academicYear;
    const earlier = sameYears ? this.memo : null;
    const next = new Map<number, LineMemo>();
    const nextImpacts = new Map<number, ImpactMemo>();
    const costLine = (line: InterventionLine, enrolments: readonly Enrolment[], wholeSchool: boolean, basis: LineCostingBasis): CostedLine => {
      const last = earlier?.get(line.id);
      if (
        last !== undefined &&
        last.line === line &&
        last.wholeSchool === wholeSchool &&
        last.asAtWeek === basis.asAtWeek &&
        sameRecords(last.enrolments, enrolments) &&
        sameStaff(last.staff, line, basis.staffById)
      ) {
        next.set(line.id, last);
        return last.costed;
      }
      const made = costedLineOf(line, enrolments, wholeSchool, basis);
      next.set(line.id, { line, enrolments, staff: line.staff.map((a) => basis.staffById.get(a.staffId)), wholeSchool, asAtWeek: basis.asAtWeek, costed: made });
      return made;
    };
    const impactOfLine = (line: InterventionLine, costed: CostedLine | undefined, enrolments: readonly Enrolment[], keyOf: typeof measureKey): LineImpact => {
      const last = this.impacts.get(line.id);
      if (last !== undefined && last.line === line && last.costed === costed && sameRecords(last.enrolments, enrolments)) {
        nextImpacts.set(line.id, last);
        return last.impact;
      }
      const made = lineImpact(line, costed, enrolments, keyOf);
      nextImpacts.set(line.id, { line, costed, enrolments, impact: made });
      return made;
    };
    const nextAlpMinutes = new Map<number, AlpMinutesMemo>();
    const nextLearnerChecks = new Map<number, LearnerChecksMemo>();
    const alpMinutesOf = (index: YearIndex, learnerId: number, asAtWeek: number): LearnerAlpMinutes => {
      const last = this.alpMinutes.get(learnerId);
      if (last !== undefined && sameLearnerInputs(last, index, learnerId, asAtWeek)) {
        nextAlpMinutes.set(learnerId, last);
        return last.minutes;
      }
      const minutes = learnerAlpMinutes(index, learnerId, asAtWeek);
      nextAlpMinutes.set(learnerId, { ...learnerInputs(index, learnerId, asAtWeek), minutes });
      return minutes;
    };
    const checksOf = (learner: Learner, index: YearIndex, asAtWeek: number, alpMinutes: LearnerAlpMinutes | undefined): readonly Check[] => {
      const last = this.learnerChecks.get(learner.id);
      if (last !== undefined && last.learner === learner && sameLearnerInputs(last, index, learner.id, asAtWeek)) {
        nextLearnerChecks.set(learner.id, last);
        return last.checks;
      }
      const checks = checksOfLearner(learner, index, asAtWeek, alpMinutes);
      nextLearnerChecks.set(learner.id, { ...learnerInputs(index, learner.id, asAtWeek), learner, checks });
      return checks;
    };
    const index = indexYear(year, this.index);
    const costed = costSchoolYearWith(year, options, costLine, impactOfLine, index, { alpMinutesOf, checksOfLearner: checksOf });
    // Only a costing that finished is remembered.
    this.index = index;
    this.memo = next;
    this.impacts = nextImpacts;
    this.alpMinutes = nextAlpMinutes;
    this.learnerChecks = nextLearnerChecks;
    this.calendar = year.calendar;
    this.academicYear = year.school.academicYear;
    return costed;
  }
}

function sameRecords<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether each of the line's staff ids finds the same staff record as when `staff` was taken. */
function sameStaff(staff: readonly (StaffMember | undefined)[], line: InterventionLine, staffById: LineCostingBasis['staffById']): boolean {
  for (let i = 0; i < line.staff.length; i++) if (staffById.get((line.staff[i] as { staffId: number }).staffId) !== staff[i]) return false;
  return true;
}

function learnerInputs(index: YearIndex, learnerId: number, asAtWeek: number): LearnerInputs {
  const enrolments = index.enrolmentsByLearner.get(learnerId);
  const lines = enrolments === undefined ? [] : enrolments.map((e) => index.lineById.get(e.lineId));
  return { enrolments, lines, tierById: index.tierById, asAtWeek };
}

/** Whether the learner's ALP minutes and own checks are made from the same inputs in `index` as when `last` was taken. */
function sameLearnerInputs(last: LearnerInputs, index: YearIndex, learnerId: number, asAtWeek: number): boolean {
  if (last.asAtWeek !== asAtWeek || last.tierById !== index.tierById) return false;
  const enrolments = index.enrolmentsByLearner.get(learnerId);
  if (enrolments === undefined || last.enrolments === undefined) return enrolments === last.enrolments;
  if (!sameRecords(last.enrolments, enrolments)) return false;
  for (let i = 0; i < enrolments.length; i++) if (index.lineById.get((enrolments[i] as Enrolment).lineId) !== last.lines[i]) return false;
  return true;
}
