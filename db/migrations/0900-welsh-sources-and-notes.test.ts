import { afterEach, describe, expect, it } from 'vitest';
import { costSchoolYear } from '../../shared/engine';
import { SchoolFile } from '../schoolFile';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { schoolFileAtVersion } from '../../test/support/olderSchoolFile';
import { stepLabel } from '../../test/support/stepLabel';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

describe('0900: Welsh sources and notes', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 900)?.why).toMatch(/Welsh sources and notes/);
  });

  it('brings a version-800 file up to date with every Welsh source and note empty, the English kept and every figure unchanged', () => {
    const before = testSchoolYear();
    before.school = { ...before.school, alpDefinitionSource: 'County ALP guidance' };
    before.income[0] = { ...before.income[0]!, source: 'Authority budget statement' };
    before.lines[0] = { ...before.lines[0]!, fundingNote: 'Secured by the health board' };
    const file = SchoolFile.open(schoolFileAtVersion(before, 800));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 800, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.school.alpDefinitionSourceCy).toBe('');
    expect(after.income.every((i) => i.sourceCy === '')).toBe(true);
    expect(after.lines.every((l) => l.fundingNoteCy === '')).toBe(true);
    expect(after.school.alpDefinitionSource).toBe('County ALP guidance');
    expect(after.income[0]!.source).toBe('Authority budget statement');
    expect(after.lines[0]!.fundingNote).toBe('Secured by the health board');
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps the Welsh the school types, and undoes it', () => {
    const file = SchoolFile.open(schoolFileAtVersion(testSchoolYear(), 800));
    opened.push(file);
    const year = file.readYear();
    const income = year.income[0]!;
    const line = year.lines[0]!;
    file.mutate(stepLabel('Welsh source'), (r) => r.income.update(income.id, { sourceCy: 'Datganiad cyllideb yr awdurdod' }));
    file.mutate(stepLabel('Welsh funding note'), (r) => r.lines.update(line.id, { fundingNoteCy: 'Wedi’i sicrhau gan y bwrdd iechyd' }));
    file.mutate(stepLabel('Welsh ALP definition'), (r) => r.school.update({ alpDefinitionSourceCy: 'Canllawiau DDY y sir' }));
    const after = file.readYear();
    expect(after.income[0]!.sourceCy).toBe('Datganiad cyllideb yr awdurdod');
    expect(after.lines[0]!.fundingNoteCy).toBe('Wedi’i sicrhau gan y bwrdd iechyd');
    expect(after.school.alpDefinitionSourceCy).toBe('Canllawiau DDY y sir');
    file.undo();
    file.undo();
    file.undo();
    const undone = file.readYear();
    expect([undone.income[0]!.sourceCy, undone.lines[0]!.fundingNoteCy, undone.school.alpDefinitionSourceCy]).toEqual(['', '', '']);
  });
});
