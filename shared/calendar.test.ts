import { describe, expect, it } from 'vitest';
import { academicFinancialYears, addMonths, daysBetween, financialYearOf, weekContaining, weekFinancialYearIndexes } from './calendar';
import { calendar2026 } from '../test/support/schoolYearBuilder';

describe('financial years (1 April – 31 March)', () => {
  it.each([
    ['2027-03-31', 2026],
    ['2027-04-01', 2027],
    ['2026-09-07', 2026],
    ['2027-01-04', 2026],
    ['2026-03-30', 2025],
  ])('%s falls in financial year %i', (date, fy) => {
    expect(financialYearOf(date)).toBe(fy);
  });

  it('an academic year starting in September 2026 touches 2026-27 and 2027-28', () => {
    expect(academicFinancialYears(calendar2026())).toEqual([2026, 2027]);
    expect(academicFinancialYears({ weekStarts: [] }, '2026-27')).toEqual([2026, 2027]);
    expect(() => academicFinancialYears({ weekStarts: [] })).toThrow(/no teaching weeks/);
  });

  it('puts each teaching week in the financial year its Monday falls in: 25 weeks before April, 13 after', () => {
    const idx = weekFinancialYearIndexes(calendar2026(), [2026, 2027]);
    expect(idx.filter((i) => i === 0)).toHaveLength(25);
    expect(idx[24]).toBe(0); // w/c 22 March 2027
    expect(idx[25]).toBe(1); // w/c 12 April 2027
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => financialYearOf('1/4/2027')).toThrow(/YYYY-MM-DD/);
  });
});

describe('weekContaining', () => {
  const cal = calendar2026();
  it.each([
    ['2026-08-31', 0],
    ['2026-09-07', 1],
    ['2026-09-13', 1],
    ['2026-10-28', 7], // half term counts as the week before it
    ['2027-04-01', 25], // Easter holiday
    ['2027-04-12', 26],
    ['2027-08-20', 38],
  ])('%s is in week %i', (date, week) => {
    expect(weekContaining(cal, date)).toBe(week);
  });
});

describe('addMonths', () => {
  it('adds twelve months, clamping 29 February', () => {
    expect(addMonths('2025-10-15', 12)).toBe('2026-10-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(daysBetween('2026-10-15', '2026-11-01')).toBe(17);
  });
});
