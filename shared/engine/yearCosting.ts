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
 * are.
 *
 * The whole-year parts are kept from the last costing that finished (docs/performance.md, "Round 8: the
 * recost after an edit" and "Round 11: the recost after an edit"), each keyed on what it is made from: with
 * the same learner list, enrolments, tiers and as-at week only the learners on a line whose record changed
 * in a field they read (`sameForLearners`) are looked at again (their ALP minutes, own checks, figures);
 * with the lines in the same places and a line's other inputs the same, a place whose line record is the
 * same object keeps its figures and impact row, unlooked-up; and a learner's pence are summed again only when a line sharing to them was costed
 * again; each part of the checks (checks.ts `CheckParts`), the staff allocations, the learner counts and
 * decision clocks, and the impact report's learners are kept while their inputs are; and what the lines add
 * up to (the totals and breakdowns) is the last sums with the few lines that changed taken out and put in
 * again, where that is exactly a fresh sum (totals.ts header). Pure: no I/O, no clock.
 */
import type { Calendar, Enrolment, InterventionLine, Learner, SchoolYear, StaffMember } from '../domain';
import {
  checkParts,
  checksOfLearner,
  checksOfParts,
  decisionChecks,
  enrolmentChecks,
  incomeChecks,
  learnersChecksOf,
  lineChecks,
  reviewChecks,
  staffChecks,
  type CheckInputs,
  type CheckParts,
  type LearnerChecker,
} from './checks';
import {
  costedLineOf,
  costedLinesOf,
  costSchoolYearWith,
  learnerCountsOf,
  penceByLearnerOf,
  resolveAsAtWeek,
  type CostOptions,
  type LearnerCounts,
  type LineCoster,
  type LineCostingBasis,
} from './costSchoolYear';
import { learnerImpacts, lineImpact, lineImpactsOf, type LineImpactsOf, type measureKey } from './impact';
import { costLearners, learnerAlpMinutes, learnerCostOf, type LearnerAlpMinutes } from './learnerCosts';
import type { Check, CostedLine, CostedMap, LearnerCost, LearnerImpact, LineImpact, StaffAllocation } from './types';
import { indexYear, isAlpLine, isWholeSchoolLine, type YearIndex } from './yearIndex';
import { allocateStaff } from './staffAllocation';
import { lineSumsAfter, lineSumsOf, type LineChange, type LineSums } from './totals';

interface LineMemo {
  line: InterventionLine;
  enrolments: readonly Enrolment[];
  /** The staff record each of the line's staff ids found (undefined when none), in the line's order. */
  staff: readonly (StaffMember | undefined)[];
  /** Where they were found: the same table again (the staff list unchanged) finds the same records for the same line. */
  staffById: LineCostingBasis['staffById'];
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

/** What the last costing that finished made of the year as a whole, for the next one to take over where its inputs are the same. */
interface LastCosting {
  index: YearIndex;
  asAtWeek: number;
  today: string | undefined;
  /** The CostedLines, in the year's line order. */
  costedLines: readonly CostedLine[];
  /** Each line id's place in the year's line order (null when a line id is repeated). */
  linePlaces: ReadonlyMap<number, number> | null;
  /** Changed in place by the next costing (TableWrites), which takes its changes back if it throws. */
  alpMinutes: Map<number, LearnerAlpMinutes>;
  pence: Map<number, number>;
  learners: readonly LearnerCost[];
  /** Each learner id's place in the year's learner order (null when a learner id is repeated). */
  learnerPlaces: ReadonlyMap<number, number> | null;
  counts: LearnerCounts;
  /** The decision clocks and financial years the checks were made from, and the checks, whole and in parts. */
  decisions: CheckInputs['decisions'];
  financialYears: CheckInputs['financialYears'];
  checkParts: CheckParts;
  checks: Check[];
  /** The impact report's learners' part, and its line rows in the year's line order. */
  impactLearners: LearnerImpact[];
  impactLines: readonly LineImpact[];
  /** The staff allocations, and each staff id's place in the staff list (null when an id is repeated). */
  staff: StaffAllocation[];
  staffPlaces: ReadonlyMap<number, number> | null;
  /** What the lines add up to (totals.ts `LineSums`). */
  lineSums: LineSums;
}

/**
 * Changes a costing makes in place to tables the last costing left, each written down so that a costing
 * that throws can take them all back: the tables are then as the last costing that finished left them,
 * without copying every table on each costing. The tables are read by key alone, never in order.
 */
class TableWrites {
  private readonly undo: (() => void)[] = [];

  set<K, V>(table: Map<K, V>, key: K, value: V): void {
    this.remember(table, key);
    table.set(key, value);
  }

  delete<K, V>(table: Map<K, V>, key: K): void {
    this.remember(table, key);
    table.delete(key);
  }

  /** Every change undone, the last first. */
  takeBack(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) (this.undo[i] as () => void)();
    this.undo.length = 0;
  }

  private remember<K, V>(table: Map<K, V>, key: K): void {
    if (table.has(key)) {
      const was = table.get(key) as V;
      this.undo.push(() => table.set(key, was));
    } else this.undo.push(() => table.delete(key));
  }
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
  /** The last costing's whole-year parts. */
  private last: LastCosting | undefined = undefined;
  /** The last of its costings found to hold only exact whole numbers (shared/engine/exactFigures.ts). */
  lastExact: CostedMap | undefined = undefined;

  cost(year: SchoolYear, options: CostOptions = {}): CostedMap {
    const sameYears = this.calendar === year.calendar && this.academicYear === year.school.academicYear;
    const earlier = sameYears ? this.memo : null;
    const index = indexYear(year, this.index);
    const asAtWeek = resolveAsAtWeek(year, options);
    const last = this.last;
    // Changes made in place to the last costing's tables, written down to be taken back if this costing throws.
    const writes = new TableWrites();
    // The lines in the same places as at the last costing (each place the same line id, no id repeated), and
    // every input of a line besides its record the same (its enrolments, the tiers, the staff, the as-at
    // week, the financial years): a place whose line record is the same object keeps the last costing's
    // figures and impact row there, without a memo lookup, and the line memos are changed in place for the
    // few others. Otherwise the memos are made afresh, holding the year's lines alone.
    const linesInPlace =
      last !== undefined &&
      sameYears &&
      index.enrolmentsByLine === last.index.enrolmentsByLine &&
      index.tierById === last.index.tierById &&
      index.staffById === last.index.staffById &&
      asAtWeek === last.asAtWeek &&
      uniqueLineIds(index) &&
      sameLinePlaces(last.index.year.lines, year.lines);
    const next = linesInPlace ? this.memo : new Map<number, LineMemo>();
    const nextImpacts = linesInPlace ? this.impacts : new Map<number, ImpactMemo>();
    const costLine = (line: InterventionLine, enrolments: readonly Enrolment[], wholeSchool: boolean, basis: LineCostingBasis): CostedLine => {
      const last = earlier?.get(line.id);
      if (
        last !== undefined &&
        last.line === line &&
        last.wholeSchool === wholeSchool &&
        last.asAtWeek === basis.asAtWeek &&
        sameRecords(last.enrolments, enrolments) &&
        (last.staffById === basis.staffById || sameStaff(last.staff, line, basis.staffById))
      ) {
        if (next !== earlier) next.set(line.id, last);
        return last.costed;
      }
      const made = costedLineOf(line, enrolments, wholeSchool, basis);
      const entry: LineMemo = { line, enrolments, staff: line.staff.map((a) => basis.staffById.get(a.staffId)), staffById: basis.staffById, wholeSchool, asAtWeek: basis.asAtWeek, costed: made };
      if (next === earlier) writes.set(next, line.id, entry);
      else next.set(line.id, entry);
      return made;
    };
    const impactOfLine = (line: InterventionLine, costed: CostedLine | undefined, enrolments: readonly Enrolment[], keyOf: typeof measureKey): LineImpact => {
      const last = this.impacts.get(line.id);
      if (last !== undefined && last.line === line && last.costed === costed && sameRecords(last.enrolments, enrolments)) {
        if (nextImpacts !== this.impacts) nextImpacts.set(line.id, last);
        return last.impact;
      }
      const made = lineImpact(line, costed, enrolments, keyOf);
      if (nextImpacts === this.impacts) writes.set(nextImpacts, line.id, { line, costed, enrolments, impact: made });
      else nextImpacts.set(line.id, { line, costed, enrolments, impact: made });
      return made;
    };
    // With the lines in place, only the places whose line record changed are costed again (and their rows
    // made again, with those whose costed line changed); every other place keeps the last costing's.
    const costedLinesOfYear = (y: SchoolYear, yIndex: YearIndex, basis: LineCostingBasis, costLineOf: LineCoster): CostedLine[] => {
      if (!linesInPlace || y !== year || yIndex !== index) return costedLinesOf(y, yIndex, basis, costLineOf);
      const before = last.index.year.lines;
      const costedLines = last.costedLines.slice();
      for (let i = 0; i < y.lines.length; i++) {
        const line = y.lines[i] as InterventionLine;
        if (line !== before[i]) costedLines[i] = costLineOf(line, yIndex.enrolmentsByLine.get(line.id) ?? NO_ENROLMENTS, isWholeSchoolLine(yIndex, line), basis);
      }
      return costedLines;
    };
    const lineImpactsOfYear: LineImpactsOf = (y, costedLines, yIndex, impactOfLineBy, keyOf) => {
      if (!linesInPlace || y !== year || yIndex !== index || costedLines.length !== y.lines.length) return lineImpactsOf(y, costedLines, yIndex, impactOfLineBy, keyOf);
      const before = last.index.year.lines;
      const rows = last.impactLines.slice();
      for (let i = 0; i < y.lines.length; i++) {
        const line = y.lines[i] as InterventionLine;
        const costed = costedLines[i] as CostedLine;
        if (line !== before[i] || costed !== last.costedLines[i]) rows[i] = impactOfLineBy(line, costed, yIndex.enrolmentsByLine.get(line.id) ?? NO_ENROLMENTS, keyOf);
      }
      return rows;
    };

    // The ids of the lines whose record is not the same object as at the last costing: walked for once.
    let changedLines: ReadonlySet<number> | undefined;
    const linesChangedSince = (earlier: LastCosting, now: YearIndex): ReadonlySet<number> =>
      earlier === last && now === index ? (changedLines ??= changedIds(earlier.index.lineById, index.lineById)) : changedIds(earlier.index.lineById, now.lineById);
    // The learners whose ALP minutes and own checks may differ from the last costing's: those enrolled on a
    // line whose record changed in a field they read (`sameForLearners`), when nothing else they are made
    // from did (the learner list, the enrolments, the tiers, the as-at week: yearCosting.ts header). Null:
    // any learner may.
    const mayDiffer =
      last !== undefined &&
      index.learnerById === last.index.learnerById &&
      index.enrolmentsByLine === last.index.enrolmentsByLine &&
      index.tierById === last.index.tierById &&
      asAtWeek === last.asAtWeek
        ? learnersOn(linesLearnersReadChanged(linesChangedSince(last, index), last.index, index), index)
        : null;

    // With only some learners to look at again, the tables of ALP minutes and checks (and the last costing's
    // minutes and pence) are changed in place, each change written down so that a costing that throws
    // leaves them as the last one that finished left them; otherwise they are made afresh.
    const nextAlpMinutes = mayDiffer === null ? new Map<number, AlpMinutesMemo>() : this.alpMinutes;
    const nextLearnerChecks = mayDiffer === null ? new Map<number, LearnerChecksMemo>() : this.learnerChecks;
    const alpMinutesOfOne = (learnerId: number): LearnerAlpMinutes => {
      const earlierMinutes = this.alpMinutes.get(learnerId);
      if (earlierMinutes !== undefined && sameLearnerInputs(earlierMinutes, index, learnerId, asAtWeek)) {
        writes.set(nextAlpMinutes, learnerId, earlierMinutes);
        return earlierMinutes.minutes;
      }
      const made = learnerAlpMinutes(index, learnerId, asAtWeek);
      // Equal minutes keep the earlier object, so what is made from them can be kept too.
      const minutes = earlierMinutes !== undefined && earlierMinutes.minutes.hundredths === made.hundredths && earlierMinutes.minutes.week === made.week ? earlierMinutes.minutes : made;
      const { enrolments, lines } = learnerInputs(index, learnerId);
      writes.set(nextAlpMinutes, learnerId, { enrolments, lines, tierById: index.tierById, asAtWeek, minutes });
      return minutes;
    };
    let alpMinutesTable: Map<number, LearnerAlpMinutes> | undefined;
    const alpMinutesOf = (): ReadonlyMap<number, LearnerAlpMinutes> => {
      if (last === undefined || mayDiffer === null) {
        alpMinutesTable = new Map<number, LearnerAlpMinutes>();
        for (const l of year.learners) alpMinutesTable.set(l.id, alpMinutesOfOne(l.id));
        return alpMinutesTable;
      }
      // Every other learner's minutes are the last costing's (the same learners: the list is the same array).
      alpMinutesTable = last.alpMinutes;
      for (const id of mayDiffer) if (index.learnerById.has(id)) writes.set(alpMinutesTable, id, alpMinutesOfOne(id));
      return alpMinutesTable;
    };
    const checksOf = (learner: Learner, _index: YearIndex, _asAtWeek: number, alpMinutes: LearnerAlpMinutes | undefined): readonly Check[] => {
      const earlierChecks = this.learnerChecks.get(learner.id);
      if (earlierChecks !== undefined && earlierChecks.learner === learner) {
        if (mayDiffer !== null && !mayDiffer.has(learner.id)) return earlierChecks.checks; // kept in nextLearnerChecks already
        if (sameLearnerInputs(earlierChecks, index, learner.id, asAtWeek)) {
          writes.set(nextLearnerChecks, learner.id, earlierChecks);
          return earlierChecks.checks;
        }
      }
      const made = checksOfLearner(learner, index, asAtWeek, alpMinutes);
      // Checks equal in value keep the earlier list, so the learners' part of the checks can be kept too.
      const checks = earlierChecks !== undefined && sameChecks(made, earlierChecks.checks) ? earlierChecks.checks : made;
      const { enrolments, lines } = learnerInputs(index, learner.id);
      writes.set(nextLearnerChecks, learner.id, { enrolments, lines, tierById: index.tierById, asAtWeek, learner, checks });
      return checks;
    };

    let made: Pick<LastCosting, 'costedLines' | 'linePlaces' | 'alpMinutes' | 'pence' | 'learners' | 'learnerPlaces'> | undefined;
    const learnersOf = (_index: YearIndex, costedLines: readonly CostedLine[], alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>): LearnerCost[] => {
      const linePlaces = last !== undefined && sameLineOrder(last.costedLines, costedLines) ? last.linePlaces : placesOf(costedLines, (c) => c.lineId);
      const learnerPlaces = last !== undefined && index.learnerById === last.index.learnerById ? last.learnerPlaces : placesOf(year.learners, (l) => l.id);
      const alpMinutesMade = alpMinutes === alpMinutesTable ? alpMinutesTable : new Map(alpMinutes);
      if (last === undefined || mayDiffer === null || linePlaces === null || learnerPlaces === null || linePlaces !== last.linePlaces) {
        const pence = penceByLearnerOf(costedLines);
        const learners = costLearners(index, pence, alpMinutes);
        made = { costedLines, linePlaces, alpMinutes: alpMinutesMade, pence, learners, learnerPlaces };
        return learners;
      }
      // The same lines in the same order, the same learners and enrolments: a learner's pence can differ only
      // when a line they have a share in (before or now) was costed again; their figures only then, or when
      // their ALP minutes may differ.
      const pence = last.pence;
      const again = new Set(mayDiffer);
      for (let i = 0; i < costedLines.length; i++) {
        const before = last.costedLines[i] as CostedLine;
        const now = costedLines[i] as CostedLine;
        if (before === now) continue;
        for (const s of before.shares) again.add(s.learnerId);
        for (const s of now.shares) again.add(s.learnerId);
      }
      for (const id of again) {
        const sum = penceOf(id, index, costedLines, linePlaces);
        if (sum === undefined) writes.delete(pence, id);
        else writes.set(pence, id, sum);
      }
      const learners = last.learners.slice();
      for (const id of again) {
        const place = learnerPlaces.get(id);
        if (place !== undefined) learners[place] = learnerCostOf(index, id, pence, alpMinutes);
      }
      made = { costedLines, linePlaces, alpMinutes: alpMinutesMade, pence, learners, learnerPlaces };
      return learners;
    };
    let counts: LearnerCounts | undefined;
    const countsOf = (y: SchoolYear, today: string | undefined): LearnerCounts => {
      counts = last !== undefined && last.index.year.learners === y.learners && last.index.year.calendar === y.calendar && last.today === today ? last.counts : learnerCountsOf(y, today);
      return counts;
    };

    let checked: Pick<LastCosting, 'decisions' | 'financialYears' | 'checkParts' | 'checks'> | undefined;
    const checksOfYear = (input: CheckInputs): Check[] => {
      const parts = last === undefined ? checkParts(input) : this.checkParts(input, last, mayDiffer, checksOf, linesChangedSince(last, input.index));
      const before = last?.checkParts;
      const same = before !== undefined && (Object.keys(parts) as (keyof CheckParts)[]).every((part) => parts[part] === before[part]);
      const checks = same ? (last as LastCosting).checks : checksOfParts(parts);
      checked = { decisions: input.decisions, financialYears: input.financialYears, checkParts: parts, checks };
      return checks;
    };

    let impactLearners: LearnerImpact[] | undefined;
    // Made from the enrolments and the year's line ids alone (impact.ts `learnerImpacts`).
    const learnerImpactsOf = (_index: YearIndex, keyOf: typeof measureKey): LearnerImpact[] => {
      impactLearners =
        last !== undefined && index.enrolmentsById === last.index.enrolmentsById && sameLineIds(last.index.lineById, index.lineById) ? last.impactLearners : learnerImpacts(index, keyOf);
      return impactLearners;
    };

    let staffAllocations: Pick<LastCosting, 'staff' | 'staffPlaces'> | undefined;
    // A person's allocation is made from their staff record, the lines they are on and their other costs,
    // in the year's order, alone (staffAllocation.ts): with the same staff and other costs, only the people
    // on a line whose record changed (before or now) are allocated again.
    const staffOf = (y: SchoolYear, yIndex: YearIndex): StaffAllocation[] => {
      const staffPlaces = last !== undefined && y.staff === last.index.year.staff ? last.staffPlaces : placesOf(y.staff, (s) => s.id);
      if (last === undefined || staffPlaces === null || y.staff !== last.index.year.staff || y.otherCosts !== last.index.year.otherCosts || !uniqueLineIds(last.index) || !uniqueLineIds(yIndex)) {
        staffAllocations = { staff: allocateStaff(y.staff, y.lines, y.otherCosts, yIndex.weeksInYear), staffPlaces };
        return staffAllocations.staff;
      }
      const again = new Set<number>();
      for (const id of linesChangedSince(last, yIndex)) {
        for (const a of last.index.lineById.get(id)?.staff ?? []) again.add(a.staffId);
        for (const a of yIndex.lineById.get(id)?.staff ?? []) again.add(a.staffId);
      }
      const staff = again.size === 0 ? last.staff : last.staff.slice();
      const people = y.staff.filter((s) => again.has(s.id));
      if (people.length > 0) for (const allocation of allocateStaff(people, y.lines, y.otherCosts, yIndex.weeksInYear)) staff[staffPlaces.get(allocation.staffId) as number] = allocation;
      staffAllocations = { staff, staffPlaces };
      return staff;
    };

    let sums: LineSums | undefined;
    const lineSumsOfYear = (yIndex: YearIndex, costedLines: readonly CostedLine[]): LineSums => {
      sums = (last !== undefined && yIndex === index ? lineSumsSince(last, index, costedLines) : undefined) ?? lineSumsOf(yIndex, costedLines);
      return sums;
    };

    let costed: CostedMap;
    try {
      costed = costSchoolYearWith(year, options, costLine, impactOfLine, index, {
        staffOf,
        alpMinutesOf,
        checksOfLearner: checksOf,
        learnersOf,
        countsOf,
        checksOf: checksOfYear,
        learnerImpactsOf,
        lineSumsOf: lineSumsOfYear,
        costedLinesOf: costedLinesOfYear,
        lineImpactsOf: lineImpactsOfYear,
      });
    } catch (error) {
      writes.takeBack();
      throw error;
    }
    // Only a costing that finished is remembered.
    this.index = index;
    this.memo = next;
    this.impacts = nextImpacts;
    this.alpMinutes = nextAlpMinutes;
    this.learnerChecks = nextLearnerChecks;
    this.calendar = year.calendar;
    this.academicYear = year.school.academicYear;
    this.last =
      made && counts && checked && impactLearners && staffAllocations && sums
        ? // Written out field by field: spreading three objects into a new literal was a costly step of an edit's recost (a CPU profile).
          {
            costedLines: made.costedLines,
            linePlaces: made.linePlaces,
            alpMinutes: made.alpMinutes,
            pence: made.pence,
            learners: made.learners,
            learnerPlaces: made.learnerPlaces,
            decisions: checked.decisions,
            financialYears: checked.financialYears,
            checkParts: checked.checkParts,
            checks: checked.checks,
            staff: staffAllocations.staff,
            staffPlaces: staffAllocations.staffPlaces,
            index,
            asAtWeek,
            today: options.today,
            counts,
            impactLearners,
            impactLines: costed.impact.lines,
            lineSums: sums,
          }
        : undefined;
    return costed;
  }

  /**
   * The check parts for `input`, each part the last costing's when what it is made from is the same
   * (checks.ts `CheckParts` says what each reads): the decision clocks (the same array); the learners'
   * checks, when only the learners in `mayDiffer` may have other inputs and each of them has the same checks
   * as before; the staff checks when equal in value; the line and enrolment checks while the enrolments are
   * the same array and every line whose record changed keeps its id, run (and for the line checks its
   * places); the review checks while the learner list is the same array and today the same; the income
   * checks while the income list is the same array and the financial years the same.
   */
  private checkParts(input: CheckInputs, last: LastCosting, mayDiffer: ReadonlySet<number> | null, checksOf: LearnerChecker, changedLines: ReadonlySet<number>): CheckParts {
    const { index } = input;
    const before = last.checkParts;
    const learners = (): readonly Check[] => {
      if (mayDiffer === null || last.learnerPlaces === null) return learnersChecksOf({ ...input, checksOfLearner: checksOf });
      for (const id of mayDiffer) {
        const learner = index.learnerById.get(id);
        const earlier = this.learnerChecks.get(id)?.checks; // before checksOf writes the new entry in its place
        if (learner !== undefined && checksOf(learner, index, input.asAtWeek, input.alpMinutes.get(id)) !== earlier) {
          return learnersChecksOf({ ...input, checksOfLearner: checksOf });
        }
      }
      return before.learners;
    };
    const sameLines = (fields: readonly (keyof InterventionLine)[]): boolean => {
      if (index.enrolmentsById !== last.index.enrolmentsById) return false;
      if (index.lineById.size !== index.year.lines.length || last.index.lineById.size !== last.index.year.lines.length) return false;
      for (const id of changedLines) {
        const was = last.index.lineById.get(id);
        const now = index.lineById.get(id);
        if (was === undefined || now === undefined || fields.some((f) => was[f] !== now[f])) return false;
      }
      return true;
    };
    const staff = staffChecks(input.staff);
    return {
      decisions: input.decisions === last.decisions ? before.decisions : decisionChecks(input.decisions),
      learners: learners(),
      staff: sameChecks(staff, before.staff) ? before.staff : staff,
      lines: sameLines(['startWeek', 'weeks', 'groups', 'groupCapacity']) ? before.lines : lineChecks(index),
      enrolments: sameLines(['startWeek', 'weeks']) ? before.enrolments : enrolmentChecks(index),
      reviews: index.year.learners === last.index.year.learners && input.today === last.today ? before.reviews : reviewChecks(index, input.today),
      income:
        index.year.income === last.index.year.income && input.financialYears[0] === last.financialYears[0] && input.financialYears[1] === last.financialYears[1]
          ? before.income
          : incomeChecks(index, input.financialYears),
    };
  }
}

const NO_ENROLMENTS: readonly Enrolment[] = [];

/** Past this many lines changed since the last costing, the lines' sums are made afresh. */
const MOST_LINES_SUMMED_AGAIN = 4;

/**
 * What the lines add up to, from the last costing's sums with the lines that changed place by place taken
 * out and put in again (totals.ts `lineSumsAfter`), while the tiers and areas are the same lists and the
 * lines as many; undefined when that cannot be done, for the sums to be made afresh.
 */
function lineSumsSince(last: LastCosting, index: YearIndex, costedLines: readonly CostedLine[]): LineSums | undefined {
  const before = last.index.year;
  const now = index.year;
  if (now.tiers !== before.tiers || now.areas !== before.areas || index.tierById !== last.index.tierById) return undefined;
  if (now.lines.length !== before.lines.length || costedLines.length !== last.costedLines.length) return undefined;
  const changes: LineChange[] = [];
  for (let i = 0; i < now.lines.length; i++) {
    const line = now.lines[i] as InterventionLine;
    const costed = costedLines[i] as CostedLine;
    const wasLine = before.lines[i] as InterventionLine;
    const wasCosted = last.costedLines[i] as CostedLine;
    if (line === wasLine && costed === wasCosted) continue;
    if (changes.length === MOST_LINES_SUMMED_AGAIN) return undefined;
    changes.push({ before: { line: wasLine, costed: wasCosted }, after: { line, costed } });
  }
  return changes.length === 0 ? last.lineSums : lineSumsAfter(last.lineSums, index, changes);
}

/** The ids whose record is not the same object in both maps (in one only, or a different record). */
function changedIds<T>(before: ReadonlyMap<number, T>, after: ReadonlyMap<number, T>): Set<number> {
  const changed = new Set<number>();
  if (before === after) return changed;
  for (const [id, record] of after) if (before.get(id) !== record) changed.add(id);
  for (const id of before.keys()) if (!after.has(id)) changed.add(id);
  return changed;
}

/** Whether two lists of checks are equal in value (a check's params are flat). */
function sameChecks(a: readonly Check[], b: readonly Check[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Check;
    const y = b[i] as Check;
    if (x.code !== y.code || x.subject.kind !== y.subject.kind || x.subject.id !== y.subject.id) return false;
    const keys = Object.keys(x.params);
    const otherKeys = Object.keys(y.params);
    if (keys.length !== otherKeys.length) return false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (key !== otherKeys[k] || !Object.is(x.params[key], y.params[key])) return false;
    }
  }
  return true;
}

/** Whether no two of the year's lines share an id (so the index's line map holds every line). */
function uniqueLineIds(index: YearIndex): boolean {
  return index.lineById.size === index.year.lines.length;
}

/** Whether both lists hold as many lines, each place the same record or a record with the same id. */
function sameLinePlaces(before: readonly InterventionLine[], now: readonly InterventionLine[]): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const was = before[i] as InterventionLine;
    const is = now[i] as InterventionLine;
    if (was !== is && was.id !== is.id) return false;
  }
  return true;
}

/** Whether both maps hold the same ids. */
function sameLineIds(before: ReadonlyMap<number, unknown>, after: ReadonlyMap<number, unknown>): boolean {
  if (before === after) return true;
  if (before.size !== after.size) return false;
  for (const id of after.keys()) if (!before.has(id)) return false;
  return true;
}

/**
 * Whether a learner's ALP minutes (learnerCosts.ts `learnerAlpMinutes`) and own checks (checks.ts
 * `checksOfLearner`) are the same with line record `b` as with `a` in its place, all else the same (the
 * tiers too, as `index` holds them): both records agree on every field those read of a line: its id, tier,
 * run, undelivered weeks and delivery language, and, on an ALP line, its minutes and sessions (the only
 * line whose minutes count). So an edit of a targeted line's minutes, or of any line's planning minutes,
 * groups, staff, costs, areas or funding, reaches no learner's minutes or checks, only their pence.
 */
export function sameForLearners(a: InterventionLine, b: InterventionLine, index: YearIndex): boolean {
  return (
    a.id === b.id &&
    a.tierId === b.tierId &&
    a.startWeek === b.startWeek &&
    a.weeks === b.weeks &&
    a.deliveryLanguage === b.deliveryLanguage &&
    sameRecords(a.undeliveredWeeks, b.undeliveredWeeks) &&
    ((a.minutesPerSession === b.minutesPerSession && a.sessionsPerWeekHundredths === b.sessionsPerWeekHundredths) || !isAlpLine(index, a))
  );
}

/** Of the lines whose record changed, those whose new record is not `sameForLearners` as the old (or that are in one index only). */
function linesLearnersReadChanged(changed: ReadonlySet<number>, before: YearIndex, now: YearIndex): Set<number> {
  const reached = new Set<number>();
  for (const id of changed) {
    const was = before.lineById.get(id);
    const is = now.lineById.get(id);
    if (was === undefined || is === undefined || !sameForLearners(was, is, now)) reached.add(id);
  }
  return reached;
}

/** The learners enrolled on any of the lines. */
function learnersOn(lineIds: ReadonlySet<number>, index: YearIndex): Set<number> {
  const learners = new Set<number>();
  for (const id of lineIds) for (const e of index.enrolmentsByLine.get(id) ?? []) learners.add(e.learnerId);
  return learners;
}

/** Whether both lists hold the same line ids in the same order. */
function sameLineOrder(a: readonly CostedLine[], b: readonly CostedLine[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] as CostedLine).lineId !== (b[i] as CostedLine).lineId) return false;
  return true;
}

/** Each record's place by id; null when an id is repeated. */
function placesOf<T>(records: readonly T[], idOf: (record: T) => number): Map<number, number> | null {
  const places = new Map<number, number>();
  for (let i = 0; i < records.length; i++) places.set(idOf(records[i] as T), i);
  return places.size === records.length ? places : null;
}

/**
 * The learner's pence as `penceByLearnerOf` adds it up: their shares in the lines they are enrolled on (the
 * only lines that can share to them), in the lines' order; undefined when no share is counted.
 */
function penceOf(learnerId: number, index: YearIndex, costedLines: readonly CostedLine[], linePlaces: ReadonlyMap<number, number>): number | undefined {
  const places: number[] = [];
  let ascending = true;
  for (const e of index.enrolmentsByLearner.get(learnerId) ?? []) {
    const place = linePlaces.get(e.lineId);
    if (place === undefined || places.includes(place)) continue;
    if (places.length > 0 && place < (places[places.length - 1] as number)) ascending = false;
    places.push(place);
  }
  // Sorted only when out of order (a learner's enrolments come in id order, their lines often in place order too).
  if (!ascending) places.sort((a, b) => a - b);
  let sum: number | undefined;
  for (const place of places) {
    const costed = costedLines[place] as CostedLine;
    if (costed.unallocatedPence === 0) for (const s of costed.shares) if (s.learnerId === learnerId && s.pence !== 0) sum = (sum ?? 0) + s.pence;
  }
  return sum;
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

/**
 * The learner's enrolments and the line record each finds, for a memo entry. The entry is then written out
 * field by field: an object spread into a new literal was the costliest step of an edit's recost (a CPU
 * profile, docs/performance.md "Round 8: the recost after an edit").
 */
function learnerInputs(index: YearIndex, learnerId: number): Pick<LearnerInputs, 'enrolments' | 'lines'> {
  const enrolments = index.enrolmentsByLearner.get(learnerId);
  const lines = enrolments === undefined ? [] : enrolments.map((e) => index.lineById.get(e.lineId));
  return { enrolments, lines };
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
