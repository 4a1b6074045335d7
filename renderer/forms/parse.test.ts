import { describe, expect, it } from 'vitest';
import {
  formatHundredths,
  formatMinutesAsHours,
  readHoursAsMinutes,
  readMinutes,
  readOptionalDate,
  readPercentAsBasisPoints,
  readSessionsPerWeek,
  readWeek,
  readWeekList,
} from './parse';

describe('reading what a person types into a field', () => {
  it('reads sessions per week as hundredths without floating point', () => {
    expect(readSessionsPerWeek('0.5')).toEqual({ ok: true, value: 50 });
    expect(readSessionsPerWeek('3')).toEqual({ ok: true, value: 300 });
    expect(readSessionsPerWeek('1.25')).toEqual({ ok: true, value: 125 });
    expect(readSessionsPerWeek('2.333').ok).toBe(false);
    expect(readSessionsPerWeek('twice').ok).toBe(false);
    expect(readSessionsPerWeek('-1').ok).toBe(false);
    expect(formatHundredths(50)).toBe('0.5');
    expect(formatHundredths(125)).toBe('1.25');
    expect(formatHundredths(300)).toBe('3');
  });

  it('refuses negative or fractional minutes with a reason', () => {
    expect(readMinutes('30')).toEqual({ ok: true, value: 30 });
    expect(readMinutes('-5')).toEqual({ ok: false, error: 'errors.wholeMinutes', params: { min: 0 } });
    expect(readMinutes('12.5').ok).toBe(false);
  });

  it('reads hours as whole minutes (32.5 h a week of 1:1 support)', () => {
    expect(readHoursAsMinutes('32.5')).toEqual({ ok: true, value: 1950 });
    expect(formatMinutesAsHours(1950)).toBe('32.5');
    expect(readHoursAsMinutes('abc').ok).toBe(false);
  });

  it('refuses a week outside the school year', () => {
    expect(readWeek('38', 38)).toEqual({ ok: true, value: 38 });
    expect(readWeek('39', 38)).toEqual({ ok: false, error: 'errors.weekRange', params: { first: 1, last: 38 } });
    expect(readWeek('0', 38).ok).toBe(false);
    expect(readWeekList('13, 12,12', 1, 38)).toEqual({ ok: true, value: [12, 13] });
    expect(readWeekList('12, 40', 1, 38).ok).toBe(false);
  });

  it('reads dates and percentages', () => {
    expect(readOptionalDate('')).toEqual({ ok: true, value: null });
    expect(readOptionalDate('2026-02-30').ok).toBe(false);
    expect(readOptionalDate('2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
    expect(readPercentAsBasisPoints('28.5')).toEqual({ ok: true, value: 2850 });
  });
});
