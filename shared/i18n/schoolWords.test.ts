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

  it('puts a tier’s description for parents into Welsh where given, and lists one that lacks it', () => {
    const year = testSchoolYear();
    year.tiers[0] = { ...year.tiers[0]!, description: 'Good teaching for everyone.', descriptionCy: 'Addysgu da i bawb.' };
    year.tiers[1] = { ...year.tiers[1]!, description: 'Small groups all year.', descriptionCy: '' };
    const cy = yearInLanguage(year, 'cy');
    expect(cy.tiers.map((t) => t.description)).toEqual(['Addysgu da i bawb.', 'Small groups all year.', '']);
    const missing = untranslated(year).filter((u) => u.kind === 'tierDescription');
    expect(missing).toEqual([{ kind: 'tierDescription', id: year.tiers[1]!.id, name: year.tiers[1]!.name }]);
  });

  it('puts where the income came from, a line’s funding note and the ALP definition’s source into Welsh where given, and lists those that lack it', () => {
    const year = testSchoolYear();
    year.income[0] = { ...year.income[0]!, sourceCy: 'Datganiad cyllideb yr ALl, 3 Mawrth 2026' };
    year.lines[0] = { ...year.lines[0]!, fundingNoteCy: 'Grant gweithredu ADY 2026-27' };
    year.school = { ...year.school, alpDefinitionSourceCy: 'Canllawiau CDU Castell-nedd Port Talbot' };
    const cy = yearInLanguage(year, 'cy');
    expect(cy.income[0]!.source).toBe('Datganiad cyllideb yr ALl, 3 Mawrth 2026');
    expect(cy.income[1]!.source).toBe(year.income[1]!.source);
    expect(cy.lines[0]!.fundingNote).toBe('Grant gweithredu ADY 2026-27');
    expect(cy.school.alpDefinitionSource).toBe('Canllawiau CDU Castell-nedd Port Talbot');
    expect(costSchoolYear(cy, { today: '2027-02-01' })).toEqual(costSchoolYear(year, { today: '2027-02-01' }));
    const missing = untranslated(year);
    expect(missing.some((u) => u.kind === 'alpDefinitionSource')).toBe(false);
    expect(missing.some((u) => u.kind === 'incomeSource' && u.id === year.income[0]!.id)).toBe(false);
    expect(missing).toContainEqual({ kind: 'incomeSource', id: year.income[1]!.id, name: year.income[1]!.name });
    expect(missing.some((u) => u.kind === 'fundingNote' && u.id === year.lines[0]!.id)).toBe(false);
    const noted = year.lines.filter((l, i) => i > 0 && l.fundingNote.trim() !== '');
    expect(missing.filter((u) => u.kind === 'fundingNote').map((u) => u.id)).toEqual(noted.map((l) => l.id));
    expect(untranslated({ ...year, school: { ...year.school, alpDefinitionSourceCy: '' } })).toContainEqual({ kind: 'alpDefinitionSource', id: 1, name: year.school.alpDefinitionSource });
  });

  it('lists an authority the school typed while it has no Welsh name, and never a chosen one', () => {
    const year = testSchoolYear();
    expect(untranslated(year).some((u) => u.kind === 'localAuthority')).toBe(false);
    year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCy: '', localAuthorityCode: '', officialNumber: '' };
    expect(untranslated(year)).toContainEqual({ kind: 'localAuthority', id: 1, name: 'Example County Borough Council' });
    year.school = { ...year.school, localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft' };
    expect(untranslated(year).some((u) => u.kind === 'localAuthority')).toBe(false);
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
