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

describe('0800: Welsh measure units', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 800)?.why).toMatch(/Welsh measure units/);
  });

  it('brings a version-700 file up to date with every Welsh unit empty, the measures kept and every figure unchanged', () => {
    const before = testSchoolYear();
    before.enrolments[0] = { ...before.enrolments[0]!, measureName: 'Reading age', measureNameCy: 'Oedran darllen', measureUnit: 'months', entryValue: 84, exitValue: 97 };
    const file = SchoolFile.open(schoolFileAtVersion(before, 700));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 700, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.enrolments.every((e) => e.measureUnitCy === '')).toBe(true);
    expect(after.enrolments[0]).toMatchObject({ measureName: 'Reading age', measureNameCy: 'Oedran darllen', measureUnit: 'months', entryValue: 84, exitValue: 97 });
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps the Welsh unit the school types, and undoes it', () => {
    const file = SchoolFile.open(schoolFileAtVersion(testSchoolYear(), 700));
    opened.push(file);
    const enrolment = file.readYear().enrolments[0]!;
    file.mutate(stepLabel('Welsh unit'), (r) => r.enrolments.update(enrolment.id, { measureUnitCy: 'mis' }));
    expect(file.readYear().enrolments[0]!.measureUnitCy).toBe('mis');
    file.undo();
    expect(file.readYear().enrolments[0]!.measureUnitCy).toBe('');
  });
});
