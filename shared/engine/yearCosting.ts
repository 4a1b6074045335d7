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
 * CostedLine (by identity, so a line costed again gets a new row) and its enrolments alone. Pure: no I/O, no clock.
 */
import type { Calendar, Enrolment, InterventionLine, SchoolYear, StaffMember } from '../domain';
import { costedLineOf, costSchoolYearWith, type CostOptions, type LineCostingBasis } from './costSchoolYear';
import { lineImpact, type measureKey } from './impact';
import type { CostedLine, CostedMap, LineImpact } from './types';
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

export class YearCosting {
  /** The last costing's lines by line id. */
  private memo = new Map<number, LineMemo>();
  /** The last costing's impact rows by line id: a row is made from the line, its CostedLine and its enrolments alone. */
  private impacts = new Map<number, ImpactMemo>();
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
    const index = indexYear(year, this.index);
    const costed = costSchoolYearWith(year, options, costLine, impactOfLine, index);
    // Only a costing that finished is remembered.
    this.index = index;
    this.memo = next;
    this.impacts = nextImpacts;
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
