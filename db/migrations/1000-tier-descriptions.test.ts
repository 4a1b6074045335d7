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

describe('1000: tier descriptions', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 1000)?.why).toMatch(/Tier descriptions/);
  });

  it('brings a version-900 file up to date with every tier’s description empty, its own tiers and names kept and every figure unchanged', () => {
    const before = testSchoolYear();
    before.tiers.push({ id: 'wellbeing', name: 'Wellbeing groups', nameCy: 'Grwpiau lles', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 4 });
    const file = SchoolFile.open(schoolFileAtVersion(before, 900));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 900, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.tiers.map((t) => [t.id, t.name, t.nameCy, t.description, t.descriptionCy])).toEqual([
      ['universal', 'Universal', 'Cyffredinol', '', ''],
      ['targeted', 'Targeted', 'Wedi’i thargedu', '', ''],
      ['alp', 'ALP', 'DDY', '', ''],
      ['wellbeing', 'Wellbeing groups', 'Grwpiau lles', '', ''],
    ]);
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps the descriptions the school types, in English and Welsh, and undoes them', () => {
    const file = SchoolFile.open(schoolFileAtVersion(testSchoolYear(), 900));
    opened.push(file);
    const tiers = file.readYear().tiers;
    const described = tiers.map((t) => (t.id === 'targeted' ? { ...t, description: 'Small groups that meet all year.', descriptionCy: 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn.' } : t));
    file.mutate(stepLabel('Describe a tier'), (r) => r.tiers.set(described));
    expect(file.readYear().tiers.find((t) => t.id === 'targeted')).toMatchObject({
      description: 'Small groups that meet all year.',
      descriptionCy: 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn.',
    });
    file.undo();
    expect(file.readYear().tiers).toEqual(tiers);
  });
});
