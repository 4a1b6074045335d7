/**
 * (For tests.) Random school years for property tests: up to 4 staff, 8 lines over the four tiers (one
 * unknown), 8 learners, 20 enrolments, 4 other costs and 3 income lines, every run inside the 38-week calendar.
 */
import fc from 'fast-check';
import { FUNDING_SOURCES, type SchoolYear } from '../../shared/domain';
import { enrolment, incomeLine, interventionLine, learner, otherCost, schoolYear, staffMember } from './schoolYearBuilder';

export const yearArb: fc.Arbitrary<SchoolYear> = fc
  .record({
    staff: fc.array(fc.record({ hourly: fc.integer({ min: 0, max: 20_000 }), contracted: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 4 }),
    lines: fc.array(
      fc.record({
        tier: fc.constantFrom('universal', 'targeted', 'alp', 'unknown_tier'),
        areas: fc.subarray(['cognition_learning', 'communication_interaction', 'besd', 'sensory_physical', 'other_area']),
        funding: fc.constantFrom(...FUNDING_SOURCES),
        staff: fc.array(fc.record({ s: fc.nat(3), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        minutes: fc.integer({ min: 0, max: 400 }),
        planning: fc.integer({ min: 0, max: 60 }),
        sessions: fc.integer({ min: 0, max: 1000 }),
        start: fc.integer({ min: 1, max: 38 }),
        weeks: fc.integer({ min: 0, max: 38 }),
        groups: fc.integer({ min: 1, max: 4 }),
        capacity: fc.integer({ min: 1, max: 10 }),
        nonStaff: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 3 }),
        undelivered: fc.array(fc.integer({ min: 1, max: 38 }), { maxLength: 5 }),
      }),
      { maxLength: 8 },
    ),
    learners: fc.array(fc.constantFrom('none', 'monitored', 'idp_school', 'idp_la') as fc.Arbitrary<'none' | 'monitored' | 'idp_school' | 'idp_la'>, { maxLength: 8 }),
    enrolments: fc.array(fc.record({ line: fc.nat(7), learner: fc.nat(7), start: fc.integer({ min: 1, max: 38 }), len: fc.integer({ min: 0, max: 38 }) }), { maxLength: 20 }),
    others: fc.array(
      fc.record({
        staff: fc.option(fc.nat(3)),
        minutes: fc.integer({ min: 0, max: 600 }),
        quantity: fc.integer({ min: 0, max: 20 }),
        unit: fc.integer({ min: 0, max: 100_000 }),
        funding: fc.constantFrom(...FUNDING_SOURCES),
        start: fc.integer({ min: 1, max: 38 }),
        weeks: fc.integer({ min: 0, max: 38 }),
        release: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    income: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 10_000_000 }), fy: fc.constantFrom(null, 2026, 2027, 2030) }), { maxLength: 3 }),
    roll: fc.integer({ min: 0, max: 2000 }),
  })
  .map((r) => {
    const staff = r.staff.map((s, i) => staffMember({ id: i + 1, hourlyCostPence: s.hourly, contractedMinutesPerWeek: s.contracted }));
    const staffId = (n: number) => (n % staff.length) + 1;
    // Runs stay inside the 38-week calendar.
    const lines = r.lines.map((l, i) =>
      interventionLine({
        id: i + 1,
        tierId: l.tier,
        areaIds: l.areas,
        fundingSource: l.funding,
        staff: l.staff.map((a) => ({ staffId: staffId(a.s), count: a.count })),
        minutesPerSession: l.minutes,
        planningMinutesPerSession: l.planning,
        sessionsPerWeekHundredths: l.sessions,
        startWeek: l.start,
        weeks: Math.min(l.weeks, 39 - l.start),
        groups: l.groups,
        groupCapacity: l.capacity,
        nonStaffCosts: l.nonStaff.map((p) => ({ label: 'x', pence: p })),
        undeliveredWeeks: l.undelivered,
      }),
    );
    const learners = r.learners.map((s, i) => learner({ id: i + 1, alnStatus: s, idpAlpMinutesPerWeek: 60 }));
    const enrolments =
      lines.length && learners.length
        ? r.enrolments.map((e, i) =>
            enrolment({ id: 100 - i, lineId: (e.line % lines.length) + 1, learnerId: (e.learner % learners.length) + 1, startWeek: e.start, endWeek: Math.min(38, e.start + e.len) }),
          )
        : [];
    const otherCosts = r.others.map((o, i) =>
      otherCost({
        id: i + 1,
        kind: o.release ? 'alnco_release' : 'bought_in_service',
        staffId: o.staff === null ? null : staffId(o.staff),
        minutesPerWeek: o.minutes,
        quantity: o.quantity,
        unitPence: o.unit,
        fundingSource: o.funding,
        startWeek: o.start,
        weeks: Math.min(o.weeks, 39 - o.start),
      }),
    );
    const income = r.income.map((x, i) => incomeLine({ id: i + 1, amountPence: x.amount, financialYear: x.fy }));
    const year = schoolYear({ staff, lines, learners, enrolments, otherCosts, income });
    year.school.numberOnRoll = r.roll;
    return year;
  });
