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

describe('0600: Welsh names', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 600)?.why).toMatch(/Welsh names/);
  });

  it('brings a version-500 file up to date with every Welsh text empty and every figure unchanged', () => {
    const before = testSchoolYear();
    const file = SchoolFile.open(schoolFileAtVersion(before, 500));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 500, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.school.nameCy).toBe('');
    expect(after.lines.every((l) => l.nameCy === '' && l.descriptionCy === '')).toBe(true);
    expect([...after.income, ...after.otherCosts].every((x) => x.nameCy === '')).toBe(true);
    expect(after.enrolments.every((e) => e.measureNameCy === '')).toBe(true);
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps the Welsh the school types, and undoes it', () => {
    const file = SchoolFile.open(schoolFileAtVersion(testSchoolYear(), 500));
    opened.push(file);
    const year = file.readYear();
    const line = year.lines[0]!;
    file.mutate(stepLabel('Welsh name'), (r) => r.lines.update(line.id, { nameCy: 'Grŵp siarad', descriptionCy: 'Sgiliau iaith lafar' }));
    file.mutate(stepLabel('Welsh school name'), (r) => r.school.update({ nameCy: 'Ysgol Gynradd Bryn Derw' }));
    const after = file.readYear();
    expect(after.lines[0]).toMatchObject({ nameCy: 'Grŵp siarad', descriptionCy: 'Sgiliau iaith lafar' });
    expect(after.school.nameCy).toBe('Ysgol Gynradd Bryn Derw');
    file.undo();
    file.undo();
    expect(file.readYear().lines[0]!.nameCy).toBe('');
  });
});
