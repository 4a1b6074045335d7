/**
 * A check's message in words: the engine's params turned into what a reader reads (hours, dates, line names,
 * who decides, school days), from the one catalogue, for the screens and every export alike.
 * The subject's name is the caller's (a screen names the learner; an export may show only a reference).
 */
import type { TFunction } from 'i18next';
import type { Check } from '../engine';
import { checkKeys } from './translator';
import { hoursText } from './hoursText';

export interface CheckWordsFormat {
  t: TFunction;
  /** A date as the reader reads it. */
  date: (iso: string) => string;
  /** A line's name from its id. */
  lineName: (id: number) => string;
}

export function checkMessageText(check: Check, subjectName: string, f: CheckWordsFormat): string {
  const { t } = f;
  const p = check.params;
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : Number(p[k] ?? 0));
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  const params: Record<string, string | number> = { ...p, name: subjectName };
  switch (check.code) {
    case 'alp_without_idp':
    case 'enrolment_outside_line':
    case 'alp_undelivered':
    case 'welsh_alp_in_english':
      params.lineName = f.lineName(num('lineId'));
      break;
    case 'alp_hours_short':
      params.enrolled = hoursText(num('enrolledMinutes'), t);
      params.required = hoursText(num('requiredMinutes'), t);
      params.shortBy = hoursText(num('shortByMinutes'), t);
      break;
    case 'staff_over_allocated':
      params.peak = hoursText(num('peakMinutes'), t);
      params.contracted = hoursText(num('contractedMinutes'), t);
      params.overBy = hoursText(num('overByMinutes'), t);
      break;
    case 'idp_review_overdue':
      params.due = str('dueDate') ? f.date(str('dueDate')) : t('common.dash');
      break;
    case 'aln_decision_overdue':
    case 'aln_decision_due_soon':
      params.decider = t(`checks.decidedBy.${str('decider') === 'la' ? 'la' : 'school'}`);
      params.referred = f.date(str('referredOn'));
      params.due = str('dueDate') ? f.date(str('dueDate')) : t('checks.dueAfterYear', { count: num('afterYear') });
      params.schoolDays = t('checks.schoolDays', { count: num('schoolDaysLeft') });
      break;
    default:
      break;
  }
  return t(checkKeys(check.code).message, params);
}
