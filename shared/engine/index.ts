/**
 * The costing engine's public surface: everything outside shared/engine/ imports the engine from here
 * (the linter refuses a deeper import), so what the engine offers is this list. Pure: runs in the
 * renderer, in Node and in tests. The rules it applies: docs/costing-rules.md.
 */
export { costSchoolYear, resolveAsAtWeek, type CostOptions } from './costSchoolYear';
export { costWithinExactRange, FiguresTooLarge, type CostSubject } from './exactFigures';
export { YearCosting } from './yearCosting';
export { deriveHourlyCost } from './hourlyCost';
export { splitByWeights, splitEqually } from './largestRemainder';
export { enrolledWeeks } from './shares';
export { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY } from './totals';
export { TARGETED_REVIEW_WEEKS, IDP_REVIEW_MONTHS } from './checks';
export { incomeCountsIn } from './budget';
export { DECISION_NEAR_SCHOOL_DAYS, LA_DECISION_WEEKS, SCHOOL_DECISION_SCHOOL_DAYS, type AlnDecisionClock, type AlnDecisionState } from './alnDecisions';
export { welshProvision } from './welshProvision';
export { compareScenarios, scenarioFigures, type CostedYear, type GroupDifference, type GroupRecord, type ScenarioComparison, type ScenarioFigures, type SpendGroup } from './scenarioComparison';
export * from './types';
