/**
 * Undo's and Redo's steps are said in the reader's language: every step the data process records has its
 * words in English and in Welsh, with what the step names (a record's name, in Welsh where the school gave
 * one; a count; a file) in them, and no English phrase in the Welsh.
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_STEPS, type HistoryLabel, type HistoryStepName } from '../api/historySteps';
import { englishIn } from './englishLeftovers';
import { historyStepWords } from './historyWords';
import { translatorFor } from './index';

/** Each step as the data process records it (backend/handlers), with its English words as they read. */
const RECORDED: Record<HistoryStepName, [HistoryLabel['params'], string]> = {
  addLearner: [undefined, 'Add learner'],
  editLearner: [undefined, 'Edit learner'],
  deleteLearner: [undefined, 'Delete learner'],
  enrolLearners: [{ count: 3 }, 'Enrol 3 learners'],
  editEnrolment: [undefined, 'Edit enrolment'],
  removeEnrolments: [{ count: 1 }, 'Remove an enrolment'],
  addStaff: [{ name: 'Siân Morgan' }, 'Add staff member “Siân Morgan”'],
  editStaff: [undefined, 'Edit staff member'],
  deleteStaff: [undefined, 'Delete staff member'],
  addLine: [{ name: 'Lego therapy', nameCy: '' }, 'Add line “Lego therapy”'],
  editLine: [undefined, 'Edit line'],
  duplicateLine: [undefined, 'Duplicate line'],
  deleteLine: [undefined, 'Delete line'],
  editSchool: [undefined, 'Edit school details'],
  editCalendar: [undefined, 'Edit the school calendar'],
  editTiers: [undefined, 'Edit tiers'],
  editAreas: [undefined, 'Edit areas of need'],
  editWorkload: [undefined, 'Edit ALNCo workload'],
  addIncome: [{ name: 'PTA', nameCy: 'CRhA' }, 'Add income “PTA”'],
  editIncome: [undefined, 'Edit income line'],
  deleteIncome: [undefined, 'Delete income line'],
  addCost: [{ name: 'Assessments', nameCy: 'Asesiadau' }, 'Add cost “Assessments”'],
  editCost: [undefined, 'Edit cost line'],
  deleteCost: [undefined, 'Delete cost line'],
  importLearners: [{ file: 'sims.csv' }, 'Import learners from sims.csv'],
  adoptScenario: [{ name: 'Plan B' }, 'Adopt scenario “Plan B” as the baseline'],
  payAward: [{ change: '+2.5%' }, 'Pay award +2.5% on every hourly cost'],
  changeScenarioIncome: [undefined, 'Change an income line'],
  removeScenarioStaff: [undefined, 'Remove a staff member from the scenario'],
};

describe('the undo history’s steps in words', () => {
  const en = translatorFor('en');
  const cy = translatorFor('cy');

  it('says every step in English as it reads', () => {
    for (const step of HISTORY_STEPS) {
      const [params, english] = RECORDED[step];
      expect(historyStepWords(en, { step, params }, 'en'), step).toBe(english);
    }
  });

  it('says every step in Welsh, with what it names and no English', () => {
    for (const step of HISTORY_STEPS) {
      const [params, english] = RECORDED[step];
      const welsh = historyStepWords(cy, { step, params }, 'cy');
      expect(welsh, step).not.toBe(english);
      expect(welsh, step).not.toMatch(/menu\.step|\{\{/);
      const { nameCy, ...named }: Record<string, string | number> = { ...params };
      // What the step names is in the words: a record's Welsh name where the school gave one.
      if (typeof nameCy === 'string' && nameCy !== '') named.name = nameCy;
      for (const value of Object.values(named)) if (typeof value === 'string') expect(welsh, step).toContain(value);
      expect(englishIn(welsh), `${step}: ${welsh}`).toEqual([]);
    }
    expect(historyStepWords(cy, { step: 'enrolLearners', params: { count: 20 } }, 'cy')).toBe('Cofrestru 20 o ddysgwyr');
    expect(historyStepWords(cy, { step: 'removeEnrolments', params: { count: 1 } }, 'cy')).toBe('Tynnu cofrestriad');
  });

  it('names a step it does not know as the last change, in either language', () => {
    const unknown = { step: 'renameTheMoon' } as unknown as HistoryLabel;
    expect(en('menu.undoWhat', { label: historyStepWords(en, unknown, 'en') })).toBe('Undo: the last change');
    expect(cy('menu.undoWhat', { label: historyStepWords(cy, unknown, 'cy') })).toBe('Dadwneud: y newid diwethaf');
  });
});
