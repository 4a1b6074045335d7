import { describe, expect, it } from 'vitest';
import { hoursText } from '../../../shared/i18n/hoursText';
import { createI18n } from '../../../shared/i18n';
import { hourTicks } from './hourTicks';

const asHours = (ticks: number[]) => ticks.map((m) => hoursText(m, createI18n('en').t));

describe('the staff chart’s hour axis', () => {
  it('ticks at even whole hours up to past the longest bar, never "16 h 40 min"', () => {
    // The demo school's largest: a teacher contracted for 32 h 30 min a week.
    expect(asHours(hourTicks(32 * 60 + 30))).toEqual(['0 h', '10 h', '20 h', '30 h', '40 h']);
    expect(asHours(hourTicks(25 * 60))).toEqual(['0 h', '10 h', '20 h', '30 h']);
    expect(asHours(hourTicks(37 * 60))).toEqual(['0 h', '10 h', '20 h', '30 h', '40 h']);
    expect(asHours(hourTicks(90))).toEqual(['0 h', '1 h', '2 h']);
    expect(asHours(hourTicks(0))).toEqual(['0 h', '1 h']);
  });

  it('keeps to about five even steps however many hours', () => {
    for (const minutes of [30, 59, 61, 200, 1_000, 2_000, 2_400, 6_000, 60_000, 1_000_000]) {
      const ticks = hourTicks(minutes);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(minutes);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      const step = ticks[1]! - ticks[0]!;
      expect(step % 60).toBe(0);
      expect(ticks.every((m, i) => m === i * step)).toBe(true);
    }
  });
});
