/**
 * The steps of a school file's undo history, each recorded by the data process under a name and its
 * parameters, never in words: the window says them in the reader's language (the catalogues' `history`
 * keys, shared/i18n/historyWords.ts), as errors cross the door as codes with parameters.
 */

/** Every step an edit is recorded as. A step with `count` is said with the count's plural form. */
export const HISTORY_STEPS = [
  'addLearner',
  'editLearner',
  'deleteLearner',
  'enrolLearners',
  'editEnrolment',
  'removeEnrolments',
  'addStaff',
  'editStaff',
  'deleteStaff',
  'addLine',
  'editLine',
  'duplicateLine',
  'deleteLine',
  'editSchool',
  'editCalendar',
  'editTiers',
  'editAreas',
  'editWorkload',
  'addIncome',
  'editIncome',
  'deleteIncome',
  'addCost',
  'editCost',
  'deleteCost',
  'importLearners',
  'adoptScenario',
  'payAward',
  'changeScenarioIncome',
  'removeScenarioStaff',
] as const;

export type HistoryStepName = (typeof HISTORY_STEPS)[number];

/** One step as the history holds it: its name, and what its words name (a record's name, a count, a file). */
export interface HistoryLabel {
  step: HistoryStepName;
  params?: Readonly<Record<string, string | number>>;
}
