import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from './demo/demoSchool';
import { applyPayAward, removeStaffMember, scaleIncomeLine, scaledPence } from './scenarioLevers';

const demo = demoSchoolYear();
const staffId = (prefix: string) => {
  const s = demo.staff.find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no ${prefix} in the demo school`);
  return s.id;
};

describe('scaledPence', () => {
  it('changes a figure by basis points, rounding once, half away from zero', () => {
    expect(scaledPence(1540, 250)).toBe(1579); // 1578.5 → 1579
    expect(scaledPence(1680, 250)).toBe(1722); // 1722.0 exactly
    expect(scaledPence(1890, 350)).toBe(1956); // 1956.15 → 1956
    expect(scaledPence(3, -5000)).toBe(2); // 1.5 → 2
    expect(scaledPence(1_240_000, -10_000)).toBe(0);
    expect(scaledPence(6_200_000, 0)).toBe(6_200_000);
    // Large figures stay exact (no float drift): 123 456 789 012 × 1.0001 = 123 469 134 690.9012
    expect(scaledPence(123_456_789_012, 1)).toBe(123_469_134_691);
  });

  it('refuses fractions of a penny or of a basis point', () => {
    expect(() => scaledPence(15.4, 250)).toThrow(RangeError);
    expect(() => scaledPence(1540, 2.5)).toThrow(RangeError);
  });
});

describe('applyPayAward', () => {
  it('changes every hourly cost by the percentage, per person, and leaves the input alone', () => {
    const before = JSON.stringify(demo);
    const { year, changes } = applyPayAward(demo, 250);
    expect(JSON.stringify(demo)).toBe(before);
    expect(changes).toHaveLength(demo.staff.length);
    for (const s of demo.staff) {
      const after = year.staff.find((x) => x.id === s.id);
      expect(after?.hourlyCostPence, s.name).toBe(scaledPence(s.hourlyCostPence, 250));
      expect(changes.find((c) => c.staffId === s.id)).toMatchObject({ name: s.name, fromPence: s.hourlyCostPence, toPence: after?.hourlyCostPence });
    }
    // The demo's TAs at £15.40 become £15.79 (1578.5 rounded up), HLTAs at £18.90 become £19.37 (1937.25).
    expect(year.staff.find((s) => s.id === staffId('Paul'))?.hourlyCostPence).toBe(1579);
    expect(year.staff.find((s) => s.id === staffId('Siân'))?.hourlyCostPence).toBe(1937);
    // Nothing else in the year moves.
    expect(year.lines).toBe(demo.lines);
    expect(year.income).toBe(demo.income);
  });

  it('scales the calculator’s annual salary too, where it was kept', () => {
    const withBasis = {
      ...demo,
      staff: demo.staff.map((s, i) => (i === 0 ? { ...s, hourlyCostBasis: { annualSalaryPence: 2_500_001, onCostBasisPoints: 2850, paidWeeksHundredths: 3860, paidMinutesPerWeek: 1950 } } : s)),
    };
    const { year } = applyPayAward(withBasis, 500);
    expect(year.staff[0]?.hourlyCostBasis).toEqual({ annualSalaryPence: 2_625_001, onCostBasisPoints: 2850, paidWeeksHundredths: 3860, paidMinutesPerWeek: 1950 }); // 2 625 001.05
    expect(year.staff[1]?.hourlyCostBasis).toBeNull();
  });
});

describe('scaleIncomeLine', () => {
  it('changes one income line and says from what to what', () => {
    const grant = demo.income.find((i) => i.kind === 'aln_grant');
    if (!grant) throw new Error('the demo school has a grant');
    const { year, change } = scaleIncomeLine(demo, grant.id, -10_000);
    expect(change).toEqual({ incomeId: grant.id, name: grant.name, nameCy: 'Grant gweithredu ADY', fromPence: 1_240_000, toPence: 0 });
    expect(year.income.find((i) => i.id === grant.id)?.amountPence).toBe(0);
    expect(year.income.filter((i) => i.id !== grant.id)).toEqual(demo.income.filter((i) => i.id !== grant.id));
    expect(scaleIncomeLine(demo, grant.id, -2_500).change.toPence).toBe(930_000);
  });

  it('refuses an income line that does not exist', () => {
    expect(() => scaleIncomeLine(demo, 999, 100)).toThrow(/no income line with id 999/);
  });
});

describe('removeStaffMember', () => {
  it('keeps every line, takes the person off, and lists the lines that lost their deliverer', () => {
    const paul = staffId('Paul');
    const claire = staffId('Claire');
    const removal = removeStaffMember(demo, paul);
    expect(removal.name).toBe('Paul Davies');
    expect(removal.year.staff.map((s) => s.id)).not.toContain(paul);
    expect(removal.year.lines).toHaveLength(demo.lines.length);
    const names = removal.linesLosingDeliverer.map((l) => l.name);
    expect(names).toEqual(demo.lines.filter((l) => l.staff.some((s) => s.staffId === paul)).map((l) => l.name));
    expect(names).toEqual(['In-class support, Reception and Year 1', 'Fine motor group (Write from the Start)', 'Precision teaching (spelling)']);
    const inClass = removal.linesLosingDeliverer[0];
    expect(inClass).toMatchObject({ nowUnstaffed: false, staff: [{ staffId: claire, count: 1 }] });
    const precision = removal.linesLosingDeliverer.find((l) => l.name.startsWith('Precision'));
    const precisionId = demo.lines.find((l) => l.name.startsWith('Precision'))?.id;
    expect(precision).toMatchObject({ nowUnstaffed: true, staff: [] });
    expect(precision?.enrolledLearners).toBe(new Set(demo.enrolments.filter((e) => e.lineId === precisionId).map((e) => e.learnerId)).size);
    expect(removal.year.lines.find((l) => l.id === precisionId)?.staff).toEqual([]);
    expect(removal.otherCostsWithoutStaff).toEqual([]);
    expect(removal.alncoCleared).toBe(false);
    // The input year is untouched.
    expect(demo.staff.some((s) => s.id === paul)).toBe(true);
  });

  it('unnames the person on other cost lines and the ALNCo workload', () => {
    const rhian = staffId('Rhian');
    const removal = removeStaffMember(demo, rhian);
    expect(removal.otherCostsWithoutStaff.map((o) => o.name)).toEqual(['ALNCo release time (1 day a week)']);
    expect(removal.year.otherCosts.find((o) => o.name.startsWith('ALNCo release'))?.staffId).toBeNull();
    expect(demo.workload.alncoStaffId).toBe(rhian);
    expect(removal.alncoCleared).toBe(true);
    expect(removal.year.workload.alncoStaffId).toBeNull();
  });

  it('refuses a person who is not in the year', () => {
    expect(() => removeStaffMember(demo, 999)).toThrow(/no staff member with id 999/);
  });
});
