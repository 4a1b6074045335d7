import { describe, expect, it } from 'vitest';
import type { Term } from './domain';
import { termFieldProblem } from './schoolTerms';
import { defaultWelshCalendar } from './welshTermDates';

const terms = defaultWelshCalendar(2026).terms;
const withDate = (i: number, field: keyof Term, date: string): Term[] => terms.map((t, j) => (j === i ? { ...t, [field]: date } : t));

describe('what is said beside the term date just typed', () => {
  it('a first day in another year names the school year, beside the first day', () => {
    expect(termFieldProblem(withDate(0, 'startsOn', '2030-09-07'), 0, 'startsOn', 2026)).toEqual({
      term: 0,
      field: 'startsOn',
      code: 'termInYear',
      params: { first: '1/8/2026', last: '31/7/2027' },
    });
  });

  it('a first day after the term’s last day names the last day, beside the first day', () => {
    const after = withDate(0, 'startsOn', '2027-01-05');
    expect(termFieldProblem(after, 0, 'startsOn', 2026)).toMatchObject({ field: 'startsOn', code: 'termStartAfterEnd', params: { date: `${Number(terms[0]!.endsOn.slice(8))}/12/2026` } });
  });

  it('a last day past the next term’s first day names that day, beside the last day', () => {
    expect(termFieldProblem(withDate(0, 'endsOn', '2027-01-20'), 0, 'endsOn', 2026)).toMatchObject({ field: 'endsOn', code: 'termEndBeforeNext' });
  });

  it('a date in early August is in the year, and right terms have no problem', () => {
    expect(termFieldProblem(withDate(0, 'startsOn', '2026-08-03'), 0, 'startsOn', 2026)).toBeNull();
    expect(termFieldProblem(terms, 1, 'endsOn', 2026)).toBeNull();
  });
});
