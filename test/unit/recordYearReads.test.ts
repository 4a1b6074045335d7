/**
 * After a few lines, learners or enrolments changed through the file's own connection, the year is read
 * again record by record: just the changed records, spliced into the previous list by id
 * (db/schoolYearReader.ts). After every kind of change to a line and its child rows, adding and deleting
 * lines, undo of each, a rolled-back edit and random sequences of them, the year handed out is what a
 * whole read of the file gives (record order and field order included), and the records no change touched
 * are the previous objects.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../db/connection';
import type { Repositories } from '../../db/repositories';
import type { SchoolFile } from '../../db/schoolFile';
import { createSchoolYearReader } from '../../db/schoolYearReader';
import type { SchoolYear } from '../../shared/domain';
import { createTestFile } from '../support/testFolder';
import { stepLabel } from '../support/stepLabel';

const open: Array<SchoolFile | SqliteDatabase> = [];
afterEach(() => {
  for (const x of open.splice(0)) x.close();
});

/** The file, and a whole read of it through a connection of its own. */
function openFile(): { file: SchoolFile; wholeRead: () => SchoolYear } {
  const file = createTestFile();
  const other = openDatabase(file.path, { fileMustExist: true });
  open.push(file, other);
  return { file, wholeRead: createSchoolYearReader(other, { remember: false }) };
}

/** The year the file hands out now equals a whole read, and every record of `unchanged` ids is `before`'s object. */
function expectRead(file: SchoolFile, wholeRead: () => SchoolYear, before: SchoolYear, changed: { lines?: number[]; enrolments?: boolean } = {}): SchoolYear {
  const after = file.readYear();
  expect(JSON.stringify(after)).toBe(JSON.stringify(wholeRead()));
  for (const line of after.lines) {
    if (changed.lines?.includes(line.id)) continue;
    expect(line, `line ${line.id}`).toBe(before.lines.find((l) => l.id === line.id));
  }
  expect(after.learners).toBe(before.learners);
  if (!changed.enrolments) expect(after.enrolments).toBe(before.enrolments);
  return after;
}

describe('reading again only the lines that changed', () => {
  const edits: Array<[string, (year: SchoolYear, repos: Repositories) => number]> = [
    ['a field', (y, repos) => (repos.lines.update(y.lines[1]!.id, { minutesPerSession: y.lines[1]!.minutesPerSession + 7 }), y.lines[1]!.id)],
    ['its areas', (y, repos) => (repos.lines.update(y.lines[1]!.id, { areaIds: [y.areas[2]!.id, y.areas[0]!.id] }), y.lines[1]!.id)],
    ['its staff', (y, repos) => (repos.lines.update(y.lines[1]!.id, { staff: [{ staffId: y.staff[1]!.id, count: 3 }] }), y.lines[1]!.id)],
    ['a non-staff cost', (y, repos) => (repos.lines.update(y.lines[0]!.id, { nonStaffCosts: [{ label: 'Resource pack', pence: 4600 }] }), y.lines[0]!.id)],
    ['its undelivered weeks', (y, repos) => (repos.lines.update(y.lines[2]!.id, { undeliveredWeeks: [12, 4] }), y.lines[2]!.id)],
    ['a new line', (y, repos) => repos.lines.duplicate(y.lines[1]!.id)],
    ['a new line with the largest id', (y, repos) => (repos.lines.insertWithId({ ...y.lines[2]!, id: 900, name: 'Last' }), 900)],
    ['a line deleted and put back, renamed, in one step', (y, repos) => (repos.lines.delete(y.lines[1]!.id), repos.lines.insertWithId({ ...y.lines[1]!, name: 'Put back' }), y.lines[1]!.id)],
  ];

  for (const [what, edit] of edits)
    it(`after an edit of ${what}, and after its undo`, () => {
      const { file, wholeRead } = openFile();
      const before = file.readYear();
      const id = file.mutate(stepLabel('Edit'), (repos) => edit(before, repos));
      // Deleting a line deletes its enrolments.
      const after = expectRead(file, wholeRead, before, { lines: [id], enrolments: what.includes('deleted') });
      file.undo();
      expectRead(file, wholeRead, after, { lines: [id], enrolments: what.includes('deleted') });
    });

  it('after a line is deleted (its enrolments with it), and after its undo', () => {
    const { file, wholeRead } = openFile();
    const before = file.readYear();
    const id = before.lines[1]!.id;
    file.mutate(stepLabel('Delete'), (repos) => repos.lines.delete(id));
    const after = file.readYear();
    expect(JSON.stringify(after)).toBe(JSON.stringify(wholeRead()));
    expect(after.lines.map((l) => l.id)).toEqual(before.lines.map((l) => l.id).filter((x) => x !== id));
    for (const line of after.lines) expect(line).toBe(before.lines.find((l) => l.id === line.id));
    file.undo();
    const back = file.readYear();
    expect(JSON.stringify(back)).toBe(JSON.stringify(wholeRead()));
    expect(back.lines.map((l) => l.id)).toEqual(before.lines.map((l) => l.id));
    for (const line of back.lines) if (line.id !== id) expect(line).toBe(before.lines.find((l) => l.id === line.id));
  });

  it('after an edit that failed and was rolled back, and after an edit read inside its transaction', () => {
    const { file, wholeRead } = openFile();
    const before = file.readYear();
    const id = before.lines[1]!.id;
    expect(() =>
      file.mutate(
        stepLabel('Edit'),
        (repos) => repos.lines.update(id, { nonStaffCosts: [], minutesPerSession: 1 }),
        () => {
          throw new Error('refused');
        },
      ),
    ).toThrow();
    // The check was handed the rolled-back year, so the line it changed is read again whole, equal to before.
    expectRead(file, wholeRead, before, { lines: [id] });
    file.mutate(
      stepLabel('Edit'),
      (repos) => repos.lines.update(id, { staff: [] }),
      (year) => expect(year.lines.find((l) => l.id === id)!.staff).toEqual([]),
    );
    expectRead(file, wholeRead, before, { lines: [id] });
  });

  it('after learners and enrolments change a few at a time', () => {
    const { file, wholeRead } = openFile();
    const before = file.readYear();
    file.mutate(stepLabel('Edit'), (repos) => repos.learners.update(before.learners[2]!.id, { name: 'Renamed', areaIds: [before.areas[1]!.id] }));
    const after = file.readYear();
    expect(JSON.stringify(after)).toBe(JSON.stringify(wholeRead()));
    expect(after.learners[1]).toBe(before.learners[1]);
    expect(after.enrolments).toBe(before.enrolments);
    file.mutate(stepLabel('Edit'), (repos) => repos.enrolments.update(after.enrolments[0]!.id, { measureName: 'Reading age' }));
    const later = file.readYear();
    expect(JSON.stringify(later)).toBe(JSON.stringify(wholeRead()));
    expect(later.enrolments[1]).toBe(after.enrolments[1]);
    expect(later.learners).toBe(after.learners);
  });

  it('gives what a whole read gives after every one of random sequences of edits, undos and redos', () => {
    type Step = { kind: number; at: number; value: number };
    const step = fc.record({ kind: fc.integer({ min: 0, max: 14 }), at: fc.nat(), value: fc.integer({ min: 1, max: 38 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps: Step[]) => {
        const { file, wholeRead } = openFile();
        try {
          for (const { kind, at, value } of steps) {
            const y = file.readYear();
            const line = y.lines[at % y.lines.length];
            const learner = y.learners[at % y.learners.length];
            const enrolment = y.enrolments[at % Math.max(1, y.enrolments.length)];
            const change = (fn: (repos: Repositories) => unknown) => {
              try {
                file.mutate(stepLabel('Edit'), fn);
              } catch {
                // Refused (a record in use, a figure out of range): rolled back, nothing changed.
              }
            };
            if (kind === 0 && line) change((r) => r.lines.update(line.id, { minutesPerSession: value }));
            if (kind === 1 && line) change((r) => r.lines.update(line.id, { areaIds: y.areas.slice(value % y.areas.length).map((a) => a.id) }));
            if (kind === 2 && line) change((r) => r.lines.update(line.id, { staff: y.staff.slice(value % y.staff.length).map((s) => ({ staffId: s.id, count: value })) }));
            if (kind === 3 && line) change((r) => r.lines.update(line.id, { nonStaffCosts: value % 3 === 0 ? [] : [{ label: `Cost ${value}`, pence: value * 100 }] }));
            if (kind === 4 && line) change((r) => r.lines.update(line.id, { undeliveredWeeks: value % 2 ? [value] : [] }));
            if (kind === 5 && line) change((r) => r.lines.duplicate(line.id));
            if (kind === 6 && line && y.lines.length > 1) change((r) => r.lines.delete(line.id));
            if (kind === 7) file.undo();
            if (kind === 8) file.redo();
            if (kind === 9 && line)
              change((r) => {
                r.lines.update(line.id, { weeks: value });
                throw new Error('refused');
              });
            if (kind === 10 && learner) change((r) => r.learners.update(learner.id, { name: `Learner ${value}`, areaIds: y.areas.slice(value % y.areas.length).map((a) => a.id) }));
            if (kind === 11 && learner && y.learners.length > 1) change((r) => r.learners.delete(learner.id));
            if (kind === 12 && enrolment) change((r) => r.enrolments.update(enrolment.id, { measureName: `Measure ${value}` }));
            if (kind === 13 && enrolment) change((r) => r.enrolments.delete([enrolment.id]));
            if (kind === 14 && line && learner) change((r) => r.enrolments.createMany(line.id, [learner.id]));
            const after = file.readYear();
            expect(JSON.stringify(after)).toBe(JSON.stringify(wholeRead()));
          }
        } finally {
          for (const x of open.splice(0)) x.close();
        }
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });
});
