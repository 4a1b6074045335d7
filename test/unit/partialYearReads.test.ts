/**
 * Reading the year again after an edit re-reads only the parts whose tables the edit changed
 * (db/schoolYearReader.ts). Over a sequence of random edits through the backend on a real school file
 * (lines, staff, learners, enrolments, income, the workload, the school, undo and redo, refused edits
 * rolled back, and changes committed through another connection), the year handed out after every one
 * equals a whole read of the file through a connection of its own; the parts an edit did not touch are
 * the same objects as before, so the partial read is the one being checked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TypedBackend } from '../../backend/backend';
import { createTestBackend, type TestBackend } from '../support/testBackend';
import { openDatabase, type SqliteDatabase } from '../../db/connection';
import { createSchoolYearReader } from '../../db/schoolYearReader';
import type { SchoolYear } from '../../shared/domain';
import { seededRandom } from '../support/seededRandom';

let school: TestBackend;
let backend: TypedBackend;
let other: SqliteDatabase | null = null;

beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
});
afterEach(() => {
  other?.close();
  other = null;
  school.close();
});

const PARTS = ['school', 'calendar', 'tiers', 'areas', 'staff', 'lines', 'learners', 'enrolments', 'income', 'otherCosts', 'workload'] as const;

describe('reading the year after an edit', () => {
  it('re-reads only what changed, and gives what a whole read gives, after every one of a sequence of random edits', () => {
    const file = backend.session.openFile;
    if (!file) throw new Error('no file open');
    other = openDatabase(file.path, { fileMustExist: true });
    const wholeRead = createSchoolYearReader(other, { remember: false });
    const random = seededRandom(20261205);
    const year = (): SchoolYear => backend.session.openFile!.readYear();
    const edits: Array<(y: SchoolYear) => (() => void) | null> = [
      (y) => () => backend.invoke('lines.update', { id: random.pick(y.lines).id, changes: { minutesPerSession: random.int(10, 90) } }),
      (y) => () => backend.invoke('lines.duplicate', { id: random.pick(y.lines).id }),
      (y) => (y.lines.length > 2 ? () => backend.invoke('lines.delete', { id: random.pick(y.lines).id }) : null),
      (y) => () => backend.invoke('staff.update', { id: random.pick(y.staff).id, changes: { hourlyCostPence: random.int(1200, 4500) } }),
      (y) => () => backend.invoke('learners.update', { id: random.pick(y.learners).id, changes: { name: `Learner ${random.int(1, 999)}` } }),
      (y) => (y.learners.length > 3 ? () => backend.invoke('learners.delete', { id: random.pick(y.learners).id }) : null),
      (y) => (y.enrolments.length > 0 ? () => backend.invoke('enrolments.update', { id: random.pick(y.enrolments).id, changes: { measureName: `Measure ${random.int(1, 99)}` } }) : null),
      (y) => (y.enrolments.length > 0 ? () => backend.invoke('enrolments.delete', { ids: [random.pick(y.enrolments).id] }) : null),
      (y) => () => backend.invoke('enrolments.createMany', { lineId: random.pick(y.lines).id, learnerIds: [random.pick(y.learners).id] }),
      (y) => (y.income.length > 0 ? () => backend.invoke('income.update', { id: random.pick(y.income).id, changes: { amountPence: random.int(1, 9_000_000) } }) : null),
      () => () => backend.invoke('workload.update', { changes: { idpsToPrepare: random.int(0, 40) } }),
      () => () => backend.invoke('school.update', { changes: { name: `Ysgol ${random.int(1, 999)}` } }),
      // Refused inside its transaction (costs too large to count exactly): rolled back, nothing changes.
      (y) => () => backend.invoke('lines.update', { id: random.pick(y.lines).id, changes: { groups: 1_000_000 } }),
      () => () => backend.invoke('history.undo', {}),
      () => () => backend.invoke('history.redo', {}),
      // Committed through another connection: the whole year is read again.
      (y) => () => other!.prepare('UPDATE learners SET name = ? WHERE id = ?').run(`Elsewhere ${random.int(1, 999)}`, random.pick(y.learners).id),
    ];
    let partial = 0;
    let before = year();
    for (let step = 0; step < 150; step++) {
      const edit = random.pick(edits)(before);
      if (!edit) continue;
      try {
        edit();
      } catch {
        // A refusal (nothing to undo, a record in use, a figure too large) is an edit too: nothing changed.
      }
      const after = year();
      expect(after, `after step ${step}`).toEqual(wholeRead());
      expect(Object.keys(after)).toEqual(Object.keys(wholeRead()));
      if (after !== before && PARTS.some((part) => after[part] === before[part])) partial++;
      before = after;
    }
    // Most edits touch one or two parts: the rest were handed out again, not read.
    expect(partial).toBeGreaterThan(60);
  });

  it('keeps the parts a one-line edit does not touch, and re-reads the lines', () => {
    const before = backend.session.openFile!.readYear();
    const line = before.lines[0]!;
    backend.invoke('lines.update', { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 5 } });
    const after = backend.session.openFile!.readYear();
    expect(after.lines).not.toBe(before.lines);
    expect(after.lines[0]!.minutesPerSession).toBe(line.minutesPerSession + 5);
    for (const part of PARTS.filter((p) => p !== 'lines')) expect(after[part], part).toBe(before[part]);
    expect(Object.isFrozen(after) && Object.isFrozen(after.lines[0])).toBe(true);
  });
});
