import { describe, expect, it } from 'vitest';
import { withExtension } from './fileExtensions';

describe('withExtension: one policy for every file Mapio writes', () => {
  it('adds the extension when the name lacks it, and leaves it alone otherwise (any case)', () => {
    expect(withExtension('/home/a/Ysgol Gymraeg', 'school')).toBe('/home/a/Ysgol Gymraeg.mapio');
    expect(withExtension('/home/a/School.MAPIO', 'school')).toBe('/home/a/School.MAPIO');
    expect(withExtension('/home/a/Cardiff', 'authority')).toBe('/home/a/Cardiff.mapio-la');
    expect(withExtension('/home/a/Governors 2026', 'workbook')).toBe('/home/a/Governors 2026.xlsx');
  });
  it('treats a dot in a name as part of the name', () => {
    expect(withExtension("/home/a/St. Mary's", 'school')).toBe("/home/a/St. Mary's.mapio");
    expect(withExtension('/home/a/budget.csv', 'workbook')).toBe('/home/a/budget.csv.xlsx');
  });
  it('accepts either of a kind’s extensions', () => {
    expect(withExtension('/home/a/statement.htm', 'statement')).toBe('/home/a/statement.htm');
    expect(withExtension('/home/a/statement', 'statement')).toBe('/home/a/statement.html');
  });
  it('keeps a school file from being taken for an authority file', () => {
    expect(withExtension('/home/a/Cardiff.mapio', 'authority')).toBe('/home/a/Cardiff.mapio.mapio-la');
  });
});
