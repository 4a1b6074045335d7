import { describe, expect, it } from 'vitest';
import type { SchoolYear } from '../domain';
import { compareScenarios } from '../engine';
import { baselineYear, comparison, costed } from '../../test/support/demoScenarios';
import { createI18n } from './index';
import { spendGroupName } from './spendGroupNames';

const en = createI18n('en').t;
const cy = createI18n('cy').t;

describe('the scenario comparison’s spend rows, worded for the reader', () => {
  it('in Welsh names the school’s tiers and areas by their Welsh names, and ALP, not ALP and other costs in Welsh', () => {
    const base = comparison.baseline;
    expect(base.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Wedi’i thargedu', 'DDY', 'Costau eraill (dim haen na maes)']);
    expect(base.byAlp.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['DDY', 'Nid DDY']);
    expect(base.byArea.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(baselineYear.areas.map((a) => a.nameCy).concat('Costau eraill (dim haen na maes)'));
    // The differences carry the same names.
    expect(comparison.scenarios[1]!.difference.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Wedi’i thargedu', 'DDY', 'Costau eraill (dim haen na maes)']);
  });

  it('in English names them in English', () => {
    const base = comparison.baseline;
    expect(base.byTier.map((g) => spendGroupName(g, en, 'en'))).toEqual(['Universal', 'Targeted', 'ALP', 'Other costs (no tier or area)']);
    expect(base.byAlp.map((g) => spendGroupName(g, en, 'en'))).toEqual(['ALP', 'Not ALP']);
    expect(base.byArea.map((g) => spendGroupName(g, en, 'en'))).toEqual(baselineYear.areas.map((a) => a.name).concat('Other costs (no tier or area)'));
  });

  it('names a tier by what the school called it, whatever its id, with its English name where it gave no Welsh, and a line with no area as having none', () => {
    const year: SchoolYear = {
      ...baselineYear,
      tiers: baselineYear.tiers.map((t) => (t.id === 'alp' ? { ...t, name: 'Specialist', nameCy: 'Arbenigol' } : t.id === 'targeted' ? { ...t, name: 'Small groups', nameCy: '' } : t)),
      lines: baselineYear.lines.map((l, i) => (i === 0 ? { ...l, areaIds: [] } : l)),
    };
    const c = compareScenarios(costed(null, 'Baseline', baselineYear), [costed(1, 'Renamed', year)]);
    const s = c.scenarios[0]!;
    expect(s.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Small groups', 'Arbenigol', 'Costau eraill (dim haen na maes)']);
    expect(s.byTier.map((g) => spendGroupName(g, en, 'en'))).toEqual(['Universal', 'Small groups', 'Specialist', 'Other costs (no tier or area)']);
    expect(s.byArea.map((g) => spendGroupName(g, cy, 'cy'))).toContain('Dim maes angen wedi’i gofnodi');
    expect(s.byArea.map((g) => spendGroupName(g, en, 'en'))).toContain('No area of need recorded');
    // The difference names a key from the scenario's own records.
    expect(s.difference.byTier.map((g) => spendGroupName(g, cy, 'cy'))).toEqual(['Cyffredinol', 'Small groups', 'Arbenigol', 'Costau eraill (dim haen na maes)']);
  });
});
