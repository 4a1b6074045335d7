import { describe, expect, it } from 'vitest';
import type { Check } from '../engine';
import { checkMessageText, type CheckWordsFormat } from './checkWords';
import { createI18n } from './index';

/** The four checks whose message counts something, with the engine's params at `n` (shared/engine/checks.ts). */
function countedChecks(n: number): Check[] {
  const learner = { kind: 'learner', id: 1 } as const;
  return [
    { code: 'idp_review_overdue', subject: learner, params: { dueDate: '2026-10-01', daysOverdue: n } },
    { code: 'alp_undelivered', subject: { kind: 'enrolment', id: 1 }, params: { lineId: 7, weeks: n, asAtWeek: 10 } },
    { code: 'group_over_capacity', subject: { kind: 'line', id: 7 }, params: { places: n, peakEnrolled: n + 1, week: 4, overBy: 1 } },
    {
      code: 'aln_decision_overdue',
      subject: learner,
      params: { referredOn: '2026-09-01', dueDate: '2026-10-01', decider: 'school', daysOverdue: n, afterYear: 0, schoolDaysLeft: 0 },
    },
  ];
}

function words(lang: 'en' | 'cy', check: Check): string {
  const { t } = createI18n(lang);
  const format: CheckWordsFormat = { t, date: (iso) => iso, lineName: () => 'Reading club' };
  return checkMessageText(check, 'Alys', format);
}

describe('a check that counts days, weeks or places', () => {
  it('says one in the singular and more in the plural', () => {
    expect(countedChecks(1).map((c) => words('en', c))).toEqual([
      'Alys’s IDP review was due on 2026-10-01, 1 day ago.',
      'Alys’s ALP on “Reading club” was not delivered in 1 recorded week so far (to week 10).',
      '“Alys” has 2 learners enrolled in week 4 for 1 place: 1 over.',
      'Alys was referred for an ALN decision on 2026-09-01; the decision was due on 2026-10-01 (the school decides within 35 school days), 1 day ago. Record the decision, or the IDP, on their page.',
    ]);
    expect(countedChecks(3).map((c) => words('en', c))).toEqual([
      'Alys’s IDP review was due on 2026-10-01, 3 days ago.',
      'Alys’s ALP on “Reading club” was not delivered in 3 recorded weeks so far (to week 10).',
      '“Alys” has 4 learners enrolled in week 4 for 3 places: 1 over.',
      'Alys was referred for an ALN decision on 2026-09-01; the decision was due on 2026-10-01 (the school decides within 35 school days), 3 days ago. Record the decision, or the IDP, on their page.',
    ]);
  });

  it('says the count in Welsh where no noun follows it to mutate', () => {
    expect(countedChecks(2).map((c) => words('cy', c))).toEqual([
      'Roedd adolygiad CDU Alys i fod ar 2026-10-01; diwrnodau ers hynny: 2.',
      'Ni ddarparwyd DDY Alys ar “Reading club” mewn 2 wythnos a gofnodwyd hyd yma (hyd at wythnos 10).',
      'Dysgwyr wedi’u cofrestru ar “Alys” yn wythnos 4: 3, a lle i 2: 1 yn ormod.',
      'Cafodd Alys ei atgyfeirio am benderfyniad ADY ar 2026-09-01; roedd y penderfyniad yn ddyledus ar 2026-10-01 (yr ysgol sy’n penderfynu o fewn 35 diwrnod ysgol); diwrnodau ers hynny: 2. Cofnodwch y penderfyniad, neu’r CDU, ar dudalen y dysgwr.',
    ]);
  });
});

describe('a person delivering provision at no cost', () => {
  it('says how much time is costed at £0.00 and where to enter the hourly cost, in both languages', () => {
    const check: Check = { code: 'staff_without_cost', subject: { kind: 'staff', id: 1 }, params: { peakMinutes: 90 } };
    expect(words('en', check)).toBe(
      'Alys delivers 1 h 30 min a week at the peak, but that time is costed at £0.00, so the lines they deliver are undercounted. Enter their hourly cost on the Staff screen; leave it at nothing only for an unpaid volunteer.',
    );
    expect(words('cy', check)).toMatch(/^Mae Alys yn darparu 1 awr 30 mun yr wythnos ar yr anterth, ond £0\.00 yw cost yr amser hwnnw/);
  });
});
