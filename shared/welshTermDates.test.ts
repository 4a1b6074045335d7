import { describe, expect, it } from 'vitest';
import { defaultWelshCalendar, easterSunday, isoOf } from './welshTermDates';

describe('the default Welsh school calendar', () => {
  it('2026-27: 38 teaching weeks, Monday starts, the usual breaks skipped', () => {
    const { weekStarts } = defaultWelshCalendar(2026);
    expect(weekStarts).toHaveLength(38);
    expect(weekStarts[0]).toBe('2026-09-07');
    expect(weekStarts.at(-1)).toBe('2027-07-12');
    for (const d of weekStarts) expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(1);
    // half terms, Christmas, February, Easter (Good Friday 26 March 2027) and Whitsun are not teaching weeks
    for (const holiday of ['2026-10-26', '2026-12-21', '2026-12-28', '2027-02-15', '2027-03-22', '2027-03-29', '2027-05-24']) {
      expect(weekStarts).not.toContain(holiday);
    }
    // 24 weeks fall before 1 April (financial year 2026-27), 14 after
    expect(weekStarts.filter((d) => d < '2027-04-01')).toHaveLength(24);
  });

  it('knows Easter', () => {
    expect(isoOf(easterSunday(2027))).toBe('2027-03-28');
    expect(isoOf(easterSunday(2028))).toBe('2028-04-16');
  });
});
