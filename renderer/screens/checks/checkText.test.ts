import { describe, expect, it } from 'vitest';
import type { SchoolYear } from '../../../shared/domain';
import type { Check } from '../../../shared/engine';
import { createI18n } from '../../../shared/i18n';
import { namesOf } from '../../display';
import { checkMessage, checkTarget } from './checkText';

const year = {
  tiers: [],
  areas: [],
  staff: [{ id: 3, name: 'Siân Evans' }],
  lines: [
    { id: 7, name: 'Talk Boost', nameCy: '' },
    { id: 8, name: 'Nurture group', nameCy: 'Grŵp meithrin' },
  ],
  learners: [{ id: 11, name: 'Osian Pritchard', ref: 'CG1001' }],
  enrolments: [{ id: 40, lineId: 7, learnerId: 11 }],
  income: [{ id: 5, name: 'Old grant', nameCy: 'Hen grant' }],
} as unknown as SchoolYear;

const t = createI18n('en').t;
const date = (iso: string | null) => iso ?? '—';
const say = (c: Check) => checkMessage(c, namesOf(year), { t, date });

describe('checks in words', () => {
  it('names the learner and turns minutes into hours', () => {
    const text = say({
      code: 'alp_hours_short',
      subject: { kind: 'learner', id: 11 },
      params: { requiredMinutes: 150, enrolledMinutes: 90, shortByMinutes: 60, week: 12 },
    });
    expect(text).toBe('Osian Pritchard is enrolled on 1 h 30 min of ALP a week (week 12); their IDP specifies 2 h 30 min, 1 h short.');
  });

  it('names the line an enrolment is on, and opens the learner', () => {
    const check: Check = {
      code: 'enrolment_outside_line',
      subject: { kind: 'enrolment', id: 40 },
      params: { lineId: 7, learnerId: 11, startWeek: 1, endWeek: 20, lineStartWeek: 5, lineEndWeek: 16 },
    };
    expect(say(check)).toBe('Osian Pritchard’s enrolment on “Talk Boost” runs weeks 1–20, but the line runs weeks 5–16.');
    expect(checkTarget(check, namesOf(year), t)).toEqual({ kind: 'learner', id: 11, name: 'Osian Pritchard' });
  });

  it('names a line by its Welsh name to a Welsh reader, in the message and on the button that opens it', () => {
    const check: Check = { code: 'group_over_capacity', subject: { kind: 'line', id: 8 }, params: { places: 6, peakEnrolled: 7, week: 3, overBy: 1 } };
    const cy = createI18n('cy').t;
    expect(checkMessage(check, namesOf(year), { t: cy, date, lang: 'cy' })).toContain('Grŵp meithrin');
    expect(checkMessage(check, namesOf(year), { t: cy, date, lang: 'cy' })).not.toContain('Nurture group');
    expect(checkTarget(check, namesOf(year), cy, 'cy')).toEqual({ kind: 'line', id: 8, name: 'Grŵp meithrin' });
    expect(checkTarget(check, namesOf(year), t)).toEqual({ kind: 'line', id: 8, name: 'Nurture group' });
  });

  it('says who is over-allocated and by how much', () => {
    const text = say({
      code: 'staff_over_allocated',
      subject: { kind: 'staff', id: 3 },
      params: { contractedMinutes: 1950, peakMinutes: 2100, overByMinutes: 150, peakWeek: 4 },
    });
    expect(text).toBe('Siân Evans is allocated 35 h a week at the peak (week 4) against 32 h 30 min contracted: 2 h 30 min over.');
  });

  it('says when an ALN decision is due, who decides and how many school days are left, in English and in Welsh', () => {
    const check: Check = {
      code: 'aln_decision_due_soon',
      subject: { kind: 'learner', id: 11 },
      params: { referredOn: '2026-10-01', decider: 'school', dueDate: '2026-11-27', afterYear: 0, schoolDaysLeft: 1 },
    };
    expect(say(check)).toBe('Osian Pritchard was referred for an ALN decision on 2026-10-01; it is due on 2026-11-27 (the school decides within 35 school days): 1 school day left.');
    const cy = createI18n('cy').t;
    expect(checkMessage({ ...check, params: { ...check.params, schoolDaysLeft: 7 } }, namesOf(year), { t: cy, date })).toBe(
      'Cafodd Osian Pritchard ei atgyfeirio am benderfyniad ADY ar 2026-10-01; mae’n ddyledus ar 2026-11-27 (yr ysgol sy’n penderfynu o fewn 35 diwrnod ysgol): 7 o ddiwrnodau ysgol ar ôl.',
    );
  });

  it('names an income line for another financial year by its Welsh name to a Welsh reader, and opens the budget', () => {
    const check: Check = { code: 'income_outside_year', subject: { kind: 'income', id: 5 }, params: { financialYear: 2019, amountPence: 100_000, firstYear: 2026, secondYear: 2027 } };
    expect(say(check)).toBe(
      'The income line “Old grant” (£1,000.00) is for the financial year 2019-20, but this school year runs across 2026-27 and 2027-28: it is not counted in the income. Change its financial year to 2026-27 or 2027-28, or leave it empty for the whole school year.',
    );
    const cy = createI18n('cy').t;
    expect(checkMessage(check, namesOf(year), { t: cy, date, lang: 'cy' })).toContain('“Hen grant” (£1,000.00) ar gyfer blwyddyn ariannol 2019-20');
    expect(checkTarget(check, namesOf(year), cy, 'cy')).toEqual({ kind: 'income', id: 5, name: 'Hen grant' });
  });
});
