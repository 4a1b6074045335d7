import { describe, expect, it } from 'vitest';
import { formatProgress, formatShare, readExpectedProgress, unitAfterPer } from './progressText';

describe('impact figures as the ALNCo reads them', () => {
  it('shows progress with its sign, to one decimal place', () => {
    expect(formatProgress(31 / 3, 'en-GB')).toBe('+10.3');
    expect(formatProgress(12, 'en-GB')).toBe('+12');
    expect(formatProgress(-2.25, 'en-GB')).toBe('−2.3');
    expect(formatProgress(0.01, 'en-GB')).toBe('0');
  });

  it('shows a share of learners from basis points', () => {
    expect(formatShare(7500, 'en-GB')).toBe('75%');
    expect(formatShare(6667, 'en-GB')).toBe('66.7%');
    expect(formatShare(10000, 'en-GB')).toBe('100%');
  });

  it('reads an expected progress as a decimal, or nothing to clear it, and refuses words', () => {
    expect(readExpectedProgress('6')).toEqual({ ok: true, value: 6 });
    expect(readExpectedProgress(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(readExpectedProgress('+3')).toEqual({ ok: true, value: 3 });
    expect(readExpectedProgress('-1')).toEqual({ ok: true, value: -1 });
    expect(readExpectedProgress('')).toEqual({ ok: true, value: null });
    expect(readExpectedProgress('six months')).toEqual({ ok: false });
  });

  it('names one of a unit after "per" from the unit’s own name: "per month", not "per unit (months)"', () => {
    expect(unitAfterPer('months')).toBe('month');
    expect(unitAfterPer(' points ')).toBe('point');
    expect(unitAfterPer('standardised score points')).toBe('standardised score point');
    expect(unitAfterPer('months of reading age')).toBe('month of reading age');
    expect(unitAfterPer('stanines')).toBe('stanine');
    expect(unitAfterPer('boxes')).toBe('box');
    expect(unitAfterPer('entries')).toBe('entry');
    expect(unitAfterPer('days')).toBe('day');
    expect(unitAfterPer('level')).toBe('level');
    expect(unitAfterPer('Boxall')).toBe('Boxall');
    expect(unitAfterPer('words per minute')).toBeNull();
    expect(unitAfterPer('%')).toBeNull();
    expect(unitAfterPer('')).toBeNull();
  });
});
