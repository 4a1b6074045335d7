import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/contract';
import { SchoolFile } from './schoolFile';
import { createTestFile } from '../test/support/testFolder';
import { testSchoolYear } from '../test/support/testSchoolYear';
import { stepLabel } from '../test/support/stepLabel';

const opened: SchoolFile[] = [];
const open = () => {
  const f = createTestFile();
  opened.push(f);
  return f;
};
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
});

describe('mutate', () => {
  it('changes nothing when the function fails part way', () => {
    const file = open();
    const before = file.readYear();
    expect(() =>
      file.mutate(stepLabel('Two edits'), (r) => {
        r.school.update({ name: 'Changed' });
        r.lines.delete(1);
        r.learners.update(999, { name: 'x' });
      }),
    ).toThrow(/no learner with id 999/);
    expect(file.readYear()).toEqual(before);
    expect(file.history()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
  });

  it('returns what the function returns and records one step', () => {
    const file = open();
    const id = file.mutate(stepLabel('Add income'), (r) =>
      r.income.create({ kind: 'other', name: 'PTA', nameCy: '', amountPence: 12_345, financialYear: null, endsOn: null, source: '', sourceCy: '' }),
    );
    expect(id).toBe(3);
    expect(file.history()).toEqual({ canUndo: true, canRedo: false, undoLabel: stepLabel('Add income'), redoLabel: null });
  });

  it('does not record a step that changed nothing', () => {
    const file = open();
    file.mutate(stepLabel('Nothing'), (r) => r.tiers.set(testSchoolYear().tiers));
    expect(file.history().canUndo).toBe(false);
  });
});

describe('undo and redo', () => {
  it('undoes a line delete with its enrolments, staff, areas and costs, keeping ids; redo deletes again', () => {
    const file = open();
    const original = file.readYear();
    file.mutate(stepLabel('Delete line'), (r) => r.lines.delete(2));
    const deleted = file.readYear();
    expect(deleted.lines.map((l) => l.id)).toEqual([1, 3, 4]);
    expect(deleted.enrolments.map((e) => e.id)).toEqual([1, 2, 3, 6, 7, 8]);

    expect(file.undo()).toEqual(stepLabel('Delete line'));
    expect(file.readYear()).toEqual(original);
    expect(file.history()).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: stepLabel('Delete line') });

    expect(file.redo()).toEqual(stepLabel('Delete line'));
    expect(file.readYear()).toEqual(deleted);
    expect(file.undo()).toEqual(stepLabel('Delete line'));
    expect(file.readYear()).toEqual(original);
  });

  it('undoes a learner delete with their enrolments and areas', () => {
    const file = open();
    const original = file.readYear();
    file.mutate(stepLabel('Delete learner'), (r) => r.learners.delete(5));
    expect(file.readYear().enrolments.some((e) => e.learnerId === 5)).toBe(false);
    file.undo();
    expect(file.readYear()).toEqual(original);
  });

  it('steps back through edits of every kind, newest first, then forward again', () => {
    const file = open();
    const states = [file.readYear()];
    const base = testSchoolYear();
    const edits: Array<[string, Parameters<SchoolFile['mutate']>[1]]> = [
      ['School', (r) => r.school.update({ numberOnRoll: 320, alpDefinitionDate: null })],
      ['Calendar', (r) => r.calendar.set({ weekStarts: base.calendar.weekStarts.slice(0, 36), terms: base.calendar.terms, closedDays: base.calendar.closedDays })],
      [
        'Tiers',
        (r) =>
          r.tiers.set([
            ...base.tiers.map((t) => ({ ...t, name: t.name.toUpperCase() })),
            { id: 'specialist', name: 'Specialist', nameCy: 'Arbenigol', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 4 },
          ]),
      ],
      ['Areas', (r) => r.areas.set([...base.areas, { id: 'wellbeing', name: 'Well-being', nameCy: 'Llesiant', sortOrder: 5 }])],
      ['Staff', (r) => r.staff.create({ ...base.staff[0]!, name: 'New TA', hourlyCostBasis: null })],
      ['Staff edit', (r) => r.staff.update(1, { hourlyCostPence: 1600, hourlyCostBasis: null })],
      ['Line edit', (r) => r.lines.update(1, { staff: [{ staffId: 4, count: 2 }], areaIds: ['wellbeing'], nonStaffCosts: [], undeliveredWeeks: [3, 4] })],
      ['Duplicate', (r) => r.lines.duplicate(2)],
      ['Learner', (r) => r.learners.update(3, { alnStatus: 'idp_school', areaIds: ['wellbeing', 'sensory_physical'] })],
      ['Enrol', (r) => r.enrolments.createMany(5, [1, 2, 3])],
      ['Enrolment edit', (r) => r.enrolments.update(1, { exitValue: 90.25 })],
      ['Unenrol', (r) => r.enrolments.delete([2, 3])],
      ['Income', (r) => r.income.update(2, { amountPence: 700_000, endsOn: null })],
      ['Income delete', (r) => r.income.delete(1)],
      ['Other cost', (r) => r.otherCosts.update(1, { staffId: null, quantity: 2 })],
      ['Other cost delete', (r) => r.otherCosts.delete(2)],
      ['Workload', (r) => r.workload.update({ alncoStaffId: null, idpsToPrepare: 7 })],
      ['Remove line 1 and its TA', (r) => (r.lines.delete(1), r.staff.delete(4))],
    ];
    for (const [label, fn] of edits) {
      file.mutate(stepLabel(label), fn);
      const state = file.readYear();
      expect(state, label).not.toEqual(states[states.length - 1]);
      states.push(state);
    }
    for (let i = edits.length - 1; i >= 0; i--) {
      expect(file.undo()).toEqual(stepLabel(edits[i]![0]));
      expect(file.readYear(), `after undoing ${edits[i]![0]}`).toEqual(states[i]);
    }
    expect(file.undo()).toBeNull();
    for (let i = 0; i < edits.length; i++) {
      expect(file.redo()).toEqual(stepLabel(edits[i]![0]));
      expect(file.readYear(), `after redoing ${edits[i]![0]}`).toEqual(states[i + 1]);
    }
    expect(file.redo()).toBeNull();
  });

  it('a new edit after undo clears redo', () => {
    const file = open();
    file.mutate(stepLabel('One'), (r) => r.school.update({ name: 'One' }));
    file.undo();
    expect(file.history().redoLabel).toEqual(stepLabel('One'));
    file.mutate(stepLabel('Two'), (r) => r.school.update({ name: 'Two' }));
    expect(file.history()).toEqual({ canUndo: true, canRedo: false, undoLabel: stepLabel('Two'), redoLabel: null });
    expect(file.redo()).toBeNull();
  });

  it('keeps the newest 200 steps', () => {
    const file = open();
    for (let i = 1; i <= 205; i++) file.mutate(stepLabel(`Roll ${i}`), (r) => r.school.update({ numberOnRoll: i }));
    let undone = 0;
    while (file.undo()) undone++;
    expect(undone).toBe(200);
    expect(file.readYear().school.numberOnRoll).toBe(5);
  });

  it('undo survives in the file: reopening shows the undone state', () => {
    const file = open();
    file.mutate(stepLabel('Delete learner'), (r) => r.learners.delete(1));
    file.undo();
    file.close();
    const reopened = SchoolFile.open(file.path);
    opened.push(reopened);
    expect(reopened.readYear()).toEqual(testSchoolYear());
    expect(reopened.history().canUndo).toBe(false);
  });

  it('refuses to work on a closed file', () => {
    const file = createTestFile();
    file.close();
    expect(() => file.undo()).toThrow(ApiError);
  });
});
