/** Scenarios kept inside the school file: named copies of the year to try options on. */
import { issue } from '../fieldIssues';
import { z } from 'zod';
import type { ScenarioComparison } from '../engine';
import type { HourlyCostChange, IncomeChange, StaffRemoval } from '../scenarioLevers';
import { singleLine } from '../schemas';
import { byId, filePath, id } from './fields';
import type { EndedIncome, FileInfo } from './file';
import { op, type OperationGroup } from './operation';
import type { MutationResult, YearView } from './year';

const scenarioName = singleLine(
  z
    .string()
    .trim()
    .min(1, issue('required'))
    .max(120, issue('maxChars', { max: 120 })),
);
/** A percentage in whole basis points (250 = 2.5%). */
const basisPoints = (min: number, max: number) =>
  z
    .number()
    .int(issue('wholeBasisPoints', { example: '250 = 2.5%' }))
    .min(min, issue('between', { min: `${min / 100}%`, max: `+${max / 100}%` }))
    .max(max, issue('between', { min: `${min / 100}%`, max: `+${max / 100}%` }));

export const SCENARIO_KINDS = ['copy', 'roll_forward'] as const;
/** How a scenario began: a copy of the baseline, or next year rolled forward from it. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** A scenario kept in the school file. */
export interface ScenarioSummary {
  id: number;
  name: string;
  kind: ScenarioKind;
  /** ISO date-times (UTC). */
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioCreated {
  scenario: ScenarioSummary;
  scenarios: ScenarioSummary[];
  /** For a rolled-forward scenario: learners who leave (by reference) and income lines that ended and were not carried. */
  rollForward: { leaverRefs: string[]; endedIncome: EndedIncome[] } | null;
}

export interface ScenarioDeleted {
  scenarios: ScenarioSummary[];
  /** The open year (the baseline, if the deleted scenario was open). */
  view: YearView;
}

/** The file `scenario.saveAsFile` wrote (not opened). */
export interface ScenarioFileWritten {
  file: FileInfo;
  academicYear: string;
}

export interface PayAwardApplied extends MutationResult {
  /** Every person's hourly cost before and after. */
  changes: HourlyCostChange[];
}

export interface IncomeScaled extends MutationResult {
  change: IncomeChange;
}

export interface StaffRemoved extends MutationResult {
  /**
   * Who was removed, the lines that lost them (kept, with the staff left; `nowUnstaffed` = no one left,
   * so the line costs no staff time and shows in the comparison's unstaffed lines), other cost lines
   * that named them (kept with no one named) and whether they were the ALNCo for the workload.
   */
  removal: Omit<StaffRemoval, 'year'>;
}

export const scenariosOperations = {
  /** Scenarios kept inside the school file: named copies of the year to try options on. */
  'scenario.list': op(z.strictObject({})).returns<ScenarioSummary[]>(),
  /** A new scenario: a copy of the baseline, or next year rolled forward from it (shaped before it becomes a file). */
  'scenario.create': op(z.strictObject({ name: scenarioName, from: z.enum(['baseline', 'rollForward']) })).returns<ScenarioCreated>(),
  'scenario.rename': op(z.strictObject({ id, name: scenarioName })).returns<ScenarioSummary>(),
  /** Delete a scenario (never the baseline); not undoable, so the UI confirms first. */
  'scenario.delete': op(byId).returns<ScenarioDeleted>(),
  /** Work on a scenario: every operation, undo and redo then apply to it until `scenario.leave`. */
  'scenario.enter': op(byId).returns<YearView>(),
  'scenario.leave': op(z.strictObject({})).returns<YearView>(),
  /** The baseline and the named scenarios side by side, every figure from the engine. */
  'scenario.compare': op(z.strictObject({ ids: z.array(id).max(12, issue('atMost', { max: 12 })) })).returns<ScenarioComparison>(),
  /** Make a scenario the new baseline: one undo step (undo restores the old baseline exactly). */
  'scenario.adopt': op(byId).returns<MutationResult>(),
  /** A new .mapio file holding the scenario's year (a rolled-forward year becoming next year's file); not opened. */
  'scenario.saveAsFile': op(z.strictObject({ id, path: filePath })).returns<ScenarioFileWritten>(),
  /** Quick levers on the open scenario (refused on the baseline), each one undo step. 250 = +2.5%. */
  'scenario.lever.payAward': op(z.strictObject({ percentBasisPoints: basisPoints(-5000, 5000) })).returns<PayAwardApplied>(),
  /** Change one income line by a percentage: −10000 (−100%) = the income ends. */
  'scenario.lever.scaleIncome': op(z.strictObject({ incomeId: id, percentBasisPoints: basisPoints(-10000, 100000) })).returns<IncomeScaled>(),
  /** Remove a person from the scenario; their lines stay, without them, so the gap shows. */
  'scenario.lever.removeStaff': op(z.strictObject({ staffId: id })).returns<StaffRemoved>(),
} satisfies OperationGroup;
