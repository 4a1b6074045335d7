import { describe, expect, it } from 'vitest';
import { costSchoolYear } from './costSchoolYear';
import { enrolOn, incomeLine, interventionLine, learner, otherCost, schoolYear, staffMember, expectOnlyWholeNumbers } from '../../test/support/schoolYearBuilder';
import type { CostedMap } from './types';

const lineOf = (map: CostedMap, id: number) => {
  const l = map.lines.find((x) => x.lineId === id);
  if (!l) throw new Error(`line ${id} not costed`);
  return l;
};

describe('docs/costing-rules.md worked examples, to the penny', () => {
  const group = interventionLine({ id: 1, minutesPerSession: 30, sessionsPerWeekHundredths: 300, weeks: 12 });
  const withPack = interventionLine({ id: 2, nonStaffCosts: [{ label: 'Resource pack', pence: 4500 }] });
  const oneToOne = interventionLine({
    id: 3,
    tierId: 'alp',
    minutesPerSession: 390,
    sessionsPerWeekHundredths: 500, // 6.5 hours a day, 5 days = 32.5 hours a week
    weeks: 38,
    groupCapacity: 1,
  });
  const map = costSchoolYear(schoolYear({ lines: [group, withPack, oneToOne] }));

  it('a TA at £15.40/h, 30 minutes, 3 times a week for 12 weeks costs £277.20', () => {
    expect(lineOf(map, 1)).toMatchObject({ staffCostPence: 27720, nonStaffCostPence: 0, costPence: 27720 });
  });

  it('with a £45.00 resource pack the line costs £322.20', () => {
    expect(lineOf(map, 2)).toMatchObject({ staffCostPence: 27720, nonStaffCostPence: 4500, costPence: 32220 });
  });

  it('1:1 support for 32.5 hours a week over 38 weeks at £15.40/h costs £19,019.00', () => {
    expect(lineOf(map, 3)).toMatchObject({ staffCostPence: 1_901_900, costPence: 1_901_900, staffMinutesPerWeek: 1950, learnerMinutesPerWeek: 1950 });
    // 25 of the 38 weeks start before 1 April 2027: 1,901,900 × 25/38 = 1,251,250; 13/38 = 650,650.
    expect(lineOf(map, 3).financialYears).toEqual({ years: [2026, 2027], pence: [1_251_250, 650_650] });
  });

  it('totals are the sums of the lines', () => {
    expect(map.totals.costPence).toBe(27720 + 32220 + 1_901_900);
    expect(map.totals.chargedPence).toBe(27720 + 32220 + 1_901_900);
    expect(map.totals.unallocatedPence).toBe(27720 + 32220 + 1_901_900);
  });
});

describe('intervention line cost', () => {
  it('costs planning and liaison minutes like contact time: 1540 × 40/60 × 3 × 12 = 36,960p', () => {
    const map = costSchoolYear(schoolYear({ lines: [interventionLine({ id: 1, planningMinutesPerSession: 10 })] }));
    expect(lineOf(map, 1)).toMatchObject({ costPence: 36960, staffMinutesPerWeek: 120, learnerMinutesPerWeek: 90 });
  });

  it('multiplies by staff per group and by groups: 2 TAs in each of 2 groups = 4 × 27,720p', () => {
    const map = costSchoolYear(schoolYear({ lines: [interventionLine({ id: 1, staff: [{ staffId: 1, count: 2 }], groups: 2 })] }));
    expect(lineOf(map, 1)).toMatchObject({ costPence: 110_880, places: 12, staffMinutesPerWeek: 360, learnerMinutesPerWeek: 90 });
  });

  it('costs a fortnightly hour (0.5 sessions a week) over 38 weeks: 1540 × 0.5 × 38 = 29,260p', () => {
    const map = costSchoolYear(schoolYear({ lines: [interventionLine({ id: 1, minutesPerSession: 60, sessionsPerWeekHundredths: 50, weeks: 38 })] }));
    expect(lineOf(map, 1)).toMatchObject({ costPence: 29260, staffMinutesPerWeek: 30, learnerMinutesPerWeek: 30 });
  });

  it('rounds once per line, not once per member of staff', () => {
    // Two people at 1001p/h for one minute: each is 16.68p; rounding each would give 34p, the line is 33.37p → 33p.
    const staff = [staffMember({ id: 1, hourlyCostPence: 1001 }), staffMember({ id: 2, hourlyCostPence: 1001 })];
    const line = interventionLine({
      id: 1,
      staff: [
        { staffId: 1, count: 1 },
        { staffId: 2, count: 1 },
      ],
      minutesPerSession: 1,
      sessionsPerWeekHundredths: 100,
      weeks: 1,
    });
    expect(lineOf(costSchoolYear(schoolYear({ staff, lines: [line] })), 1).costPence).toBe(33);
  });

  it('shows cost per place beside cost per learner, so an under-filled group shows', () => {
    const line = interventionLine({ id: 1, nonStaffCosts: [{ label: 'Pack', pence: 4500 }], groupCapacity: 6 });
    const map = costSchoolYear(schoolYear({ lines: [line], learners: [learner({ id: 1 }), learner({ id: 2 })], enrolments: [enrolOn(line, 1, 1), enrolOn(line, 2, 2)] }));
    expect(lineOf(map, 1)).toMatchObject({ places: 6, costPerPlacePence: 5370, enrolledLearners: 2, costPerLearnerPence: 16110 });
  });
});

describe('shares per learner', () => {
  const line = interventionLine({ id: 1, nonStaffCosts: [{ label: 'Pack', pence: 4500 }] }); // 32,220p over weeks 1–12
  const learners = [learner({ id: 1 }), learner({ id: 2 }), learner({ id: 3 })];

  it('shares the line cost by enrolled weeks: 12, 6 and 6 weeks of £322.20', () => {
    const map = costSchoolYear(
      schoolYear({
        lines: [line],
        learners,
        enrolments: [enrolOn(line, 1, 1), enrolOn(line, 2, 2, { startWeek: 1, endWeek: 6 }), enrolOn(line, 3, 3, { startWeek: 7, endWeek: 12 })],
      }),
    );
    expect(lineOf(map, 1).shares.map((s) => [s.learnerId, s.weeks, s.pence])).toEqual([
      [1, 12, 16110],
      [2, 6, 8055],
      [3, 6, 8055],
    ]);
    expect(lineOf(map, 1).unallocatedPence).toBe(0);
    expect(map.learners.map((l) => l.costPence)).toEqual([16110, 8055, 8055]);
  });

  it('gives the odd penny to the earlier enrolment (lower id) on a tie', () => {
    const odd = interventionLine({ id: 1, nonStaffCosts: [{ label: 'Pack', pence: 4501 }] }); // 32,221p
    const map = costSchoolYear(schoolYear({ lines: [odd], learners, enrolments: [enrolOn(odd, 9, 2), enrolOn(odd, 4, 1)] }));
    expect(lineOf(map, 1).shares.map((s) => [s.enrolmentId, s.pence])).toEqual([
      [4, 16111],
      [9, 16110],
    ]);
  });

  it('counts only weeks inside the line’s run', () => {
    const map = costSchoolYear(schoolYear({ lines: [line], learners, enrolments: [enrolOn(line, 1, 1, { startWeek: 7, endWeek: 20 }), enrolOn(line, 2, 2, { startWeek: 20, endWeek: 30 })] }));
    expect(lineOf(map, 1).shares.map((s) => [s.weeks, s.pence])).toEqual([
      [6, 32220],
      [0, 0],
    ]);
    expect(lineOf(map, 1).enrolledLearners).toBe(1);
  });

  it('shows a line nobody is enrolled on as unallocated cost, never dropped', () => {
    const map = costSchoolYear(schoolYear({ lines: [line] }));
    expect(lineOf(map, 1)).toMatchObject({ shares: [], unallocatedPence: 32220, costPerLearnerPence: null, enrolledLearners: 0 });
    expect(map.totals.unallocatedPence).toBe(32220);
  });

  it('costs universal provision per pupil on roll instead of sharing it', () => {
    const universal = interventionLine({ id: 2, tierId: 'universal', minutesPerSession: 60, sessionsPerWeekHundredths: 100, weeks: 38 }); // 58,520p
    const map = costSchoolYear(schoolYear({ lines: [universal], learners, enrolments: [enrolOn(universal, 1, 1)] }));
    expect(lineOf(map, 2)).toMatchObject({ costPence: 58520, unallocatedPence: 58520 });
    expect(lineOf(map, 2).shares).toEqual([{ enrolmentId: 1, learnerId: 1, weeks: 38, pence: 0 }]);
    expect(map.totals.wholeSchoolPerPupilPence).toBe(293); // 58,520 ÷ 200 on roll = 292.6
  });
});

describe('financial years, cost to date and undelivered weeks', () => {
  // Weeks 20–31: 20–25 start before 1 April 2027, 26–31 after.
  const line = interventionLine({ id: 1, startWeek: 20, nonStaffCosts: [{ label: 'Pack', pence: 4500 }], undeliveredWeeks: [22, 23] });

  it('splits the whole line cost, resource pack included, by its weeks in each financial year', () => {
    const map = costSchoolYear(schoolYear({ lines: [line] }));
    expect(lineOf(map, 1).financialYears).toEqual({ years: [2026, 2027], pence: [16110, 16110] });
    expect(map.totals.financialYears.pence).toEqual([16110, 16110]);
  });

  it('costs the delivered weeks to date and leaves out weeks not delivered', () => {
    // 32,220 ÷ 12 = 2,685 a week. As at week 25: weeks 20, 21, 24, 25 delivered = 10,740; 22, 23 undelivered = 5,370.
    const map = costSchoolYear(schoolYear({ lines: [line] }), { asAtWeek: 25 });
    expect(map.asAtWeek).toBe(25);
    expect(lineOf(map, 1)).toMatchObject({ costToDatePence: 10740, undeliveredPence: 5370, costPence: 32220 });
    expect(map.totals).toMatchObject({ costToDatePence: 10740, undeliveredPence: 5370 });
  });

  it('takes the as-at week from today: 0 before the year, the week containing it during, the last after', () => {
    const year = schoolYear({ lines: [interventionLine({ id: 1, startWeek: 1 })] });
    expect(costSchoolYear(year, { today: '2026-08-01' })).toMatchObject({ asAtWeek: 0 });
    expect(lineOf(costSchoolYear(year, { today: '2026-08-01' }), 1).costToDatePence).toBe(0);
    const oct = costSchoolYear(year, { today: '2026-10-01' }); // week 4 (w/c 28 September)
    expect(oct.asAtWeek).toBe(4);
    expect(lineOf(oct, 1).costToDatePence).toBe(9240); // 27,720 × 4/12
    expect(costSchoolYear(year, { today: '2027-09-01' }).asAtWeek).toBe(38);
    expect(costSchoolYear(year, { asAtWeek: 99 }).asAtWeek).toBe(38);
    expect(costSchoolYear(year).asAtWeek).toBe(38);
  });
});

describe('other cost lines', () => {
  const staff = [staffMember({ id: 1 }), staffMember({ id: 2, role: 'alnco', hourlyCostPence: 3000, contractedMinutesPerWeek: 1950 })];
  const release = otherCost({ id: 1, kind: 'alnco_release', staffId: 2, minutesPerWeek: 120, weeks: 38 });
  const ep = otherCost({ id: 2, kind: 'bought_in_service', quantity: 4, unitPence: 45000, fundingSource: 'core_budget' });
  const map = costSchoolYear(
    schoolYear({
      staff,
      otherCosts: [release, ep],
      workload: { alncoStaffId: 2, idpsToPrepare: 3, minutesPerIdp: 600, idpReviews: 10, minutesPerReview: 120 },
    }),
  );

  it('costs ALNCo release as hourly × hours a week × weeks: 3000 × 2 × 38 = 228,000p', () => {
    expect(map.otherCosts[0]).toMatchObject({ otherCostId: 1, costPence: 228_000, chargedToAlnBudget: true });
  });

  it('costs a bought-in service as sessions × price, split over its weeks by financial year', () => {
    // 180,000 × 25/38 = 118,421.05; × 13/38 = 61,578.95 → 118,421 and 61,579.
    expect(map.otherCosts[1]).toMatchObject({ costPence: 180_000, chargedToAlnBudget: false, financialYears: { years: [2026, 2027], pence: [118_421, 61_579] } });
  });

  it('counts other costs in the totals, under other_costs by tier and area, and by funding source', () => {
    expect(map.totals).toMatchObject({ costPence: 408_000, otherCostsPence: 408_000, linesCostPence: 0, chargedPence: 228_000 });
    expect(map.totals.byTier.find((b) => b.key === 'other_costs')).toEqual({ key: 'other_costs', costPence: 408_000, chargedPence: 228_000 });
    expect(map.totals.byArea.find((b) => b.key === 'other_costs')).toEqual({ key: 'other_costs', costPence: 408_000, chargedPence: 228_000 });
    expect(map.totals.byFundingSource.find((b) => b.key === 'core_budget')).toEqual({ key: 'core_budget', costPence: 180_000, chargedPence: 0 });
  });

  it('sets the ALNCo’s statutory workload against release time, in minutes and pounds', () => {
    // Needed: 3 IDPs × 10 h + 10 reviews × 2 h = 50 h; release 2 h × 38 = 76 h.
    expect(map.workload).toEqual({
      minutesNeeded: 3000,
      releaseMinutes: 4560,
      balanceMinutes: 1560,
      neededCostPence: 150_000,
      releaseCostPence: 228_000,
    });
  });

  it('counts the ALNCo’s release time in their weekly allocation', () => {
    expect(map.staff.find((s) => s.staffId === 2)).toMatchObject({ peakAllocatedMinutesPerWeek: 120, peakWeek: 1, overAllocated: false, costPence: 228_000 });
  });
});

describe('totals by tier, ALP, area and funding', () => {
  const lines = [
    interventionLine({ id: 1, tierId: 'alp', areaIds: ['cognition_learning', 'communication_interaction', 'besd'], nonStaffCosts: [{ label: 'x', pence: 1 }] }), // 27,721
    interventionLine({ id: 2, tierId: 'targeted', areaIds: [], fundingSource: 'la_idp' }), // 27,720
    interventionLine({ id: 3, tierId: 'universal', fundingSource: 'core_budget' }), // 27,720
  ];
  const map = costSchoolYear(
    schoolYear({
      lines,
      learners: [learner({ id: 1, alnStatus: 'idp_school' }), learner({ id: 2, alnStatus: 'monitored' }), learner({ id: 3 }), learner({ id: 4, alnStatus: 'idp_preparing' })],
    }),
  );

  it('splits a line across its areas equally by largest remainder, and puts a line with none under unspecified', () => {
    const area = Object.fromEntries(map.totals.byArea.map((b) => [b.key, b.costPence]));
    expect(area).toEqual({ cognition_learning: 9241 + 27720, communication_interaction: 9240, besd: 9240, sensory_physical: 0, unspecified: 27720 });
  });

  it('groups by tier and by ALP / not ALP; only ALN-budget funding is charged', () => {
    expect(map.totals.byTier).toEqual([
      { key: 'universal', costPence: 27720, chargedPence: 0 },
      { key: 'targeted', costPence: 27720, chargedPence: 0 },
      { key: 'alp', costPence: 27721, chargedPence: 27721 },
    ]);
    expect(map.totals.byAlp).toEqual([
      { key: 'alp', costPence: 27721, chargedPence: 27721 },
      { key: 'not_alp', costPence: 55440, chargedPence: 0 },
    ]);
    expect(map.totals.chargedPence).toBe(27721);
  });

  it('divides the charged cost among learners with ALN (an IDP, or decided with the IDP being prepared; never the monitoring register)', () => {
    expect(map.totals.learnersWithAln).toBe(2);
    expect(map.totals.learnersMonitored).toBe(1);
    expect(map.totals.chargedPerLearnerWithAlnPence).toBe(13861); // 27,721 ÷ 2 = 13,860.5 → half up
  });
});

describe('budget position', () => {
  const line = interventionLine({ id: 1, startWeek: 20 }); // 27,720 over weeks 20–31: 13,860 in each year
  const income = [
    incomeLine({ id: 1, amountPence: 500_000 }), // the academic year: 25/38 and 13/38
    incomeLine({ id: 2, amountPence: 50_000, kind: 'aln_grant', financialYear: 2027 }),
    incomeLine({ id: 3, amountPence: 7_000, financialYear: 2025 }),
  ];
  const map = costSchoolYear(schoolYear({ lines: [line, interventionLine({ id: 2, fundingSource: 'core_budget' })], income }));

  it('is income less costs charged to the ALN budget', () => {
    // The 2025-26 line (7,000p) is in neither financial year of 2026-27, so not in the income.
    expect(map.budget).toMatchObject({ incomePence: 550_000, chargedPence: 27_720, positionPence: 522_280 });
  });

  it('names an income line for a financial year outside the school year, which is not counted', () => {
    expect(map.checks.filter((c) => c.code === 'income_outside_year')).toEqual([
      { code: 'income_outside_year', subject: { kind: 'income', id: 3 }, params: { financialYear: 2025, amountPence: 7_000, firstYear: 2026, secondYear: 2027 } },
    ]);
  });

  it('sets each financial year’s income against its costs, splitting academic-year income by teaching weeks', () => {
    // 500,000 × 25/38 = 328,947.37 and × 13/38 = 171,052.63 → 328,947 and 171,053.
    expect(map.budget.financialYears).toEqual([
      { year: 2026, incomePence: 328_947, chargedPence: 13_860, positionPence: 315_087 },
      { year: 2027, incomePence: 171_053 + 50_000, chargedPence: 13_860, positionPence: 207_193 },
    ]);
  });
});

describe('staff allocation', () => {
  it('flags a TA whose busiest week is over their contracted hours, naming the week', () => {
    const staff = [staffMember({ id: 1, contractedMinutesPerWeek: 600 })];
    const lines = [
      interventionLine({ id: 1, minutesPerSession: 60, sessionsPerWeekHundredths: 500, startWeek: 1, weeks: 12 }), // 300 min/week
      interventionLine({ id: 2, minutesPerSession: 60, sessionsPerWeekHundredths: 500, startWeek: 10, weeks: 6 }), // 300
      interventionLine({ id: 3, minutesPerSession: 30, planningMinutesPerSession: 15, sessionsPerWeekHundredths: 150, startWeek: 11, weeks: 2 }), // 67.5
    ];
    const map = costSchoolYear(schoolYear({ staff, lines }));
    expect(map.staff[0]).toMatchObject({
      staffId: 1,
      contractedMinutesPerWeek: 600,
      peakAllocatedMinutesPerWeek: 668, // 667.5 → half up
      peakWeek: 11,
      overAllocated: true,
      lineIds: [1, 2, 3],
    });
    expect(map.checks.filter((c) => c.code === 'staff_over_allocated')).toEqual([
      { code: 'staff_over_allocated', subject: { kind: 'staff', id: 1 }, params: { contractedMinutes: 600, peakMinutes: 668, overByMinutes: 68, peakWeek: 11 } },
    ]);
  });

  it('does not flag exactly contracted hours', () => {
    const map = costSchoolYear(
      schoolYear({ staff: [staffMember({ id: 1, contractedMinutesPerWeek: 300 })], lines: [interventionLine({ id: 1, minutesPerSession: 60, sessionsPerWeekHundredths: 500 })] }),
    );
    expect(map.staff[0]).toMatchObject({ peakAllocatedMinutesPerWeek: 300, overAllocated: false });
    expect(map.checks.some((c) => c.code === 'staff_over_allocated')).toBe(false);
  });
});

describe('the costed map', () => {
  it('holds only whole numbers', () => {
    const line = interventionLine({ id: 1, nonStaffCosts: [{ label: 'x', pence: 333 }], sessionsPerWeekHundredths: 33, minutesPerSession: 7 });
    const map = costSchoolYear(
      schoolYear({
        staff: [staffMember({ id: 1, hourlyCostPence: 1777 })],
        lines: [line],
        learners: [learner({ id: 1, alnStatus: 'idp_la', idpAlpMinutesPerWeek: 45 }), learner({ id: 2 }), learner({ id: 3 })],
        enrolments: [enrolOn(line, 1, 1), enrolOn(line, 2, 2, { startWeek: 2, endWeek: 9 }), enrolOn(line, 3, 3, { startWeek: 5, endWeek: 7 })],
        income: [incomeLine({ id: 1, amountPence: 100_001 })],
        otherCosts: [otherCost({ id: 1, staffId: 1, minutesPerWeek: 7, weeks: 13 })],
      }),
      { today: '2027-01-20' },
    );
    expect(() => expectOnlyWholeNumbers(map)).not.toThrow();
    expect(() => expectOnlyWholeNumbers({ a: [{ b: 0.5 }] })).toThrow(/costed\.a\[0\]\.b is 0.5/);
  });
});
