import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './connection';
import { SchoolFile } from './schoolFile';
import { createSchoolYearReader } from './schoolYearReader';
import { createTestFile } from '../test/support/testFolder';

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
    file.mutate('Edit line', (repos) => repos.lines.update(line.id, { minutesPerSession: line.minutesPerSession + 7 }));
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
  });

  it('re-reads after an edit that failed and was rolled back, and shows the file as it is', () => {
    const file = createTestFile();
    open.push(file);
    const before = file.readYear();
    const id = before.lines[0]!.id;
    expect(() =>
      file.mutate('Edit line', (repos) => {
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
});
