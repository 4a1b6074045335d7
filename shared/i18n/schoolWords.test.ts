import { describe, expect, it } from 'vitest';
import { costSchoolYear } from '../engine';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { inLanguage, untranslated, welshMeasureNames, yearInLanguage } from './schoolWords';

describe('the school’s own words in the reader’s language', () => {
  it('gives Welsh readers the Welsh where it is given and the English where it is not; English readers the English', () => {
    expect(inLanguage('Speech group', 'Grŵp siarad', 'cy')).toBe('Grŵp siarad');
    expect(inLanguage('Speech group', '  ', 'cy')).toBe('Speech group');
    expect(inLanguage('Speech group', 'Grŵp siarad', 'en')).toBe('Speech group');
  });

  it('puts a year into Welsh without moving a penny, and lists what still lacks Welsh', () => {
    const year = testSchoolYear();
    year.lines[0]!.nameCy = 'Grŵp siarad';
    year.income[0]!.nameCy = 'Cyllid ADY dirprwyedig';
    const cy = yearInLanguage(year, 'cy');
    expect(cy.lines[0]!.name).toBe('Grŵp siarad');
    expect(cy.lines[1]!.name).toBe(year.lines[1]!.name);
    expect(cy.income[0]!.name).toBe('Cyllid ADY dirprwyedig');
    expect(costSchoolYear(cy, { today: '2027-02-01' })).toEqual(costSchoolYear(year, { today: '2027-02-01' }));
    expect(yearInLanguage(year, 'en')).toBe(year);
    const missing = untranslated(year);
    expect(missing.some((u) => u.kind === 'line' && u.id === year.lines[0]!.id)).toBe(false);
    expect(missing.filter((u) => u.kind === 'line')).toHaveLength(year.lines.length - 1);
    expect(missing.some((u) => u.kind === 'income' && u.id === year.income[0]!.id)).toBe(false);
  });

  it('names a measure of progress in Welsh by the first Welsh name the school typed for its English name, trimmed', () => {
    const enrolment = (measureName: string, measureNameCy: string) => ({ ...testSchoolYear().enrolments[0]!, measureName, measureNameCy });
    const names = welshMeasureNames([
      enrolment('Reading age', ''),
      enrolment(' Reading age ', ' Oedran darllen '),
      enrolment('Reading age', 'Oed darllen'),
      enrolment('Boxall profile', 'Proffil Boxall'),
      enrolment('Spelling age', '  '),
    ]);
    expect(names.get('Reading age')).toBe('Oedran darllen');
    expect(names.get('Boxall profile')).toBe('Proffil Boxall');
    expect(names.has('Spelling age')).toBe(false);
  });
});
