/**
 * A check's message in words: the engine's params turned into what a reader reads (hours, dates, line names,
 * who decides, school days), from the one catalogue, for the screens and every export alike.
 * The subject's name is the caller's (a screen names the learner; an export may show only a reference).
 */
import type { TFunction } from 'i18next';
import type { Check, CheckCode, CheckSubject } from '../engine';
import { checkKeys, type Lang } from './translator';
import { hoursText } from './hoursText';
import { formatPounds } from '../money';
import { academicYearLabel } from '../welshTermDates';
import { learnerName, recordName } from './recordNames';

export interface CheckWordsFormat {
  t: TFunction;
  /** A date as the reader reads it. */
  date: (iso: string) => string;
  /** A line's name from its id. */
  lineName: (id: number) => string;
}

/** The records a check can be about, by id. */
export interface CheckSubjects {
  learners: ReadonlyMap<number, { name: string; ref: string }>;
  lines: ReadonlyMap<number, { name: string; nameCy: string }>;
  staff: ReadonlyMap<number, { name: string }>;
  enrolments: ReadonlyMap<number, { learnerId: number }>;
  income: ReadonlyMap<number, { name: string; nameCy: string }>;
}

/** Whom or what a check is about, in the reader's words: an enrolment by its learner, a line by its Welsh name to a Welsh reader when it has one. */
export function checkSubjectName(subject: CheckSubject, records: CheckSubjects, t: TFunction, lang: Lang): string {
  const unknown = t('common.unknownName');
  const learner = (id: number | undefined) => {
    const l = id === undefined ? undefined : records.learners.get(id);
    return l ? learnerName(l) : unknown;
  };
  switch (subject.kind) {
    case 'learner':
      return learner(subject.id);
    case 'enrolment':
      return learner(records.enrolments.get(subject.id)?.learnerId);
    case 'line': {
      const line = records.lines.get(subject.id);
      return line ? recordName(line, lang) : unknown;
    }
    case 'staff':
      return records.staff.get(subject.id)?.name ?? unknown;
    case 'income': {
      const income = records.income.get(subject.id);
      return income ? recordName(income, lang) : unknown;
    }
  }
}

/**
 * The engine's param each message counts, where a number comes before a noun in it ("3 days ago", "for 1
 * place"): it is the message's `count`, so the catalogue's plural forms choose the noun (docs/welsh.md).
 */
const COUNTED_PARAM: Partial<Record<CheckCode, string>> = {
  aln_decision_overdue: 'daysOverdue',
  idp_review_overdue: 'daysOverdue',
  alp_undelivered: 'weeks',
  group_over_capacity: 'places',
};

export function checkMessageText(check: Check, subjectName: string, f: CheckWordsFormat): string {
  const { t } = f;
  const p = check.params;
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : Number(p[k] ?? 0));
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  const params: Record<string, string | number> = { ...p, name: subjectName };
  const counted = COUNTED_PARAM[check.code];
  if (counted !== undefined) params.count = num(counted);
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
    case 'staff_without_cost':
      params.peak = hoursText(num('peakMinutes'), t);
      break;
    case 'staff_over_allocated':
      params.peak = hoursText(num('peakMinutes'), t);
      params.contracted = hoursText(num('contractedMinutes'), t);
      params.overBy = hoursText(num('overByMinutes'), t);
      break;
    case 'income_outside_year':
      // Financial years as the income form takes them ("2019-20"), the amount in pounds.
      params.year = academicYearLabel(num('financialYear'));
      params.first = academicYearLabel(num('firstYear'));
      params.second = academicYearLabel(num('secondYear'));
      params.amount = formatPounds(num('amountPence'));
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
