import { describe, expect, it } from 'vitest';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { apiErrorFrom, useTestFiles } from '../../test/support/testOpenFile';
import { stepLabel } from '../../test/support/stepLabel';

const openFile = useTestFiles();
const { id: _id, ...lineFields } = testSchoolYear().lines[1]!;

describe('lines', () => {
  it('creates a line with its areas, staff, costs and undelivered weeks in the order given', () => {
    const file = openFile();
    const fields = { ...lineFields, name: 'Lego therapy', areaIds: ['sensory_physical', 'cognition_learning'], undeliveredWeeks: [12, 5] };
    const id = file.mutate(stepLabel('Add line'), (r) => r.lines.create(fields));
    expect(id).toBe(5);
    expect(file.readYear().lines.find((l) => l.id === id)).toEqual({ id, ...fields });
  });

  it('replaces arrays whole when given and leaves them alone otherwise', () => {
    const file = openFile();
    file.mutate(stepLabel('Edit'), (r) => r.lines.update(2, { staff: [{ staffId: 2, count: 3 }], minutesPerSession: 20 }));
    const line = file.readYear().lines.find((l) => l.id === 2)!;
    expect(line.staff).toEqual([{ staffId: 2, count: 3 }]);
    expect(line.minutesPerSession).toBe(20);
    expect(line.areaIds).toEqual(['communication_interaction', 'cognition_learning']);
    expect(line.nonStaffCosts).toEqual(testSchoolYear().lines[1]!.nonStaffCosts);
  });

  it('duplicates a line as "<name> (copy)" with nobody enrolled', () => {
    const file = openFile();
    const copyId = file.mutate(stepLabel('Duplicate'), (r) => r.lines.duplicate(2));
    const year = file.readYear();
    const original = year.lines.find((l) => l.id === 2)!;
    expect(year.lines.find((l) => l.id === copyId)).toEqual({ ...original, id: copyId, name: `${original.name} (copy)` });
    expect(year.enrolments.filter((e) => e.lineId === copyId)).toEqual([]);
  });

  it('deletes a line with its enrolments', () => {
    const file = openFile();
    file.mutate(stepLabel('Delete'), (r) => r.lines.delete(1));
    const year = file.readYear();
    expect(year.lines.map((l) => l.id)).toEqual([2, 3, 4]);
    expect(year.enrolments.filter((e) => e.lineId === 1)).toEqual([]);
    expect(year.enrolments).toHaveLength(5);
  });

  it('says which line does not exist', () => {
    const file = openFile();
    for (const fn of [
      () => file.mutate(stepLabel('x'), (r) => r.lines.update(7, { name: 'x' })),
      () => file.mutate(stepLabel('x'), (r) => r.lines.delete(7)),
      () => file.mutate(stepLabel('x'), (r) => r.lines.duplicate(7)),
    ]) {
      const error = apiErrorFrom(fn);
      expect(error.code).toBe('not_found');
      expect(error.toBody()).toEqual({ code: 'not_found', reason: 'noLine', params: { id: 7 } });
    }
  });

  it('names the field that points at something missing', () => {
    const file = openFile();
    const cases: Array<[Partial<typeof lineFields>, string]> = [
      [{ tierId: 'specialist' }, 'tierId: no tier with id specialist'],
      [{ areaIds: ['cognition_learning', 'maths'] }, 'areaIds.1: no area of need with id maths'],
      [{ staff: [{ staffId: 42, count: 1 }] }, 'staff.0.staffId: no member of staff with id 42'],
    ];
    for (const [changes, message] of cases) {
      const error = apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.lines.create({ ...lineFields, ...changes })));
      expect(error.code).toBe('not_found');
      expect(error.message).toBe(message);
      expect(error.issues?.[0]?.path).toBe(message.split(':')[0]);
    }
    expect(file.readYear().lines).toHaveLength(4);
  });

  it('refuses the same staff member twice, pointing at count', () => {
    const file = openFile();
    const error = apiErrorFrom(() =>
      file.mutate(stepLabel('x'), (r) =>
        r.lines.update(1, {
          staff: [
            { staffId: 1, count: 1 },
            { staffId: 1, count: 1 },
          ],
        }),
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/staff\.1: member of staff 1 .*count/);
  });

  it('refuses a field it does not know rather than ignoring it', () => {
    const file = openFile();
    const error = apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.lines.update(1, { colour: 'red' } as never)));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/colour/);
  });
});
