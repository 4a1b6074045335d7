import { describe, expect, it } from 'vitest';
import { isMisFileName } from './misFileTypes';

describe('which files the MIS import takes', () => {
  it('takes .csv and .xlsx exports only', () => {
    expect(isMisFileName('Year list.CSV')).toBe(true);
    expect(isMisFileName('students.xlsx')).toBe(true);
    expect(isMisFileName('students.xls')).toBe(false);
    expect(isMisFileName('notes.txt')).toBe(false);
  });
});
