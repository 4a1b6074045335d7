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

/** A school whose authority is typed, not chosen from the 22. */
function typedAuthority() {
  const year = testSchoolYear();
  year.school = { ...year.school, localAuthority: 'Example County Borough Council', localAuthorityCode: '', officialNumber: '' };
  return year;
}

describe('1100: the Welsh name of an authority the school typed', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 1100)?.why).toMatch(/Welsh authority name/);
  });

  it('brings a version-1000 file up to date with the Welsh name empty, the English name as typed and every figure unchanged', () => {
    const before = typedAuthority();
    const file = SchoolFile.open(schoolFileAtVersion(before, 1000));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 1000, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.school.localAuthorityCy).toBe('');
    expect(after.school.localAuthority).toBe('Example County Borough Council');
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps the Welsh name the school types, and undoes it', () => {
    const file = SchoolFile.open(schoolFileAtVersion(typedAuthority(), 1000));
    opened.push(file);
    const school = file.readYear().school;
    file.mutate(stepLabel('Welsh authority name'), (r) => r.school.update({ localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft' }));
    expect(file.readYear().school.localAuthorityCy).toBe('Cyngor Bwrdeistref Sirol Enghraifft');
    file.undo();
    expect(file.readYear().school).toEqual(school);
  });
});
