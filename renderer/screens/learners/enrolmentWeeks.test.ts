import { describe, expect, it } from 'vitest';
import { lineRun, readEnrolmentWeeks } from './enrolmentWeeks';

describe('an enrolment’s weeks as typed', () => {
  it('reads two weeks within the year', () => {
    expect(readEnrolmentWeeks('3', '14', 38)).toEqual({ start: { ok: true, value: 3 }, end: { ok: true, value: 14 } });
    expect(readEnrolmentWeeks(' 7 ', '7', 38)).toEqual({ start: { ok: true, value: 7 }, end: { ok: true, value: 7 } });
  });

  it('refuses an end before the start beside the end field, naming the start', () => {
    const r = readEnrolmentWeeks('20', '12', 38);
    expect(r.start).toEqual({ ok: true, value: 20 });
    expect(r.end).toEqual({ ok: false, error: 'enrolWeeks.endBeforeStart', params: { start: 20 } });
  });

  it('refuses a week outside the year, or text, beside that field with the year’s range', () => {
    const r = readEnrolmentWeeks('0', '39', 38);
    expect(r.start).toEqual({ ok: false, error: 'errors.weekRange', params: { first: 1, last: 38 } });
    expect(r.end).toEqual({ ok: false, error: 'errors.weekRange', params: { first: 1, last: 38 } });
    expect(readEnrolmentWeeks('week 3', '10', 38).start.ok).toBe(false);
  });

  it('defaults to the line’s whole run', () => {
    expect(lineRun({ startWeek: 5, weeks: 12 })).toEqual({ start: 5, end: 16 });
    expect(lineRun({ startWeek: 5, weeks: 0 })).toEqual({ start: 5, end: 5 });
  });
});
