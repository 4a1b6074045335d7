import { describe, expect, it } from 'vitest';
import type { SchoolYear } from '../domain';
import { costSchoolYear } from './costSchoolYear';
import { compareScenarios } from './scenarioComparison';
import { baselineYear, comparison, costed, grantEnds, TODAY, twoFewerTas } from '../../test/support/demoScenarios';

describe('compareScenarios', () => {
  it('takes every figure from the engine run on each year on its own', () => {
    const years: Array<[typeof comparison.baseline, SchoolYear]> = [
      [comparison.baseline, baselineYear],
      [comparison.scenarios[0]!, grantEnds],
      [comparison.scenarios[1]!, twoFewerTas],
    ];
    for (const [figures, year] of years) {
      const engine = costSchoolYear(year, { today: TODAY });
      expect(figures.budget.incomePence).toBe(engine.budget.incomePence);
      expect(figures.budget.chargedPence).toBe(engine.budget.chargedPence);
      expect(figures.budget.positionPence).toBe(engine.budget.positionPence);
      expect(figures.budget.financialYears).toEqual(engine.budget.financialYears);
      expect(figures.totalCostPence).toBe(engine.totals.costPence);
      expect(figures.byTier.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byTier);
      expect(figures.byAlp.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byAlp);
      expect(figures.byArea.map(({ key, costPence, chargedPence }) => ({ key, costPence, chargedPence }))).toEqual(engine.totals.byArea);
      const shortIds = new Set(engine.checks.filter((c) => c.code === 'alp_hours_short' || c.code === 'idp_without_alp').map((c) => c.subject.id));
      expect(figures.alpShortfall.count).toBe(shortIds.size);
      expect(figures.alpShortfall.learners.map((l) => l.learnerId).sort()).toEqual([...shortIds].sort());
      expect(figures.staffOverAllocated.count).toBe(engine.checks.filter((c) => c.code === 'staff_over_allocated').length);
      expect(figures.staffOverAllocated.count).toBe(engine.staff.filter((s) => s.overAllocated).length);
      const welsh = engine.checks.filter((c) => c.code === 'welsh_alp_in_english').map((c) => year.learners.find((l) => l.id === c.subject.id)?.ref);
      expect(figures.welshAlpShortfall.learnerRefs).toEqual([...welsh].sort());
    }
  });

  it('shows the grant ending as a loss of exactly the grant, and no other change', () => {
    const grant = baselineYear.income.find((i) => i.kind === 'aln_grant')!;
    const d = comparison.scenarios[0]!.difference;
    expect(d.incomePence).toBe(-grant.amountPence);
    expect(d.incomePence).toBe(-1_240_000);
    expect(d.positionPence).toBe(-1_240_000);
    expect(d.chargedPence).toBe(0);
    expect(d.totalCostPence).toBe(0);
    // The grant belongs to financial year 2026 (April 2026 – March 2027): that year's position falls by all of it.
    expect(d.financialYears).toEqual([
      { year: 2026, positionPence: -1_240_000 },
      { year: 2027, positionPence: 0 },
    ]);
    expect(d.byTier.every((g) => g.costPence === 0 && g.chargedPence === 0)).toBe(true);
    expect(d.alpShortfallCount).toBe(0);
    expect(d.newlyShortRefs).toEqual([]);
  });

  it('shows two fewer TAs as unstaffed lines and cheaper staffing, each difference being scenario − baseline', () => {
    const base = comparison.baseline;
    const s = comparison.scenarios[1]!;
    const d = s.difference;
    expect(d.positionPence).toBe(s.budget.positionPence - base.budget.positionPence);
    expect(d.totalCostPence).toBe(s.totalCostPence - base.totalCostPence);
    expect(d.totalCostPence).toBeLessThan(0);
    for (const g of d.byTier) {
      const b = base.byTier.find((x) => x.key === g.key)?.costPence ?? 0;
      const x = s.byTier.find((y) => y.key === g.key)?.costPence ?? 0;
      expect(g.costPence, g.key).toBe(x - b);
    }
    for (const g of d.byArea) {
      const b = base.byArea.find((x) => x.key === g.key)?.chargedPence ?? 0;
      const x = s.byArea.find((y) => y.key === g.key)?.chargedPence ?? 0;
      expect(g.chargedPence, g.key).toBe(x - b);
    }
    expect(d.financialYears.map((f) => f.positionPence)).toEqual(s.budget.financialYears.map((f, i) => f.positionPence - base.budget.financialYears[i]!.positionPence));
    expect(base.unstaffedLines.count).toBe(0);
    // In-class support (Claire and Paul), Fine motor and Precision teaching (Paul), Talk Boost (Claire).
    expect(s.unstaffedLines.lines.every((l) => l.nameCy === twoFewerTas.lines.find((x) => x.id === l.lineId)?.nameCy)).toBe(true);
    expect(s.unstaffedLines.lines.map((l) => l.name).sort()).toEqual(
      ['Fine motor group (Write from the Start)', 'In-class support, Reception and Year 1', 'Precision teaching (spelling)', 'Talk Boost (Reception)'].sort(),
    );
    expect(d.unstaffedLinesCount).toBe(4);
    const engine = costSchoolYear(twoFewerTas, { today: TODAY });
    for (const l of s.unstaffedLines.lines) expect(engine.lines.find((c) => c.lineId === l.lineId)?.staffCostPence).toBe(0);
  });

  it('carries each tier’s and area’s names in both languages, leaves the engine’s own groups to be worded, and reports learners newly short by reference', () => {
    expect(comparison.baseline.byTier.map((t) => t.record)).toEqual([...baselineYear.tiers.map(({ name, nameCy }) => ({ name, nameCy })), null]);
    expect(comparison.baseline.byTier.at(-1)?.key).toBe('other_costs');
    expect(comparison.baseline.byArea.map((a) => a.record)).toEqual([...baselineYear.areas.map(({ name, nameCy }) => ({ name, nameCy })), null]);
    expect(comparison.baseline.byAlp.map((g) => [g.key, g.record])).toEqual([
      ['alp', null],
      ['not_alp', null],
    ]);
    // Taking a learner's only ALP away makes them newly short in a scenario.
    const alpLineIds = new Set(baselineYear.lines.filter((l) => l.tierId === 'alp').map((l) => l.id));
    const shortLearner = baselineYear.learners.find(
      (l) => !comparison.baseline.alpShortfall.learners.some((s) => s.learnerId === l.id) && baselineYear.enrolments.some((e) => e.learnerId === l.id && alpLineIds.has(e.lineId)),
    )!;
    const withoutAlp: SchoolYear = { ...baselineYear, enrolments: baselineYear.enrolments.filter((e) => !(e.learnerId === shortLearner.id && alpLineIds.has(e.lineId))) };
    const c = compareScenarios(costed(null, 'Baseline', baselineYear), [costed(3, 'No ALP for one', withoutAlp)]);
    expect(c.scenarios[0]!.difference.newlyShortRefs).toEqual([shortLearner.ref]);
    expect(c.scenarios[0]!.difference.alpShortfallCount).toBe(1);
    expect(c.scenarios[0]!.alpShortfall.learners.find((l) => l.ref === shortLearner.ref)?.reason).toBe('idp_without_alp');
  });

  it('gives a rolled-forward year no difference for the financial year the baseline does not have', () => {
    const next: SchoolYear = {
      ...baselineYear,
      school: { ...baselineYear.school, academicYear: '2027-28' },
      calendar: { weekStarts: baselineYear.calendar.weekStarts.map((d) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`), terms: [], closedDays: [] },
    };
    const c = compareScenarios(costed(null, 'Baseline', baselineYear), [costed(4, 'Next year', next)]);
    const fy = c.scenarios[0]!.difference.financialYears;
    expect(fy.map((f) => f.year)).toEqual([2027, 2028]);
    expect(fy[1]!.positionPence).toBeNull();
    expect(fy[0]!.positionPence).toBe(c.scenarios[0]!.budget.financialYears[0]!.positionPence - c.baseline.budget.financialYears[1]!.positionPence);
  });
});
