import { describe, expect, it } from 'vitest';
import { costSchoolYear } from '../engine';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { inLanguage, measureWordsIn, untranslated, welshMeasureNames, welshMeasureUnits, yearInLanguage } from './schoolWords';

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

  it('gives a measure’s unit in Welsh where the school typed Welsh beside that English unit, and the English where it did not', () => {
    const enrolment = (measureUnit: string, measureUnitCy: string) => ({ ...testSchoolYear().enrolments[0]!, measureUnit, measureUnitCy });
    const enrolments = [enrolment('months', ''), enrolment(' months ', ' mis '), enrolment('months', 'misoedd'), enrolment('points', 'pwyntiau'), enrolment('marks', '  ')];
    const units = welshMeasureUnits(enrolments);
    expect(units.get('months')).toBe('mis');
    expect(units.get('points')).toBe('pwyntiau');
    expect(units.has('marks')).toBe(false);

    const cy = measureWordsIn(enrolments, 'cy');
    expect(cy.unit('months')).toBe('mis');
    expect(cy.unit('marks')).toBe('marks');
    expect(cy.unit('weeks')).toBe('weeks');
    const en = measureWordsIn(enrolments, 'en');
    expect(en.unit('months')).toBe('months');
  });

  it('names a measure and its unit by one rule, and puts both into Welsh with the rest of the year', () => {
    const year = testSchoolYear();
    year.enrolments = year.enrolments.map((e, i) => ({ ...e, measureName: 'Reading age', measureNameCy: i === 0 ? 'Oedran darllen' : '', measureUnit: 'months', measureUnitCy: i === 0 ? 'mis' : '' }));
    const cy = measureWordsIn(year.enrolments, 'cy');
    expect([cy.name('Reading age'), cy.unit('months')]).toEqual(['Oedran darllen', 'mis']);
    const en = measureWordsIn(year.enrolments, 'en');
    expect([en.name('Reading age'), en.unit('months')]).toEqual(['Reading age', 'months']);
    const inWelsh = yearInLanguage(year, 'cy');
    expect(inWelsh.enrolments[0]).toMatchObject({ measureName: 'Oedran darllen', measureUnit: 'mis' });
    expect(inWelsh.enrolments[1]).toMatchObject({ measureName: 'Reading age', measureUnit: 'months' });
  });
});
