import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoDateTime, formatIsoDateTimePair } from './dates';

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

describe('formatIsoDateTime', () => {
  it('writes a backup’s moment in Welsh, weekday and month, in the reader’s time zone', () => {
    // 13:05 UTC on 2 October 2026 is 14:05 in Wales (British Summer Time).
    expect(formatIsoDateTime('2026-10-02T13:05:00.000Z', 'cy', 'long', 'Europe/London')).toBe('Dydd Gwener 2 Hydref 2026 am 14:05');
    expect(formatIsoDateTime('2026-10-02T13:05:00.000Z', 'cy', 'short', 'Europe/London')).toBe('2 Hyd 2026, 14:05');
    // In winter London is on UTC; a Tuesday in March must not read as the month.
    expect(formatIsoDateTime('2027-03-02T09:30:00Z', 'cy', 'long', 'Europe/London')).toBe('Dydd Mawrth 2 Mawrth 2027 am 09:30');
  });

  it('writes English the same way', () => {
    expect(formatIsoDateTime('2026-10-02T13:05:00.000Z', 'en', 'long', 'Europe/London')).toBe('Friday 2 October 2026 at 14:05');
    expect(formatIsoDateTime('2026-10-02T13:05:00.000Z', 'en', 'short', 'Europe/London')).toBe('2 Oct 2026, 14:05');
  });

  it('takes the date from the local day, not the UTC one, near midnight', () => {
    expect(formatIsoDateTime('2026-06-30T23:30:00Z', 'cy', 'long', 'Europe/London')).toBe('Dydd Mercher 1 Gorffennaf 2026 am 00:30');
  });

  it('leaves what is not a timestamp as it came', () => {
    expect(formatIsoDateTime('yesterday', 'cy')).toBe('yesterday');
    expect(formatIsoDateTime('2026-10-02', 'en')).toBe('2026-10-02');
  });
});

describe('formatIsoDateTimePair', () => {
  it('gives two moments to the minute in the reader’s time zone', () => {
    expect(formatIsoDateTimePair('2027-05-01T09:00:00.000Z', '2027-06-15T14:30:00.000Z', 'cy', 'Europe/London')).toEqual(['1 Mai 2027, 10:00', '15 Meh 2027, 15:30']);
    expect(formatIsoDateTimePair('2027-05-01T09:00:00.000Z', '2027-06-15T14:30:00.000Z', 'en', 'Europe/London')).toEqual(['1 May 2027, 10:00', '15 Jun 2027, 15:30']);
  });

  it('gives both to the second when they fall in the same minute, so the earlier can be told', () => {
    expect(formatIsoDateTimePair('2027-06-15T14:30:05.000Z', '2027-06-15T14:30:41.000Z', 'cy', 'Europe/London')).toEqual(['15 Meh 2027, 15:30:05', '15 Meh 2027, 15:30:41']);
  });
});
