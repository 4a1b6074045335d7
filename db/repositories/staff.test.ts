import { describe, expect, it } from 'vitest';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { apiErrorFrom, useTestFiles } from '../../test/support/testOpenFile';
import { stepLabel } from '../../test/support/stepLabel';

const openFile = useTestFiles();

describe('staff', () => {
  it('creates and updates a member with and without an hourly cost basis', () => {
    const file = openFile();
    const { id: _id, ...fields } = testSchoolYear().staff[0]!;
    const id = file.mutate(stepLabel('Add'), (r) => r.staff.create({ ...fields, name: 'Huw' }));
    expect(file.readYear().staff.find((s) => s.id === id)).toEqual({ ...fields, id, name: 'Huw' });
    file.mutate(stepLabel('Edit'), (r) => r.staff.update(id, { hourlyCostBasis: null, worksInWelsh: false }));
    expect(file.readYear().staff.find((s) => s.id === id)).toMatchObject({ hourlyCostBasis: null, worksInWelsh: false, hourlyCostPence: 1540 });
  });

  it('refuses to delete someone who still delivers lines, naming them', () => {
    const file = openFile();
    const error = apiErrorFrom(() => file.mutate(stepLabel('Delete'), (r) => r.staff.delete(1)));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Sian Evans still delivers 2 lines: “Precision teaching (reading)”, “Cymorth iaith (speech and language group)”. Remove Sian Evans from those lines first.');
    expect(file.readYear().staff).toHaveLength(3);
  });

  it('refuses to delete someone costed in other costs or named as ALNCo', () => {
    const file = openFile();
    file.mutate(stepLabel('Free up'), (r) => r.lines.update(2, { staff: [{ staffId: 1, count: 1 }] }));
    expect(apiErrorFrom(() => file.mutate(stepLabel('Delete'), (r) => r.staff.delete(3))).message).toMatch(/Rhian Morgan’s time is still costed in 1 other cost line: “ALNCo release time”/);
    file.mutate(stepLabel('Free up'), (r) => r.otherCosts.delete(1));
    expect(apiErrorFrom(() => file.mutate(stepLabel('Delete'), (r) => r.staff.delete(3))).message).toMatch(/Rhian Morgan is the ALNCo/);
    file.mutate(stepLabel('Free up'), (r) => r.workload.update({ alncoStaffId: null }));
    file.mutate(stepLabel('Delete'), (r) => r.staff.delete(3));
    expect(file.readYear().staff.map((s) => s.id)).toEqual([1, 2]);
  });

  it('says which member of staff does not exist', () => {
    const file = openFile();
    expect(apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.staff.update(9, { name: 'x' }))).toBody()).toEqual({ code: 'not_found', reason: 'noStaff', params: { id: 9 } });
    expect(apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.staff.delete(9))).code).toBe('not_found');
  });
});
