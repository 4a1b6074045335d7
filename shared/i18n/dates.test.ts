import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './dates';

describe('formatIsoDate', () => {
  it('writes Welsh months whatever the runtime’s locale data', () => {
    expect(formatIsoDate('2026-10-02', 'cy')).toBe('2 Hyd 2026');
    expect(formatIsoDate('2027-03-05', 'cy', 'long')).toBe('5 Mawrth 2027');
    expect(formatIsoDate('2027-07-31', 'cy', 'long')).toBe('31 Gorffennaf 2027');
  });

  it('writes English dates as en-GB does', () => {
    expect(formatIsoDate('2026-10-02', 'en')).toBe('2 Oct 2026');
    expect(formatIsoDate('2027-03-05', 'en', 'long')).toBe('5 March 2027');
  });

  it('leaves what is not a date as it came', () => {
    expect(formatIsoDate('2026-13-45x', 'cy')).toBe('2026-13-45x');
  });
});
