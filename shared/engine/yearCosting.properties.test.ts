/**
 * The memoised costing of an open year (yearCosting.ts: lines' figures and impact rows) gives, after every edit of a random sequence, what a
 * fresh costSchoolYear of the same year gives. Edits replace the records they change with new objects and
 * keep every other object, as a re-read of the file does (db/schoolYearReader.ts), so the memo is exercised
 * both ways: reusing unchanged lines and costing changed ones again; and so is the year's index, whose parts
 * are kept while their lists are the same arrays (yearIndex.ts `indexYear`); and so are each learner's ALP
 * minutes and own checks, kept while the learner, their enrolments, those enrolments' lines, the tiers and the
 * as-at week are the same.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALN_STATUSES, FUNDING_SOURCES, type SchoolYear } from '../domain';
import { costSchoolYear, type CostOptions } from './costSchoolYear';
import { costWithinExactRange } from './exactFigures';
import { YearCosting } from './yearCosting';
import { enrolment, incomeLine, interventionLine, otherCost } from '../../test/support/schoolYearBuilder';
import { yearArb } from '../../test/support/schoolYearArbitrary';
import { largeSecondaryYear } from '../../test/bench/generatedSchool';

type Edit =
  | { kind: 'lineField'; line: number; field: 'minutesPerSession' | 'planningMinutesPerSession' | 'sessionsPerWeekHundredths' | 'groups' | 'groupCapacity'; value: number }
  | { kind: 'lineRun'; line: number; startWeek: number; weeks: number }
  | { kind: 'lineTier'; line: number; tierId: string }
  | { kind: 'lineFunding'; line: number; funding: (typeof FUNDING_SOURCES)[number] }
  | { kind: 'lineStaff'; line: number; staff: number; count: number }
  | { kind: 'lineNonStaff'; line: number; pence: number }
  | { kind: 'lineUndelivered'; line: number; week: number }
  | { kind: 'addEnrolment'; line: number; learner: number; start: number; len: number }
  | { kind: 'removeEnrolment'; at: number }
  | { kind: 'enrolmentWeeks'; at: number; start: number; len: number }
  | { kind: 'enrolmentMeasure'; at: number; measure: string; entry: number | null; exit: number | null }
  | { kind: 'lineExpected'; line: number; expected: number | null }
  | { kind: 'staffPay'; staff: number; hourly: number; contracted: number }
  | { kind: 'removeStaff'; staff: number }
  | { kind: 'learnerStatus'; learner: number; alnStatus: (typeof ALN_STATUSES)[number]; idpAlpMinutes: number }
  | { kind: 'learnerWelsh'; learner: number; welshAlp: boolean }
  | { kind: 'lineLanguage'; line: number; welsh: boolean }
  | { kind: 'tierWholeSchool'; tier: number; wholeSchool: boolean }
  | { kind: 'tierAlp'; tier: number; isAlp: boolean }
  | { kind: 'asAt'; asAtWeek: number | null; today: string | null }
  | { kind: 'income'; amount: number }
  | { kind: 'otherCost'; minutes: number; unit: number }
  | { kind: 'calendarShift'; days: number }
  | { kind: 'sameValuesNewObjects' }
  | { kind: 'addLine'; tierId: string; staff: number; minutes: number; startWeek: number; weeks: number }
  | { kind: 'removeLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'learnerReferral'; learner: number; referredOn: string | null; decider: 'school' | 'la' }
  | { kind: 'learnerReview'; learner: number; lastReviewed: string | null; reviewDue: string | null }
  | { kind: 'lineOnly'; line: number; minutes: number }
  | { kind: 'lineCapacity'; line: number; places: number }
  | { kind: 'measureLine'; line: number; gain: number }
  | { kind: 'lineAreas'; line: number; areaIds: string[] }
  | { kind: 'someLines'; first: number; count: number; minutes: number }
  | { kind: 'repeatLineId'; line: number; other: number }
  | { kind: 'replaceLine'; line: number; minutes: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('lineField' as const),
    line: fc.nat(7),
    field: fc.constantFrom('minutesPerSession' as const, 'planningMinutesPerSession' as const, 'sessionsPerWeekHundredths' as const, 'groups' as const, 'groupCapacity' as const),
    value: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({ kind: fc.constant('lineRun' as const), line: fc.nat(7), startWeek: fc.integer({ min: 1, max: 38 }), weeks: fc.integer({ min: 0, max: 38 }) }),
  fc.record({ kind: fc.constant('lineTier' as const), line: fc.nat(7), tierId: fc.constantFrom('universal', 'targeted', 'alp', 'unknown_tier') }),
  fc.record({ kind: fc.constant('lineFunding' as const), line: fc.nat(7), funding: fc.constantFrom(...FUNDING_SOURCES) }),
  fc.record({ kind: fc.constant('lineStaff' as const), line: fc.nat(7), staff: fc.integer({ min: 1, max: 5 }), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('lineNonStaff' as const), line: fc.nat(7), pence: fc.integer({ min: 0, max: 1_000_000 }) }),
  fc.record({ kind: fc.constant('lineUndelivered' as const), line: fc.nat(7), week: fc.integer({ min: 1, max: 38 }) }),
  fc.record({ kind: fc.constant('addEnrolment' as const), line: fc.nat(7), learner: fc.nat(7), start: fc.integer({ min: 1, max: 38 }), len: fc.integer({ min: 0, max: 38 }) }),
  fc.record({ kind: fc.constant('removeEnrolment' as const), at: fc.nat(30) }),
  fc.record({ kind: fc.constant('enrolmentWeeks' as const), at: fc.nat(30), start: fc.integer({ min: 1, max: 38 }), len: fc.integer({ min: 0, max: 38 }) }),
  fc.record({
    kind: fc.constant('enrolmentMeasure' as const),
    at: fc.nat(30),
    measure: fc.constantFrom('Reading age', 'reading age ', 'Spelling'),
    entry: fc.option(fc.integer({ min: 0, max: 120 })),
    exit: fc.option(fc.integer({ min: 0, max: 140 })),
  }),
  fc.record({ kind: fc.constant('lineExpected' as const), line: fc.nat(7), expected: fc.option(fc.integer({ min: 0, max: 20 })) }),
  fc.record({ kind: fc.constant('staffPay' as const), staff: fc.nat(3), hourly: fc.integer({ min: 0, max: 20_000 }), contracted: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ kind: fc.constant('removeStaff' as const), staff: fc.nat(3) }),
  fc.record({ kind: fc.constant('learnerStatus' as const), learner: fc.nat(7), alnStatus: fc.constantFrom(...ALN_STATUSES), idpAlpMinutes: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('learnerWelsh' as const), learner: fc.nat(7), welshAlp: fc.boolean() }),
  fc.record({ kind: fc.constant('lineLanguage' as const), line: fc.nat(7), welsh: fc.boolean() }),
  fc.record({ kind: fc.constant('tierWholeSchool' as const), tier: fc.nat(2), wholeSchool: fc.boolean() }),
  fc.record({ kind: fc.constant('tierAlp' as const), tier: fc.nat(2), isAlp: fc.boolean() }),
  fc.record({
    kind: fc.constant('asAt' as const),
    asAtWeek: fc.option(fc.integer({ min: 0, max: 38 })),
    today: fc.option(fc.constantFrom('2026-08-01', '2026-10-15', '2027-02-01', '2027-03-29', '2027-07-30')),
  }),
  fc.record({ kind: fc.constant('income' as const), amount: fc.integer({ min: 0, max: 10_000_000 }) }),
  fc.record({ kind: fc.constant('otherCost' as const), minutes: fc.integer({ min: 0, max: 600 }), unit: fc.integer({ min: 0, max: 100_000 }) }),
  fc.record({ kind: fc.constant('calendarShift' as const), days: fc.constantFrom(-56, -7, 7, 210) }),
  fc.record({ kind: fc.constant('sameValuesNewObjects' as const) }),
  fc.record({
    kind: fc.constant('addLine' as const),
    tierId: fc.constantFrom('universal', 'targeted', 'alp'),
    staff: fc.integer({ min: 1, max: 4 }),
    minutes: fc.integer({ min: 0, max: 400 }),
    startWeek: fc.integer({ min: 1, max: 38 }),
    weeks: fc.integer({ min: 0, max: 38 }),
  }),
  fc.record({ kind: fc.constant('removeLine' as const), line: fc.nat(7) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(7), b: fc.nat(7) }),
  fc.record({
    kind: fc.constant('learnerReferral' as const),
    learner: fc.nat(7),
    referredOn: fc.option(fc.constantFrom('2026-09-07', '2026-11-20', '2027-01-11', '2027-06-30')),
    decider: fc.constantFrom('school' as const, 'la' as const),
  }),
  fc.record({
    kind: fc.constant('learnerReview' as const),
    learner: fc.nat(7),
    lastReviewed: fc.option(fc.constantFrom('2025-09-01', '2026-01-15', '2026-06-30')),
    reviewDue: fc.option(fc.constantFrom('2026-10-01', '2027-03-01')),
  }),
  // One line's minutes, the only change, many times in a row: the edit the data process costs most.
  fc.record({ kind: fc.constant('lineOnly' as const), line: fc.nat(7), minutes: fc.integer({ min: 0, max: 400 }) }),
  // One group of one or two places: a line's enrolments overflow it often (group_over_capacity).
  fc.record({ kind: fc.constant('lineCapacity' as const), line: fc.nat(7), places: fc.integer({ min: 1, max: 2 }) }),
  // Every enrolment on one line measured: the learners' impact then depends on that line being there.
  fc.record({ kind: fc.constant('measureLine' as const), line: fc.nat(7), gain: fc.integer({ min: 0, max: 12 }) }),
  // A line's areas (none, several, one repeated, one not configured): the breakdown by area splits it otherwise.
  fc.record({
    kind: fc.constant('lineAreas' as const),
    line: fc.nat(7),
    areaIds: fc.array(fc.constantFrom('cognition_learning', 'communication_interaction', 'besd', 'unknown_area'), { maxLength: 4 }),
  }),
  // The minutes of a few lines in a row at once: up to a few, the totals are the last ones' with those lines
  // taken out and put in again (yearCosting.ts `lineSumsSince`); more, and they are summed afresh.
  fc.record({ kind: fc.constant('someLines' as const), first: fc.nat(7), count: fc.integer({ min: 1, max: 8 }), minutes: fc.integer({ min: 0, max: 400 }) }),
  // Two lines with one id (the database never holds them, the engine costs them all the same): the line
  // costed last under an id is the one its impact row reads.
  fc.record({ kind: fc.constant('repeatLineId' as const), line: fc.nat(7), other: fc.nat(7) }),
  // A line in another's place: a new id there, as many lines as before.
  fc.record({ kind: fc.constant('replaceLine' as const), line: fc.nat(7), minutes: fc.integer({ min: 0, max: 400 }) }),
);

const shiftDate = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `year` after `edit`, with new objects only for what the edit changed (and the options the map is viewed with). */
function applyEdit(year: SchoolYear, options: CostOptions, edit: Edit): { year: SchoolYear; options: CostOptions } {
  const onLine = (at: number, change: (line: SchoolYear['lines'][number]) => Partial<SchoolYear['lines'][number]>): SchoolYear => {
    if (year.lines.length === 0) return year;
    const i = at % year.lines.length;
    const lines = [...year.lines];
    const line = lines[i]!;
    lines[i] = { ...line, ...change(line) };
    return { ...year, lines };
  };
  switch (edit.kind) {
    case 'lineField':
      return { year: onLine(edit.line, () => ({ [edit.field]: edit.field === 'groups' || edit.field === 'groupCapacity' ? 1 + (edit.value % 5) : edit.value })), options };
    case 'lineRun':
      return { year: onLine(edit.line, () => ({ startWeek: edit.startWeek, weeks: Math.min(edit.weeks, 39 - edit.startWeek) })), options };
    case 'lineTier':
      return { year: onLine(edit.line, () => ({ tierId: edit.tierId })), options };
    case 'lineFunding':
      return { year: onLine(edit.line, () => ({ fundingSource: edit.funding })), options };
    case 'lineStaff':
      // A staff id that may have no staff member (ids above the year's): it costs 0.
      return { year: onLine(edit.line, (l) => ({ staff: [...l.staff, { staffId: edit.staff, count: edit.count }] })), options };
    case 'lineNonStaff':
      return { year: onLine(edit.line, (l) => ({ nonStaffCosts: [...l.nonStaffCosts, { label: 'x', pence: edit.pence }] })), options };
    case 'lineUndelivered':
      return { year: onLine(edit.line, (l) => ({ undeliveredWeeks: [...l.undeliveredWeeks, edit.week] })), options };
    case 'addEnrolment': {
      if (year.lines.length === 0 || year.learners.length === 0) return { year, options };
      const id = Math.max(0, ...year.enrolments.map((e) => e.id)) + 1;
      const lineId = year.lines[edit.line % year.lines.length]!.id;
      const learnerId = year.learners[edit.learner % year.learners.length]!.id;
      return { year: { ...year, enrolments: [...year.enrolments, enrolment({ id, lineId, learnerId, startWeek: edit.start, endWeek: Math.min(38, edit.start + edit.len) })] }, options };
    }
    case 'removeEnrolment': {
      if (year.enrolments.length === 0) return { year, options };
      const at = edit.at % year.enrolments.length;
      return { year: { ...year, enrolments: year.enrolments.filter((_, i) => i !== at) }, options };
    }
    case 'enrolmentWeeks': {
      if (year.enrolments.length === 0) return { year, options };
      const at = edit.at % year.enrolments.length;
      const enrolments = [...year.enrolments];
      enrolments[at] = { ...enrolments[at]!, startWeek: edit.start, endWeek: Math.min(38, edit.start + edit.len) };
      return { year: { ...year, enrolments }, options };
    }
    case 'enrolmentMeasure': {
      if (year.enrolments.length === 0) return { year, options };
      const at = edit.at % year.enrolments.length;
      const enrolments = [...year.enrolments];
      enrolments[at] = { ...enrolments[at]!, measureName: edit.measure, measureUnit: 'months', entryValue: edit.entry, exitValue: edit.exit };
      return { year: { ...year, enrolments }, options };
    }
    case 'lineExpected':
      return { year: onLine(edit.line, () => ({ expectedProgress: edit.expected })), options };
    case 'staffPay': {
      if (year.staff.length === 0) return { year, options };
      const at = edit.staff % year.staff.length;
      const staff = [...year.staff];
      staff[at] = { ...staff[at]!, hourlyCostPence: edit.hourly, contractedMinutesPerWeek: edit.contracted };
      return { year: { ...year, staff }, options };
    }
    case 'removeStaff': {
      if (year.staff.length === 0) return { year, options };
      const at = edit.staff % year.staff.length;
      return { year: { ...year, staff: year.staff.filter((_, i) => i !== at) }, options };
    }
    case 'learnerStatus': {
      // A new learners list (the year's index keeps its learners only while the list is the same array).
      if (year.learners.length === 0) return { year, options };
      const at = edit.learner % year.learners.length;
      const learners = [...year.learners];
      learners[at] = { ...learners[at]!, alnStatus: edit.alnStatus, idpAlpMinutesPerWeek: edit.idpAlpMinutes };
      return { year: { ...year, learners }, options };
    }
    case 'learnerWelsh': {
      if (year.learners.length === 0) return { year, options };
      const at = edit.learner % year.learners.length;
      const learners = [...year.learners];
      learners[at] = { ...learners[at]!, welshAlp: edit.welshAlp };
      return { year: { ...year, learners }, options };
    }
    case 'lineLanguage':
      return { year: onLine(edit.line, () => ({ deliveryLanguage: edit.welsh ? 'welsh' : 'english' })), options };
    case 'tierAlp': {
      const tiers = [...year.tiers];
      const at = edit.tier % tiers.length;
      tiers[at] = { ...tiers[at]!, isAlp: edit.isAlp };
      return { year: { ...year, tiers }, options };
    }
    case 'tierWholeSchool': {
      const tiers = [...year.tiers];
      const at = edit.tier % tiers.length;
      tiers[at] = { ...tiers[at]!, costing: edit.wholeSchool ? 'whole_school' : 'shared' };
      return { year: { ...year, tiers }, options };
    }
    case 'asAt': {
      const next: CostOptions = {};
      if (edit.asAtWeek !== null) next.asAtWeek = edit.asAtWeek;
      if (edit.today !== null) next.today = edit.today;
      return { year, options: next };
    }
    case 'income':
      return { year: { ...year, income: [...year.income, incomeLine({ id: year.income.length + 1, amountPence: edit.amount })] }, options };
    case 'otherCost': {
      const id = Math.max(0, ...year.otherCosts.map((o) => o.id)) + 1;
      const staffId = year.staff[0]?.id ?? null;
      return { year: { ...year, otherCosts: [...year.otherCosts, otherCost({ id, staffId, minutesPerWeek: edit.minutes, quantity: 2, unitPence: edit.unit })] }, options };
    }
    case 'calendarShift':
      // A new calendar: its weeks fall in other financial years (210 days moves the year past April).
      return { year: { ...year, calendar: { ...year.calendar, weekStarts: year.calendar.weekStarts.map((d) => shiftDate(d, edit.days)) } }, options };
    case 'sameValuesNewObjects':
      return { year: structuredClone(year), options };
    case 'addLine': {
      const id = Math.max(0, ...year.lines.map((l) => l.id)) + 1;
      const line = interventionLine({
        id,
        tierId: edit.tierId,
        staff: [{ staffId: edit.staff, count: 1 }],
        minutesPerSession: edit.minutes,
        startWeek: edit.startWeek,
        weeks: Math.min(edit.weeks, 39 - edit.startWeek),
      });
      return { year: { ...year, lines: [...year.lines, line] }, options };
    }
    case 'removeLine': {
      // Its enrolments stay (the database would remove them; the engine ignores enrolments on no line).
      if (year.lines.length === 0) return { year, options };
      const at = edit.line % year.lines.length;
      return { year: { ...year, lines: year.lines.filter((_, i) => i !== at) }, options };
    }
    case 'swapLines': {
      // The same records in another order: every total is still added up in the year's line order.
      if (year.lines.length === 0) return { year, options };
      const lines = [...year.lines];
      const a = edit.a % lines.length;
      const b = edit.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return { year: { ...year, lines }, options };
    }
    case 'learnerReferral': {
      if (year.learners.length === 0) return { year, options };
      const at = edit.learner % year.learners.length;
      const learners = [...year.learners];
      learners[at] = { ...learners[at]!, referredOn: edit.referredOn, referralDecider: edit.decider, decidedOn: null };
      return { year: { ...year, learners }, options };
    }
    case 'learnerReview': {
      if (year.learners.length === 0) return { year, options };
      const at = edit.learner % year.learners.length;
      const learners = [...year.learners];
      learners[at] = { ...learners[at]!, idpLastReviewed: edit.lastReviewed, idpReviewDue: edit.reviewDue };
      return { year: { ...year, learners }, options };
    }
    case 'lineOnly':
      return { year: onLine(edit.line, () => ({ minutesPerSession: edit.minutes })), options };
    case 'lineCapacity':
      return { year: onLine(edit.line, () => ({ groups: 1, groupCapacity: edit.places })), options };
    case 'lineAreas':
      return { year: onLine(edit.line, () => ({ areaIds: edit.areaIds })), options };
    case 'someLines': {
      const lines = year.lines.map((l, i) => ((i - edit.first + year.lines.length) % year.lines.length < edit.count ? { ...l, minutesPerSession: edit.minutes + i } : l));
      return { year: { ...year, lines }, options };
    }
    case 'repeatLineId': {
      if (year.lines.length === 0) return { year, options };
      const id = year.lines[edit.other % year.lines.length]!.id;
      return { year: onLine(edit.line, () => ({ id })), options };
    }
    case 'replaceLine': {
      const id = Math.max(0, ...year.lines.map((l) => l.id)) + 1;
      return { year: onLine(edit.line, () => ({ id, minutesPerSession: edit.minutes })), options };
    }
    case 'measureLine': {
      if (year.lines.length === 0) return { year, options };
      const lineId = year.lines[edit.line % year.lines.length]!.id;
      const enrolments = year.enrolments.map((e) => (e.lineId === lineId ? { ...e, measureName: 'Reading age', measureUnit: 'months', entryValue: 80, exitValue: 80 + edit.gain } : e));
      return { year: { ...year, enrolments }, options };
    }
  }
}

/** Whether an edit leaves every input of every line the same object (so each costed line must be reused). */
const touchesNoLine = (edit: Edit): boolean =>
  edit.kind === 'income' || edit.kind === 'otherCost' || edit.kind === 'learnerStatus' || edit.kind === 'learnerWelsh' || edit.kind === 'learnerReferral' || edit.kind === 'learnerReview';

describe('the memoised costing of an open year', () => {
  it('equals a fresh costSchoolYear after every edit of a random sequence, and reuses the lines no edit touched', () => {
    fc.assert(
      fc.property(yearArb, fc.array(editArb, { minLength: 1, maxLength: 16 }), fc.boolean(), (start, edits, checked) => {
        const costing = new YearCosting();
        // Half the runs cost through costWithinExactRange, whose walk skips the lines the memo reuses.
        const costWith = (year: SchoolYear, options: CostOptions) => (checked ? costWithinExactRange(year, options, costing) : costing.cost(year, options));
        let year = start;
        let options: CostOptions = { today: '2027-02-01' };
        let before = costWith(year, options);
        expect(before).toEqual(costSchoolYear(year, options));
        for (const edit of edits) {
          ({ year, options } = applyEdit(year, options, edit));
          const after = costWith(year, options);
          expect(after).toEqual(costSchoolYear(year, options));
          // (Lines that share an id share one memo entry, so they are costed again each time: reuse is
          // asked of years whose line ids are distinct, as a file's are.)
          if (touchesNoLine(edit) && new Set(year.lines.map((l) => l.id)).size === year.lines.length) {
            after.lines.forEach((line, i) => expect(line).toBe(before.lines[i]));
            after.impact.lines.forEach((row, i) => expect(row).toBe(before.impact.lines[i]));
          }
          before = after;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('costs every line again for a year of new objects with the same values, giving the same figures', () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const costing = new YearCosting();
        const first = costing.cost(year, { asAtWeek: 10 });
        const again = costing.cost(structuredClone(year), { asAtWeek: 10 });
        expect(again).toEqual(first);
        again.lines.forEach((line, i) => expect(line).not.toBe(first.lines[i]));
      }),
      { numRuns: 30 },
    );
  });
  it('keeps its tables as the last finished costing left them when a costing throws part way', () => {
    const base = largeSecondaryYear();
    const line = base.lines.find((l) => base.enrolments.some((e) => e.lineId === l.id)) as SchoolYear['lines'][number];
    const learners = new Set(base.enrolments.filter((e) => e.lineId === line.id).map((e) => e.learnerId));
    const other = base.lines.find((l) => l !== line && base.enrolments.some((e) => e.lineId === l.id && learners.has(e.learnerId))) as SchoolYear['lines'][number];
    // A millionth of a month's progress for each learner on the line: once it costs £50bn, its cost per unit
    // of progress is beyond exact whole numbers, found (impact.ts) after the learners' tables were written.
    const year: SchoolYear = {
      ...base,
      enrolments: base.enrolments.map((e) => (e.lineId === line.id ? { ...e, measureName: 'Reading age', measureUnit: 'months', entryValue: 0, exitValue: 0.000001 } : e)),
    };
    const options: CostOptions = { today: '2026-01-10' };
    const costing = new YearCosting();
    costing.cost(year, options);
    const tooLarge: SchoolYear = {
      ...year,
      lines: year.lines.map((l) => (l === line ? { ...l, minutesPerSession: l.minutesPerSession + 5, nonStaffCosts: [{ label: 'Equipment', pence: 5_000_000_000_000 }] } : l)),
    };
    expect(() => costing.cost(tooLarge, options)).toThrow(RangeError);
    const afterwards: SchoolYear[] = [{ ...year }, { ...year, lines: year.lines.map((l) => (l === other ? { ...l, minutesPerSession: l.minutesPerSession + 5 } : l)) }];
    for (const next of afterwards) expect(costing.cost(next, options)).toEqual(costSchoolYear(next, options));
  });
});

/**
 * One field of one line at a time, in a year whose learners have IDPs that ask for ALP in Welsh and for more
 * minutes than they may get, and whose lines are delivered in either language: every field a learner's ALP
 * minutes or own checks read of a line (yearCosting.ts `sameForLearners`) changes a check somewhere, and
 * every other field must leave them as they were.
 */
type LineFieldEdit =
  | { field: 'startWeek' | 'weeks' | 'minutesPerSession' | 'sessionsPerWeekHundredths' | 'planningMinutesPerSession' | 'groups'; line: number; value: number }
  | { field: 'deliveryLanguage'; line: number; welsh: boolean }
  | { field: 'undeliveredWeeks'; line: number; weeks: number[] }
  | { field: 'tierId'; line: number; tierId: string }
  | { field: 'asAtWeek'; asAtWeek: number };

const lineFieldEditArb: fc.Arbitrary<LineFieldEdit> = fc.oneof(
  ...(['startWeek', 'weeks', 'minutesPerSession', 'sessionsPerWeekHundredths', 'planningMinutesPerSession', 'groups'] as const).map((field) =>
    fc.record({ field: fc.constant(field), line: fc.nat(7), value: fc.integer({ min: 1, max: 38 }) }),
  ),
  fc.record({ field: fc.constant('deliveryLanguage' as const), line: fc.nat(7), welsh: fc.boolean() }),
  // The same weeks again as a new list, or others.
  fc.record({ field: fc.constant('undeliveredWeeks' as const), line: fc.nat(7), weeks: fc.array(fc.integer({ min: 1, max: 38 }), { maxLength: 4 }) }),
  fc.record({ field: fc.constant('tierId' as const), line: fc.nat(7), tierId: fc.constantFrom('universal', 'targeted', 'alp') }),
  fc.record({ field: fc.constant('asAtWeek' as const), asAtWeek: fc.integer({ min: 0, max: 38 }) }),
);

function applyLineFieldEdit(year: SchoolYear, options: CostOptions, edit: LineFieldEdit): { year: SchoolYear; options: CostOptions } {
  if (edit.field === 'asAtWeek') return { year, options: { asAtWeek: edit.asAtWeek } };
  if (year.lines.length === 0) return { year, options };
  const i = edit.line % year.lines.length;
  const line = year.lines[i]!;
  const lines = [...year.lines];
  switch (edit.field) {
    case 'deliveryLanguage':
      lines[i] = { ...line, deliveryLanguage: edit.welsh ? 'welsh' : 'english' };
      break;
    case 'undeliveredWeeks':
      lines[i] = { ...line, undeliveredWeeks: edit.weeks.length === 0 ? [...line.undeliveredWeeks] : edit.weeks };
      break;
    case 'tierId':
      lines[i] = { ...line, tierId: edit.tierId };
      break;
    case 'startWeek':
      // The run stays inside the 38-week calendar: its weeks shortened only when they must be.
      lines[i] = { ...line, startWeek: edit.value, weeks: Math.min(line.weeks, 39 - edit.value) };
      break;
    case 'weeks':
      lines[i] = { ...line, weeks: Math.min(edit.value, 39 - line.startWeek) };
      break;
    case 'sessionsPerWeekHundredths':
      lines[i] = { ...line, sessionsPerWeekHundredths: edit.value * 25 };
      break;
    default:
      lines[i] = { ...line, [edit.field]: edit.value * 5 };
  }
  return { year: { ...year, lines }, options };
}

/** The same map, field for field and in the same key order (toEqual tells −0 from 0 but not key order). */
function expectSameMap(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('the memoised costing, one field of a line at a time', () => {
  it('equals a fresh costSchoolYear after each, whether or not the field is one a learner reads', () => {
    const welshIdpYearArb = fc.tuple(yearArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([year, welshLines]): SchoolYear => ({
      ...year,
      // Every other line ALP, so that most edits reach some learner's ALP minutes.
      lines: year.lines.map((l, i) => ({ ...l, tierId: i % 2 === 0 ? 'alp' : l.tierId, deliveryLanguage: welshLines[i] ? 'welsh' : 'english' })),
      learners: year.learners.map((l, i) => ({ ...l, alnStatus: i % 4 === 3 ? 'none' : 'idp_school', welshAlp: i % 2 === 0, idpAlpMinutesPerWeek: 30 + 60 * (i % 3) })),
    }));
    fc.assert(
      fc.property(welshIdpYearArb, fc.array(lineFieldEditArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 38 }), (start, edits, asAtWeek) => {
        const costing = new YearCosting();
        let year = start;
        let options: CostOptions = { asAtWeek };
        expectSameMap(costing.cost(year, options), costSchoolYear(year, options));
        for (const edit of edits) {
          ({ year, options } = applyLineFieldEdit(year, options, edit));
          expectSameMap(costing.cost(year, options), costSchoolYear(year, options));
        }
      }),
      { numRuns: 300 },
    );
  });
});
