/**
 * Scenarios side by side with the baseline: budget position (in total and per financial
 * year), spend by tier, by ALP / not ALP and by area of need, learners whose IDP's ALP would fall short,
 * staff over-allocated, Welsh ALP shortfall, lines left with no one to deliver them, and each figure's
 * difference from the baseline.
 *
 * Pure: every figure is read from `costSchoolYear`'s output for each year (`CostedYear.costed`); the
 * year's own records are used only for names and learner references. Nothing is recomputed here, so the
 * comparison can never disagree with the map.
 *
 * No words: a tier, area or line carries both the names the school typed for it, and a group of the
 * engine's own (ALP, not ALP, other costs, no area of need) only its key; the screen and the workbook
 * word each in the reader's language (`shared/i18n/spendGroupNames.ts`).
 *
 * Decisions:
 * - Tiers and areas are matched by their stable id; a key missing on one side counts as 0 there.
 * - Financial years are matched by the calendar year they start in; a scenario rolled forward to next
 *   year shares at most one financial year with the baseline, and its other one has no difference (null).
 * - "ALP would fall short" = the engine's `alp_hours_short` (enrolled ALP minutes below what the IDP
 *   specifies) and `idp_without_alp` (an IDP and no ALP at all) checks, one entry per learner.
 * - "Unstaffed lines" are lines with nobody assigned (e.g. after the remove-staff lever): the engine
 *   costs them at no staff time, so their learners' provision shows here rather than as a saving.
 */
import type { DeliveryLanguage, Pence, SchoolYear } from '../domain';
import type { CostedMap } from './types';

/** One year to compare: the baseline or a scenario, with the engine's figures for it. */
export interface CostedYear {
  /** The scenario's id; null for the baseline. */
  id: number | null;
  name: string;
  year: SchoolYear;
  costed: CostedMap;
}

/** The names the school typed for a tier or area (`nameCy` empty where it gave no Welsh). */
export interface GroupRecord {
  name: string;
  nameCy: string;
}

/** One row of a breakdown: a tier or area with its names, or one of the engine's own groups (`record` null). */
export interface SpendGroup {
  key: string;
  record: GroupRecord | null;
  costPence: Pence;
  chargedPence: Pence;
}

export interface ShortfallLearner {
  learnerId: number;
  ref: string;
  /** Why: enrolled ALP below the IDP's minutes, or an IDP with no ALP at all. */
  reason: 'alp_hours_short' | 'idp_without_alp';
  /** For alp_hours_short: minutes a week short; null for idp_without_alp. */
  shortByMinutes: number | null;
}

export interface ScenarioFigures {
  id: number | null;
  name: string;
  academicYear: string;
  budget: {
    incomePence: Pence;
    chargedPence: Pence;
    positionPence: Pence;
    financialYears: Array<{ year: number; incomePence: Pence; chargedPence: Pence; positionPence: Pence }>;
  };
  /** Every line and other cost, whoever pays. */
  totalCostPence: Pence;
  byTier: SpendGroup[];
  byAlp: SpendGroup[];
  byArea: SpendGroup[];
  alpShortfall: { count: number; learners: ShortfallLearner[] };
  staffOverAllocated: { count: number; staff: Array<{ staffId: number; name: string; overByMinutes: number }> };
  welshAlpShortfall: { count: number; learnerRefs: string[] };
  unstaffedLines: { count: number; lines: Array<{ lineId: number; name: string; nameCy: string; deliveryLanguage: DeliveryLanguage; enrolledLearners: number }> };
}

export interface GroupDifference {
  key: string;
  record: GroupRecord | null;
  costPence: Pence;
  chargedPence: Pence;
}

/** scenario − baseline for every figure. */
export interface ScenarioDifference {
  incomePence: Pence;
  chargedPence: Pence;
  positionPence: Pence;
  /** Per the scenario's financial years; null where the baseline has no such year. */
  financialYears: Array<{ year: number; positionPence: Pence | null }>;
  totalCostPence: Pence;
  byTier: GroupDifference[];
  byAlp: GroupDifference[];
  byArea: GroupDifference[];
  alpShortfallCount: number;
  /** Learners short in the scenario who were not short in the baseline, and the reverse (by reference). */
  newlyShortRefs: string[];
  noLongerShortRefs: string[];
  staffOverAllocatedCount: number;
  welshAlpShortfallCount: number;
  unstaffedLinesCount: number;
}

export interface ScenarioComparison {
  baseline: ScenarioFigures;
  scenarios: Array<ScenarioFigures & { difference: ScenarioDifference }>;
}

/** The figures for one year, all read from its CostedMap. */
export function scenarioFigures(input: CostedYear): ScenarioFigures {
  const { year, costed } = input;
  const learnerById = new Map(year.learners.map((l) => [l.id, l]));
  const staffById = new Map(year.staff.map((s) => [s.id, s]));
  const tierNames = new Map(year.tiers.map((t): [string, GroupRecord] => [t.id, { name: t.name, nameCy: t.nameCy }]));
  const areaNames = new Map(year.areas.map((a): [string, GroupRecord] => [a.id, { name: a.name, nameCy: a.nameCy }]));
  const refOf = (learnerId: number) => learnerById.get(learnerId)?.ref ?? `#${learnerId}`;

  const shortfall: ShortfallLearner[] = [];
  const welsh = new Set<number>();
  const over: ScenarioFigures['staffOverAllocated']['staff'] = [];
  for (const check of costed.checks) {
    if (check.subject.kind === 'learner' && (check.code === 'alp_hours_short' || check.code === 'idp_without_alp')) {
      if (shortfall.some((s) => s.learnerId === check.subject.id)) continue;
      const shortBy = check.params.shortByMinutes;
      shortfall.push({
        learnerId: check.subject.id,
        ref: refOf(check.subject.id),
        reason: check.code,
        shortByMinutes: check.code === 'alp_hours_short' && typeof shortBy === 'number' ? shortBy : null,
      });
    } else if (check.code === 'welsh_alp_in_english' && check.subject.kind === 'learner') {
      welsh.add(check.subject.id);
    } else if (check.code === 'staff_over_allocated' && check.subject.kind === 'staff') {
      const overBy = check.params.overByMinutes;
      over.push({ staffId: check.subject.id, name: staffById.get(check.subject.id)?.name ?? `#${check.subject.id}`, overByMinutes: typeof overBy === 'number' ? overBy : 0 });
    }
  }
  shortfall.sort((a, b) => a.ref.localeCompare(b.ref));

  const lineById = new Map(year.lines.map((l) => [l.id, l]));
  const unstaffed = costed.lines
    .filter((c) => (lineById.get(c.lineId)?.staff.length ?? 0) === 0)
    .map((c) => {
      const line = lineById.get(c.lineId);
      return { lineId: c.lineId, name: line?.name ?? `#${c.lineId}`, nameCy: line?.nameCy ?? '', deliveryLanguage: line?.deliveryLanguage ?? 'english', enrolledLearners: c.enrolledLearners };
    });

  return {
    id: input.id,
    name: input.name,
    academicYear: year.school.academicYear,
    budget: {
      incomePence: costed.budget.incomePence,
      chargedPence: costed.budget.chargedPence,
      positionPence: costed.budget.positionPence,
      financialYears: costed.budget.financialYears.map((f) => ({ ...f })),
    },
    totalCostPence: costed.totals.costPence,
    // A key that is none of the year's tiers or areas is one of the engine's own (other costs, no area of need).
    byTier: costed.totals.byTier.map((b) => ({ key: b.key, record: tierNames.get(b.key) ?? null, costPence: b.costPence, chargedPence: b.chargedPence })),
    byAlp: costed.totals.byAlp.map((b) => ({ key: b.key, record: null, costPence: b.costPence, chargedPence: b.chargedPence })),
    byArea: costed.totals.byArea.map((b) => ({ key: b.key, record: areaNames.get(b.key) ?? null, costPence: b.costPence, chargedPence: b.chargedPence })),
    alpShortfall: { count: shortfall.length, learners: shortfall },
    staffOverAllocated: { count: over.length, staff: over },
    welshAlpShortfall: { count: welsh.size, learnerRefs: [...welsh].map(refOf).sort((a, b) => a.localeCompare(b)) },
    unstaffedLines: { count: unstaffed.length, lines: unstaffed },
  };
}

/** scenario − baseline per key; keys in either list, baseline's order first. */
function groupDifferences(base: SpendGroup[], scenario: SpendGroup[]): GroupDifference[] {
  const keys = [...base.map((g) => g.key), ...scenario.map((g) => g.key).filter((k) => !base.some((g) => g.key === k))];
  return keys.map((key) => {
    const b = base.find((g) => g.key === key);
    const s = scenario.find((g) => g.key === key);
    return {
      key,
      record: s?.record ?? b?.record ?? null,
      costPence: (s?.costPence ?? 0) - (b?.costPence ?? 0),
      chargedPence: (s?.chargedPence ?? 0) - (b?.chargedPence ?? 0),
    };
  });
}

export function scenarioDifference(base: ScenarioFigures, scenario: ScenarioFigures): ScenarioDifference {
  const baseShort = new Set(base.alpShortfall.learners.map((l) => l.ref));
  const scenarioShort = new Set(scenario.alpShortfall.learners.map((l) => l.ref));
  return {
    incomePence: scenario.budget.incomePence - base.budget.incomePence,
    chargedPence: scenario.budget.chargedPence - base.budget.chargedPence,
    positionPence: scenario.budget.positionPence - base.budget.positionPence,
    financialYears: scenario.budget.financialYears.map((f) => {
      const b = base.budget.financialYears.find((x) => x.year === f.year);
      return { year: f.year, positionPence: b ? f.positionPence - b.positionPence : null };
    }),
    totalCostPence: scenario.totalCostPence - base.totalCostPence,
    byTier: groupDifferences(base.byTier, scenario.byTier),
    byAlp: groupDifferences(base.byAlp, scenario.byAlp),
    byArea: groupDifferences(base.byArea, scenario.byArea),
    alpShortfallCount: scenario.alpShortfall.count - base.alpShortfall.count,
    newlyShortRefs: [...scenarioShort].filter((r) => !baseShort.has(r)).sort((a, b) => a.localeCompare(b)),
    noLongerShortRefs: [...baseShort].filter((r) => !scenarioShort.has(r)).sort((a, b) => a.localeCompare(b)),
    staffOverAllocatedCount: scenario.staffOverAllocated.count - base.staffOverAllocated.count,
    welshAlpShortfallCount: scenario.welshAlpShortfall.count - base.welshAlpShortfall.count,
    unstaffedLinesCount: scenario.unstaffedLines.count - base.unstaffedLines.count,
  };
}

/** The baseline and each scenario side by side, with each scenario's differences from the baseline. */
export function compareScenarios(baseline: CostedYear, scenarios: CostedYear[]): ScenarioComparison {
  const base = scenarioFigures(baseline);
  return {
    baseline: base,
    scenarios: scenarios.map((s) => {
      const figures = scenarioFigures(s);
      return { ...figures, difference: scenarioDifference(base, figures) };
    }),
  };
}
