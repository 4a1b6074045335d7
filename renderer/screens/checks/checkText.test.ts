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
  lines: [{ id: 7, name: 'Talk Boost' }],
  learners: [{ id: 11, name: 'Osian Pritchard', ref: 'CG1001' }],
  enrolments: [{ id: 40, lineId: 7, learnerId: 11 }],
} as unknown as SchoolYear;

const t = createI18n('en').t;
const hours = (m: number) => `${Math.floor(m / 60)} h ${m % 60} min`;
const date = (iso: string | null) => iso ?? '—';
const say = (c: Check) => checkMessage(c, namesOf(year), { t, hours, date });

describe('checks in words', () => {
  it('names the learner and turns minutes into hours', () => {
    const text = say({
      code: 'alp_hours_short',
      subject: { kind: 'learner', id: 11 },
      params: { requiredMinutes: 150, enrolledMinutes: 90, shortByMinutes: 60, week: 12 },
    });
    expect(text).toBe('Osian Pritchard is enrolled on 1 h 30 min of ALP a week (week 12); their IDP specifies 2 h 30 min, 1 h 0 min short.');
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

  it('says who is over-allocated and by how much', () => {
    const text = say({
      code: 'staff_over_allocated',
      subject: { kind: 'staff', id: 3 },
      params: { contractedMinutes: 1950, peakMinutes: 2100, overByMinutes: 150, peakWeek: 4 },
    });
    expect(text).toBe('Siân Evans is allocated 35 h 0 min a week at the peak (week 4) against 32 h 30 min contracted: 2 h 30 min over.');
  });
});
