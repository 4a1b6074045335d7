import { describe, expect, it } from 'vitest';
import type { Learner, SchoolYear } from '../domain';
import { costSchoolYear, type CostOptions } from './costSchoolYear';
import { enrolOn, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import type { CheckCode } from './types';
import { weeksFromTerms } from '../schoolTerms';

const alpLine = interventionLine({ id: 1, tierId: 'alp', minutesPerSession: 30, sessionsPerWeekHundredths: 300, startWeek: 1, weeks: 38 }); // 90 min/week
const targeted = interventionLine({ id: 2, tierId: 'targeted', startWeek: 1, weeks: 12 });

function checks(year: SchoolYear, code: CheckCode, options: CostOptions = {}) {
  return costSchoolYear(year, options).checks.filter((c) => c.code === code);
}

function onAlp(l: Partial<Learner>, line = alpLine): SchoolYear {
  return schoolYear({ lines: [line, targeted], learners: [learner({ id: 1, ...l })], enrolments: [enrolOn(line, 1, 1)] });
}

describe('alp_without_idp', () => {
  it('fires for ALP enrolled for a learner with no IDP, naming the line', () => {
    expect(checks(onAlp({ alnStatus: 'monitored' }), 'alp_without_idp')).toEqual([{ code: 'alp_without_idp', subject: { kind: 'learner', id: 1 }, params: { lineId: 1 } }]);
  });
  it('does not fire for a learner with an IDP, or on targeted provision', () => {
    expect(checks(onAlp({ alnStatus: 'idp_la' }), 'alp_without_idp')).toEqual([]);
    expect(checks(onAlp({ alnStatus: 'none' }, targeted), 'alp_without_idp')).toEqual([]);
  });
  it('follows the tier’s ALP mark, not its name', () => {
    const year = onAlp({ alnStatus: 'none' }, interventionLine({ id: 1, tierId: 'specialist' }));
    year.tiers.push({ id: 'specialist', name: 'Specialist', nameCy: '', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 4 });
    expect(checks(year, 'alp_without_idp')).toHaveLength(1);
  });
});

describe('idp_without_alp', () => {
  it('fires for a learner with an IDP and no ALP recorded (targeted provision does not count)', () => {
    const year = schoolYear({ lines: [alpLine, targeted], learners: [learner({ id: 1, alnStatus: 'idp_school' })], enrolments: [enrolOn(targeted, 1, 1)] });
    expect(checks(year, 'idp_without_alp')).toEqual([{ code: 'idp_without_alp', subject: { kind: 'learner', id: 1 }, params: {} }]);
  });
  it('does not fire once ALP is recorded', () => {
    expect(checks(onAlp({ alnStatus: 'idp_school' }), 'idp_without_alp')).toEqual([]);
  });
});

describe('alp_hours_short', () => {
  it('fires when enrolled ALP minutes at the as-at week fall short of the IDP, saying by how much', () => {
    expect(checks(onAlp({ alnStatus: 'idp_school', idpAlpMinutesPerWeek: 120 }), 'alp_hours_short', { asAtWeek: 10 })).toEqual([
      {
        code: 'alp_hours_short',
        subject: { kind: 'learner', id: 1 },
        params: { requiredMinutes: 120, enrolledMinutes: 90, shortByMinutes: 30, week: 10 },
      },
    ]);
  });
  it('does not fire when the IDP’s minutes are met or not recorded', () => {
    expect(checks(onAlp({ alnStatus: 'idp_school', idpAlpMinutesPerWeek: 90 }), 'alp_hours_short', { asAtWeek: 10 })).toEqual([]);
    expect(checks(onAlp({ alnStatus: 'idp_school', idpAlpMinutesPerWeek: null }), 'alp_hours_short', { asAtWeek: 10 })).toEqual([]);
  });
  it('measures the as-at week, and the peak week before the year starts', () => {
    const block = interventionLine({ id: 1, tierId: 'alp', minutesPerSession: 60, sessionsPerWeekHundredths: 200, startWeek: 1, weeks: 12 }); // 120 min, weeks 1–12
    const year = onAlp({ alnStatus: 'idp_school', idpAlpMinutesPerWeek: 120 }, block);
    expect(checks(year, 'alp_hours_short', { asAtWeek: 5 })).toEqual([]);
    expect(checks(year, 'alp_hours_short', { asAtWeek: 20 })[0]?.params).toMatchObject({ enrolledMinutes: 0, shortByMinutes: 120, week: 20 });
    expect(checks(year, 'alp_hours_short', { asAtWeek: 0 })).toEqual([]);
    expect(costSchoolYear(year, { asAtWeek: 0 }).learners[0]?.alpMinutesPerWeek).toBe(120);
  });
});

describe('welsh_alp_in_english', () => {
  it('fires when the IDP requires Welsh-medium ALP and an ALP line is delivered only in English, naming the line', () => {
    expect(checks(onAlp({ alnStatus: 'idp_la', welshAlp: true }), 'welsh_alp_in_english')).toEqual([{ code: 'welsh_alp_in_english', subject: { kind: 'learner', id: 1 }, params: { lineId: 1 } }]);
  });
  it('fires for the English line even when the learner’s other ALP lines are in Welsh', () => {
    const welsh = interventionLine({ ...alpLine, id: 3, deliveryLanguage: 'welsh' });
    const bilingual = interventionLine({ ...alpLine, id: 4, deliveryLanguage: 'bilingual' });
    const english = interventionLine({ ...alpLine, id: 5, deliveryLanguage: 'english' });
    const year = schoolYear({
      lines: [welsh, bilingual, english],
      learners: [learner({ id: 1, alnStatus: 'idp_school', welshAlp: true })],
      enrolments: [enrolOn(welsh, 1, 1), enrolOn(english, 2, 1), enrolOn(bilingual, 3, 1)],
    });
    expect(checks(year, 'welsh_alp_in_english')).toEqual([{ code: 'welsh_alp_in_english', subject: { kind: 'learner', id: 1 }, params: { lineId: 5 } }]);
  });
  it('does not fire for Welsh or bilingual ALP, targeted provision in English, or when Welsh is not required', () => {
    const bilingual = interventionLine({ ...alpLine, id: 3, deliveryLanguage: 'bilingual' });
    const englishTargeted = interventionLine({ ...targeted, deliveryLanguage: 'english' });
    const year = schoolYear({
      lines: [bilingual, englishTargeted],
      learners: [learner({ id: 1, alnStatus: 'idp_la', welshAlp: true })],
      enrolments: [enrolOn(bilingual, 1, 1), enrolOn(englishTargeted, 2, 1)],
    });
    expect(checks(year, 'welsh_alp_in_english')).toEqual([]);
    expect(checks(onAlp({ alnStatus: 'idp_la', welshAlp: false }), 'welsh_alp_in_english')).toEqual([]);
  });
});

describe('group_over_capacity', () => {
  const small = interventionLine({ id: 1, groups: 1, groupCapacity: 2, startWeek: 1, weeks: 12 });
  const learners = [learner({ id: 1 }), learner({ id: 2 }), learner({ id: 3 })];
  it('fires when more are enrolled at one week than groups × places', () => {
    const year = schoolYear({
      lines: [small],
      learners,
      enrolments: [enrolOn(small, 1, 1), enrolOn(small, 2, 2), enrolOn(small, 3, 3, { startWeek: 8, endWeek: 12 })],
    });
    expect(checks(year, 'group_over_capacity')).toEqual([{ code: 'group_over_capacity', subject: { kind: 'line', id: 1 }, params: { places: 2, peakEnrolled: 3, week: 8, overBy: 1 } }]);
  });
  it('does not fire when enrolments follow one another through the places', () => {
    const year = schoolYear({
      lines: [small],
      learners,
      enrolments: [enrolOn(small, 1, 1), enrolOn(small, 2, 2, { startWeek: 1, endWeek: 6 }), enrolOn(small, 3, 3, { startWeek: 7, endWeek: 12 })],
    });
    expect(checks(year, 'group_over_capacity')).toEqual([]);
  });
});

describe('enrolment_outside_line', () => {
  it('fires for an enrolment running past its line’s weeks, with both ranges', () => {
    const year = schoolYear({ lines: [targeted], learners: [learner({ id: 1 })], enrolments: [enrolOn(targeted, 7, 1, { startWeek: 10, endWeek: 14 })] });
    expect(checks(year, 'enrolment_outside_line')).toEqual([
      {
        code: 'enrolment_outside_line',
        subject: { kind: 'enrolment', id: 7 },
        params: { lineId: 2, learnerId: 1, startWeek: 10, endWeek: 14, lineStartWeek: 1, lineEndWeek: 12 },
      },
    ]);
  });
  it('does not fire inside the run', () => {
    const year = schoolYear({ lines: [targeted], learners: [learner({ id: 1 })], enrolments: [enrolOn(targeted, 7, 1, { startWeek: 3, endWeek: 12 })] });
    expect(checks(year, 'enrolment_outside_line')).toEqual([]);
  });
});

describe('idp_review_overdue', () => {
  const withIdp = (l: Partial<Learner>) => schoolYear({ lines: [alpLine], learners: [learner({ id: 1, alnStatus: 'idp_school', ...l })], enrolments: [enrolOn(alpLine, 1, 1)] });
  it('fires 12 months after the last review when no due date is set', () => {
    expect(checks(withIdp({ idpLastReviewed: '2025-10-15' }), 'idp_review_overdue', { today: '2026-11-01' })).toEqual([
      { code: 'idp_review_overdue', subject: { kind: 'learner', id: 1 }, params: { dueDate: '2026-10-15', daysOverdue: 17 } },
    ]);
  });
  it('uses a due date when one is set, and is not overdue on the due date itself', () => {
    expect(checks(withIdp({ idpLastReviewed: '2025-10-15', idpReviewDue: '2026-12-01' }), 'idp_review_overdue', { today: '2026-11-01' })).toEqual([]);
    expect(checks(withIdp({ idpReviewDue: '2026-11-01' }), 'idp_review_overdue', { today: '2026-11-01' })).toEqual([]);
    expect(checks(withIdp({ idpReviewDue: '2026-10-31' }), 'idp_review_overdue', { today: '2026-11-01' })).toHaveLength(1);
  });
  it('is not made without today’s date (the engine never reads the clock)', () => {
    expect(checks(withIdp({ idpLastReviewed: '2020-01-01' }), 'idp_review_overdue')).toEqual([]);
  });
});

describe('alp_undelivered', () => {
  const gappy = interventionLine({ ...alpLine, undeliveredWeeks: [3, 4, 30] });
  it('fires per learner with an IDP on an ALP line, counting the weeks not delivered in their enrolment so far', () => {
    const year = schoolYear({
      lines: [gappy],
      learners: [learner({ id: 1, alnStatus: 'idp_school' }), learner({ id: 2, alnStatus: 'idp_la' })],
      enrolments: [enrolOn(gappy, 1, 1), enrolOn(gappy, 2, 2, { startWeek: 10, endWeek: 38 })],
    });
    // At week 20, weeks 3 and 4 have passed; week 30 (recorded ahead) has not, and learner 2 joined at week 10.
    expect(checks(year, 'alp_undelivered', { asAtWeek: 20 })).toEqual([{ code: 'alp_undelivered', subject: { kind: 'learner', id: 1 }, params: { lineId: 1, weeks: 2, asAtWeek: 20 } }]);
    expect(checks(year, 'alp_undelivered', { asAtWeek: 38 })).toEqual([
      { code: 'alp_undelivered', subject: { kind: 'learner', id: 1 }, params: { lineId: 1, weeks: 3, asAtWeek: 38 } },
      { code: 'alp_undelivered', subject: { kind: 'learner', id: 2 }, params: { lineId: 1, weeks: 1, asAtWeek: 38 } },
    ]);
    expect(checks(year, 'alp_undelivered', { asAtWeek: 2 })).toEqual([]);
  });
  it('does not fire when every week was delivered, or for targeted provision', () => {
    expect(checks(onAlp({ alnStatus: 'idp_school' }), 'alp_undelivered')).toEqual([]);
    expect(checks(onAlp({ alnStatus: 'idp_school' }, interventionLine({ ...targeted, undeliveredWeeks: [3] })), 'alp_undelivered')).toEqual([]);
  });
});

describe('targeted_long_no_idp', () => {
  const terms = [1, 15, 27].map((start, i) => interventionLine({ id: 10 + i, tierId: 'targeted', startWeek: start, weeks: 12 }));
  it('prompts a review for a learner without an IDP on targeted provision for three terms (36 weeks)', () => {
    const year = schoolYear({ lines: terms, learners: [learner({ id: 1, alnStatus: 'monitored' })], enrolments: terms.map((l, i) => enrolOn(l, i + 1, 1)) });
    expect(checks(year, 'targeted_long_no_idp')).toEqual([{ code: 'targeted_long_no_idp', subject: { kind: 'learner', id: 1 }, params: { weeks: 36, thresholdWeeks: 36, asAtWeek: 38 } }]);
  });
  it('counts the weeks had so far, up to the week the map is viewed at, never the whole planned run', () => {
    const year = schoolYear({ lines: terms, learners: [learner({ id: 1, alnStatus: 'monitored' })], enrolments: terms.map((l, i) => enrolOn(l, i + 1, 1)) });
    // Weeks 1–12, 15–26 and 27–38 are planned: by week 12 the learner has had 12 of them, by week 37, 35.
    expect(checks(year, 'targeted_long_no_idp', { asAtWeek: 12 })).toEqual([]);
    expect(checks(year, 'targeted_long_no_idp', { asAtWeek: 37 })).toEqual([]);
    expect(checks(year, 'targeted_long_no_idp', { asAtWeek: 38 })[0]?.params).toEqual({ weeks: 36, thresholdWeeks: 36, asAtWeek: 38 });
    const long = interventionLine({ id: 30, tierId: 'targeted', startWeek: 1, weeks: 38 });
    const whole = schoolYear({ lines: [long], learners: [learner({ id: 1 })], enrolments: [enrolOn(long, 1, 1)] });
    expect(checks(whole, 'targeted_long_no_idp', { asAtWeek: 36 })[0]?.params).toEqual({ weeks: 36, thresholdWeeks: 36, asAtWeek: 36 });
    expect(checks(whole, 'targeted_long_no_idp', { asAtWeek: 35 })).toEqual([]);
  });
  it('does not prompt for two terms, for overlapping blocks counted twice, or for a learner with an IDP', () => {
    const two = schoolYear({ lines: terms, learners: [learner({ id: 1 })], enrolments: terms.slice(0, 2).map((l, i) => enrolOn(l, i + 1, 1)) });
    expect(checks(two, 'targeted_long_no_idp')).toEqual([]);
    const overlap = [1, 1, 1].map((s, i) => interventionLine({ id: 20 + i, startWeek: s, weeks: 12 }));
    const same = schoolYear({ lines: overlap, learners: [learner({ id: 1 })], enrolments: overlap.map((l, i) => enrolOn(l, i + 1, 1)) });
    expect(checks(same, 'targeted_long_no_idp')).toEqual([]);
    const idp = schoolYear({ lines: terms, learners: [learner({ id: 1, alnStatus: 'idp_school' })], enrolments: terms.map((l, i) => enrolOn(l, i + 1, 1)) });
    expect(checks(idp, 'targeted_long_no_idp')).toEqual([]);
  });
});

describe('who has ALN', () => {
  it('counts IDPs and decided learners as learners with ALN, and the monitoring register apart', () => {
    const year = schoolYear({
      learners: [
        learner({ id: 1, alnStatus: 'monitored' }),
        learner({ id: 2, alnStatus: 'monitored' }),
        learner({ id: 3, alnStatus: 'idp_school' }),
        learner({ id: 4, alnStatus: 'idp_la' }),
        learner({ id: 5, alnStatus: 'idp_preparing' }),
        learner({ id: 6 }),
      ],
    });
    const { totals } = costSchoolYear(year);
    expect([totals.learnersWithAln, totals.learnersMonitored]).toEqual([3, 2]);
  });

  it('does not ask for an IDP for ALP given while the IDP is being prepared, nor prompt a review of targeted support', () => {
    expect(checks(onAlp({ alnStatus: 'idp_preparing' }), 'alp_without_idp')).toEqual([]);
    expect(checks(onAlp({ alnStatus: 'monitored' }), 'alp_without_idp')).toHaveLength(1);
    const long = interventionLine({ id: 3, tierId: 'targeted', startWeek: 1, weeks: 38 });
    const year = schoolYear({ lines: [long], learners: [learner({ id: 1, alnStatus: 'idp_preparing' })], enrolments: [enrolOn(long, 1, 1)] });
    expect(checks(year, 'targeted_long_no_idp')).toEqual([]);
  });
});

describe('the decision clock', () => {
  // Autumn 2026 with a half-term 26–30 October and an INSET day on Monday 2 November.
  const autumn = { startsOn: '2026-09-01', endsOn: '2026-12-18', halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-30' };
  const referred = (learners: Learner[]) => {
    const year = schoolYear({ learners });
    year.calendar = { terms: [autumn], weekStarts: weeksFromTerms([autumn]), closedDays: ['2026-11-02'] };
    return year;
  };
  const clockOf = (l: Partial<Learner>, today?: string) => costSchoolYear(referred([learner({ id: 1, referredOn: '2026-10-01', ...l })]), today ? { today } : {}).decisions;

  it('makes a school’s decision due on the 35th school day after the referral, counted across the half-term and the INSET day', () => {
    const [clock] = clockOf({}, '2026-10-01');
    expect(clock).toMatchObject({ learnerId: 1, decider: 'school', dueOn: '2026-11-27', schoolDaysLeft: 35, state: 'running' });
  });

  it('gives a local authority 12 weeks', () => {
    expect(clockOf({ referralDecider: 'la' }, '2026-10-01')[0]).toMatchObject({ dueOn: '2026-12-24', state: 'running' });
  });

  it('is near at 10 school days left, due on the date itself, and overdue the day after', () => {
    // 16–20 November and 23–27 November are the last 10 school days
    expect(clockOf({}, '2026-11-12')[0]).toMatchObject({ schoolDaysLeft: 11, state: 'running' });
    expect(clockOf({}, '2026-11-13')[0]).toMatchObject({ schoolDaysLeft: 10, state: 'due_soon' });
    expect(clockOf({}, '2026-11-27')[0]).toMatchObject({ schoolDaysLeft: 0, state: 'due_soon' });
    expect(clockOf({}, '2026-11-30')[0]).toMatchObject({ schoolDaysLeft: 0, state: 'overdue', daysOverdue: 3 });
    const year = referred([learner({ id: 1, referredOn: '2026-10-01' })]);
    expect(checks(year, 'aln_decision_due_soon', { today: '2026-11-13' }).map((c) => c.params)).toEqual([
      { referredOn: '2026-10-01', decider: 'school', dueDate: '2026-11-27', afterYear: 0, schoolDaysLeft: 10 },
    ]);
    expect(checks(year, 'aln_decision_overdue', { today: '2026-11-30' }).map((c) => c.params)).toEqual([
      { referredOn: '2026-10-01', decider: 'school', dueDate: '2026-11-27', afterYear: 0, daysOverdue: 3 },
    ]);
    expect(checks(year, 'aln_decision_due_soon', { today: '2026-11-12' })).toEqual([]);
  });

  it('stops when the decision is given or an IDP is recorded, and starts only with a referral', () => {
    expect(clockOf({ decidedOn: '2026-11-20' }, '2026-11-30')).toEqual([]);
    expect(clockOf({ alnStatus: 'idp_school' }, '2026-11-30')).toEqual([]);
    expect(clockOf({ referredOn: null }, '2026-11-30')).toEqual([]);
    // Decided to have ALN with the IDP still being prepared: the IDP is due on the same date
    expect(clockOf({ alnStatus: 'idp_preparing' }, '2026-11-30')[0]).toMatchObject({ state: 'overdue' });
  });

  it('says when the date due falls after this year’s calendar ends', () => {
    expect(clockOf({ referredOn: '2026-12-04' }, '2026-12-04')[0]).toMatchObject({ dueOn: null, schoolDaysAfterYear: 25, schoolDaysLeft: 35, state: 'running' });
  });

  it('lists open referrals and their checks in due order, the earliest first', () => {
    const year = referred([learner({ id: 1, referredOn: '2026-10-05' }), learner({ id: 2, referredOn: '2026-09-10', referralDecider: 'la' }), learner({ id: 3, referredOn: '2026-09-20' })]);
    const costed = costSchoolYear(year, { today: '2026-12-14' });
    // Referred Sunday 20 September: 25 school days to 23 October, then 3–6, 9–13 and 16 November (the 35th).
    // Referred Monday 5 October: 14 to 23 October, 3–27 November makes 33, then 30 November and 1 December.
    // The authority: 10 September + 12 weeks.
    expect(costed.decisions.map((d) => [d.learnerId, d.dueOn])).toEqual([
      [3, '2026-11-16'],
      [1, '2026-12-01'],
      [2, '2026-12-03'],
    ]);
    expect(costed.checks.filter((c) => c.code === 'aln_decision_overdue').map((c) => c.subject.id)).toEqual([3, 1, 2]);
  });
});

describe('staff_without_cost', () => {
  it('fires for someone who delivers provision with no hourly cost entered, giving their busiest week’s minutes', () => {
    const year = schoolYear({ staff: [staffMember({ id: 1, hourlyCostPence: 0 })], lines: [alpLine] });
    expect(checks(year, 'staff_without_cost')).toEqual([{ code: 'staff_without_cost', subject: { kind: 'staff', id: 1 }, params: { peakMinutes: 90 } }]);
  });
  it('does not fire for someone with an hourly cost, or for someone at no cost who delivers nothing', () => {
    expect(checks(schoolYear({ staff: [staffMember({ id: 1 })], lines: [alpLine] }), 'staff_without_cost')).toEqual([]);
    expect(checks(schoolYear({ staff: [staffMember({ id: 1, hourlyCostPence: 0 })], lines: [interventionLine({ id: 1, staff: [] })] }), 'staff_without_cost')).toEqual([]);
  });
});

describe('check order', () => {
  it('lists checks by code, then by subject', () => {
    const year = schoolYear({
      staff: [staffMember({ id: 1, contractedMinutesPerWeek: 10 })],
      lines: [alpLine],
      learners: [learner({ id: 2 }), learner({ id: 1, alnStatus: 'idp_school' }), learner({ id: 3 })],
      enrolments: [enrolOn(alpLine, 1, 3), enrolOn(alpLine, 2, 2)],
    });
    expect(costSchoolYear(year).checks.map((c) => [c.code, c.subject.id])).toEqual([
      ['alp_without_idp', 2],
      ['alp_without_idp', 3],
      ['idp_without_alp', 1],
      ['staff_over_allocated', 1],
    ]);
  });
});
