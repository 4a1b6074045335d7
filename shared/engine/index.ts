/** The costing engine's public surface. Pure: runs in the renderer, in Node and in tests. */
export { costSchoolYear, resolveAsAtWeek, type CostOptions } from './costSchoolYear';
export { deriveHourlyCost } from './hourlyCost';
export { splitByWeights, splitEqually } from './largestRemainder';
export { enrolledWeeks } from './shares';
export { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY } from './totals';
export { TARGETED_REVIEW_WEEKS, IDP_REVIEW_MONTHS } from './checks';
export * from './types';
