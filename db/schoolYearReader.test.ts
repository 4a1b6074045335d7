import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './connection';
import { SchoolFile } from './schoolFile';
import { createSchoolYearReader } from './schoolYearReader';
import { createTestFile } from '../test/support/testFolder';
import { stepLabel } from '../test/support/stepLabel';

describe('reading the year: the last read is handed out again only while the file is unchanged', () => {
  const open: Array<SchoolFile | SqliteDatabase> = [];
  afterEach(() => {
    for (const x of open.splice(0)) x.close();
  });

  it('gives the same year twice when nothing changed, and a fresh one after an edit through the file', () => {
    const file = createTestFile();
    open.push(file);
    const first = file.readYear();
    expect(file.readYear()).toBe(first);

    const line = first.lines[0]!;
    file.mutate(stepLabel('Edit line'), (repos) => repos.lines.update(line.id, { minutesPerSession: line.minutesPerSession + 7 }));
    const after = file.readYear();
    expect(after).not.toBe(first);
    expect(after.lines[0]!.minutesPerSession).toBe(line.minutesPerSession + 7);
    // The year read before the edit still says what the file said then.
    expect(first.lines[0]!.minutesPerSession).toBe(line.minutesPerSession);

    // Undo is a change too.
    file.undo();
    expect(file.readYear().lines[0]!.minutesPerSession).toBe(line.minutesPerSession);
  });

  it('sees a change committed through another connection to the same file', () => {
    const file = createTestFile();
    open.push(file);
    const before = file.readYear();
    const other = openDatabase(file.path, { fileMustExist: true });
    open.push(other);
    other.prepare('UPDATE lines SET name = ? WHERE id = ?').run('Renamed elsewhere', before.lines[0]!.id);
    const after = file.readYear();
    expect(after).not.toBe(before);
    expect(after.lines[0]!.name).toBe('Renamed elsewhere');
    // Read whole again, it keeps the records that did not change.
    expect(after.lines[1]).toBe(before.lines[1]);
    expect(after.enrolments).toBe(before.enrolments);
    expect(after.school).toBe(before.school);
  });

  it('re-reads after an edit that failed and was rolled back, and shows the file as it is', () => {
    const file = createTestFile();
    open.push(file);
    const before = file.readYear();
    const id = before.lines[0]!.id;
    expect(() =>
      file.mutate(stepLabel('Edit line'), (repos) => {
        repos.lines.update(id, { name: 'Never saved' });
        throw new Error('refused');
      }),
    ).toThrow();
    expect(file.readYear().lines[0]!.name).toBe(before.lines[0]!.name);
  });

  it('hands out a frozen year, so no caller can change what the next caller is given', () => {
    const file = createTestFile();
    open.push(file);
    const year = file.readYear();
    expect(() => {
      (year.lines[0] as { name: string }).name = 'Changed in memory';
    }).toThrow(TypeError);
    expect(() => (year.enrolments as unknown[]).push({})).toThrow(TypeError);
    expect(file.readYear().lines[0]!.name).not.toBe('Changed in memory');
  });

  it('reads the whole year every time when asked not to remember (the bench measures reads so)', () => {
    const file = createTestFile();
    const path = file.path;
    file.close();
    const db = openDatabase(nodePath.resolve(path), { readonly: true, fileMustExist: true });
    open.push(db);
    const read = createSchoolYearReader(db, { remember: false });
    const a = read();
    const b = read();
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it('keeps the objects of records an edit did not change, and of whole lists, equal to a fresh full read', () => {
    const file = createTestFile();
    open.push(file);
    const before = file.readYear();
    expect(before.lines.length).toBeGreaterThan(1);
    const edited = before.lines[0]!;
    file.mutate(stepLabel('Edit line'), (repos) => repos.lines.update(edited.id, { minutesPerSession: edited.minutesPerSession + 7 }));
    const after = file.readYear();

    expect(after.lines).not.toBe(before.lines);
    expect(after.lines[0]).not.toBe(edited);
    expect(after.lines[0]!.minutesPerSession).toBe(edited.minutesPerSession + 7);
    for (let i = 1; i < after.lines.length; i++) expect(after.lines[i]).toBe(before.lines[i]);
    // Parts the edit did not touch are the same lists.
    expect(after.learners).toBe(before.learners);
    expect(after.staff).toBe(before.staff);
    expect(after.calendar).toBe(before.calendar);

    // The values are what a fresh read of the whole file gives.
    const db = openDatabase(file.path, { readonly: true, fileMustExist: true });
    open.push(db);
    expect(after).toEqual(createSchoolYearReader(db, { remember: false })());

    // An edit undone gives back equal records: the ones handed out before the edit for the unedited lines.
    file.undo();
    const undone = file.readYear();
    expect(undone.lines[0]).toEqual(edited);
    for (let i = 1; i < undone.lines.length; i++) expect(undone.lines[i]).toBe(before.lines[i]);
  });
});
