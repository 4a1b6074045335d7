import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n';
import { scenarioSheetHeader, scenarioSheetRows } from './scenariosSheet';
import { comparison } from '../../../test/support/demoScenarios';

const en = createI18n('en').t;
const cy = createI18n('cy').t;

describe('the Scenarios sheet for the governors’ workbook', () => {
  it('lays out the baseline, then each scenario and its difference, money in pence from the comparison', () => {
    expect(scenarioSheetHeader(comparison, en)).toEqual(['Figure', 'Baseline: Baseline', 'Grant ends', 'Difference: Grant ends', 'Two fewer TAs', 'Difference: Two fewer TAs']);
    const rows = scenarioSheetRows(comparison, en, 'en');
    const row = (label: string) => rows.find((r) => r.label === label);
    const position = row('Budget position (income − charged)');
    expect(position).toEqual({
      format: 'money',
      label: 'Budget position (income − charged)',
      values: [
        comparison.baseline.budget.positionPence,
        comparison.scenarios[0]!.budget.positionPence,
        -1_240_000,
        comparison.scenarios[1]!.budget.positionPence,
        comparison.scenarios[1]!.difference.positionPence,
      ],
    });
    expect(row('Budget position, financial year 2026-27')?.values[2]).toBe(-1_240_000);
    expect(row('Lines with no one to deliver them')?.values).toEqual([0, 0, 0, 4, 4]);
    expect(row('ALP')?.values[0]).toBe(comparison.baseline.byAlp.find((g) => g.key === 'alp')?.costPence);
    for (const r of rows) if (r.format !== 'heading') expect(r.values, r.label).toHaveLength(5);
    // No learner references unless the workbook names learners.
    expect(row('Their references')).toBeUndefined();
    expect(scenarioSheetRows(comparison, en, 'en', { showLearnerRefs: true }).find((r) => r.label === 'Their references')?.format).toBe('text');
  });

  it('speaks Welsh in a Welsh workbook', () => {
    expect(cy('export.sheet.scenarios')).toBe('Senarios');
    const rows = scenarioSheetRows(comparison, cy, 'cy');
    expect(rows.find((r) => r.label === 'Incwm')?.values[0]).toBe(comparison.baseline.budget.incomePence);
    expect(rows.some((r) => r.label === 'DDY')).toBe(true);
    expect(rows.some((r) => r.label === 'Costau eraill (dim haen na maes)')).toBe(true);
    expect(scenarioSheetHeader(comparison, cy)[0]).toBe('Ffigur');
  });

  it('names the school’s tiers and areas in the workbook’s language, and ALP and not ALP from the catalogue', () => {
    const groupLabels = (t: typeof en, lang: 'en' | 'cy') => {
      const rows = scenarioSheetRows(comparison, t, lang);
      const headings = [t('export.scenarios.byTier'), t('export.scenarios.byAlp'), t('export.scenarios.byArea'), t('export.scenarios.risks')];
      const at = (heading: string) => rows.findIndex((r) => r.format === 'heading' && r.label === heading);
      return headings.slice(0, 3).map((h, i) => rows.slice(at(h) + 1, at(headings[i + 1]!)).map((r) => r.label));
    };
    expect(groupLabels(cy, 'cy')).toEqual([
      ['Cyffredinol', 'Wedi’i thargedu', 'DDY', 'Costau eraill (dim haen na maes)'],
      ['DDY', 'Nid DDY'],
      ['Gwybyddiaeth a dysgu', 'Cyfathrebu a rhyngweithio', 'Datblygiad ymddygiadol, emosiynol a chymdeithasol', 'Synhwyraidd a/neu gorfforol', 'Costau eraill (dim haen na maes)'],
    ]);
    expect(groupLabels(en, 'en')).toEqual([
      ['Universal', 'Targeted', 'ALP', 'Other costs (no tier or area)'],
      ['ALP', 'Not ALP'],
      ['Cognition and learning', 'Communication and interaction', 'Behaviour, emotional and social development', 'Sensory and/or physical', 'Other costs (no tier or area)'],
    ]);
  });
});
