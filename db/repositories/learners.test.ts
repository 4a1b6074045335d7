import { describe, expect, it } from 'vitest';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { apiErrorFrom, useTestFiles } from '../../test/support/testOpenFile';
import { stepLabel } from '../../test/support/stepLabel';

const openFile = useTestFiles();
const { id: _id, ...learnerFields } = testSchoolYear().learners[0]!;

describe('learners and enrolments', () => {
  it('deleting a learner removes their enrolments', () => {
    const file = openFile();
    file.mutate(stepLabel('Delete'), (r) => r.learners.delete(4));
    const year = file.readYear();
    expect(year.learners.map((l) => l.id)).toEqual([1, 2, 3, 5, 6]);
    expect(year.enrolments.map((e) => e.id)).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it('refuses a reference another learner already has', () => {
    const file = openFile();
    const error = apiErrorFrom(() => file.mutate(stepLabel('Add'), (r) => r.learners.create({ ...learnerFields, ref: 'A003' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already has the reference “A003”/);
    file.mutate(stepLabel('Same ref on itself is fine'), (r) => r.learners.update(3, { ref: 'A003', name: 'Cai W.' }));
  });

  it('enrolments name the line or learner that is missing', () => {
    const file = openFile();
    const base = { lineId: 1, learnerId: 1, startWeek: 1, endWeek: 12, measureName: '', measureNameCy: '', measureUnit: '', measureUnitCy: '', entryValue: null, exitValue: null };
    expect(apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.enrolments.create({ ...base, lineId: 7 }))).message).toBe('lineId: no intervention line with id 7');
    expect(apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.enrolments.create({ ...base, learnerId: 70 }))).message).toBe('learnerId: no learner with id 70');
    expect(apiErrorFrom(() => file.mutate(stepLabel('x'), (r) => r.enrolments.update(1, { endWeek: 0 + 1, startWeek: 5 }))).message).toBe('endWeek: must not be before the start week (5)');
  });

  it('keeps an enrolment’s measure in both languages, name and unit, through create, update and undo', () => {
    const file = openFile();
    const base = {
      lineId: 1,
      learnerId: 1,
      startWeek: 1,
      endWeek: 12,
      measureName: 'Reading age',
      measureNameCy: 'Oedran darllen',
      measureUnit: 'months',
      measureUnitCy: 'mis',
      entryValue: 84,
      exitValue: 97,
    };
    const id = file.mutate(stepLabel('Enrol'), (r) => r.enrolments.create(base));
    expect(file.readYear().enrolments.find((e) => e.id === id)).toEqual({ id, ...base });
    file.mutate(stepLabel('Welsh unit'), (r) => r.enrolments.update(id, { measureUnitCy: 'misoedd' }));
    expect(file.readYear().enrolments.find((e) => e.id === id)?.measureUnitCy).toBe('misoedd');
    file.undo();
    expect(file.readYear().enrolments.find((e) => e.id === id)?.measureUnitCy).toBe('mis');
    const [made] = file.mutate(stepLabel('Enrol many'), (r) => r.enrolments.createMany(2, [2]));
    expect(file.readYear().enrolments.find((e) => e.id === made)).toMatchObject({ measureUnit: '', measureUnitCy: '' });
  });

  it('createMany enrols on the line’s whole run by default', () => {
    const file = openFile();
    const ids = file.mutate(stepLabel('Enrol'), (r) => r.enrolments.createMany(2, [2, 3]));
    expect(ids).toEqual([9, 10]);
    const created = file.readYear().enrolments.filter((e) => ids.includes(e.id));
    expect(created.map((e) => [e.learnerId, e.startWeek, e.endWeek])).toEqual([
      [2, 3, 26],
      [3, 3, 26],
    ]);
  });

  it('deleting enrolments is all or nothing', () => {
    const file = openFile();
    const error = apiErrorFrom(() => file.mutate(stepLabel('Unenrol'), (r) => r.enrolments.delete([1, 2, 99])));
    expect(error.toBody()).toEqual({ code: 'not_found', reason: 'noEnrolment', params: { id: 99 } });
    expect(file.readYear().enrolments).toHaveLength(8);
  });
});

describe('tiers and areas', () => {
  it('refuse to remove a tier or area still in use, saying where', () => {
    const file = openFile();
    const year = testSchoolYear();
    const tierError = apiErrorFrom(() => file.mutate(stepLabel('Tiers'), (r) => r.tiers.set(year.tiers.filter((t) => t.id !== 'alp'))));
    expect(tierError.code).toBe('conflict');
    expect(tierError.message).toBe('The tier “ALP” is still used by 2 lines: “Cymorth iaith (speech and language group)”, “1:1 support”. Move those lines to another tier first.');
    const areaError = apiErrorFrom(() => file.mutate(stepLabel('Areas'), (r) => r.areas.set(year.areas.filter((a) => a.id !== 'sensory_physical'))));
    expect(areaError.message).toBe('The area of need “Sensory and/or physical” is still used by 1 line: “1:1 support”. Remove it from that line first.');
  });

  it('remove an unused tier and rename the others', () => {
    const file = openFile();
    const tiers = [...testSchoolYear().tiers, { id: 'specialist', name: 'Specialist', nameCy: 'Arbenigol', description: '', descriptionCy: '', isAlp: true, costing: 'shared' as const, sortOrder: 0 }];
    file.mutate(stepLabel('Add'), (r) => r.tiers.set(tiers));
    expect(file.readYear().tiers.map((t) => t.id)).toEqual(['specialist', 'universal', 'targeted', 'alp']);
    file.mutate(stepLabel('Remove'), (r) => r.tiers.set(testSchoolYear().tiers.map((t) => ({ ...t, name: `${t.name}!` }))));
    expect(file.readYear().tiers.map((t) => t.name)).toEqual(['Universal!', 'Targeted!', 'ALP!']);
  });

  it('the calendar refuses weeks out of order', () => {
    const file = openFile();
    const error = apiErrorFrom(() => file.mutate(stepLabel('Cal'), (r) => r.calendar.set({ weekStarts: ['2026-09-07', '2026-09-21', '2026-09-14'], terms: [], closedDays: [] })));
    expect(error.message).toBe('weekStarts.2: week 3 (2026-09-14) must start after week 2 (2026-09-21)');
  });
});
