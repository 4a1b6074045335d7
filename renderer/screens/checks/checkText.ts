/**
 * A check in words: its title and message from the catalogue, with the subject's name and the engine's
 * params turned into names, hours and dates a person reads.
 */
import type { TFunction } from 'i18next';
import type { Check, CheckSubject } from '../../../shared/engine';
import { checkKeys } from '../../../shared/i18n';
import { learnerName, namesOf } from '../../display';

type Names = ReturnType<typeof namesOf>;

export interface CheckFormat {
  t: TFunction;
  hours: (minutes: number) => string;
  date: (iso: string | null) => string;
}

/** The record a check is about, as something the screen can open. */
export type CheckTarget = { kind: 'learner' | 'line' | 'staff'; id: number; name: string };

export function subjectName(subject: CheckSubject, names: Names, t: TFunction): string {
  const unknown = t('common.unknownName');
  switch (subject.kind) {
    case 'learner': {
      const l = names.learners.get(subject.id);
      return l ? learnerName(l) : unknown;
    }
    case 'line':
      return names.lines.get(subject.id)?.name ?? unknown;
    case 'staff':
      return names.staff.get(subject.id)?.name ?? unknown;
    case 'enrolment': {
      const e = names.enrolments.get(subject.id);
      const l = e ? names.learners.get(e.learnerId) : undefined;
      return l ? learnerName(l) : unknown;
    }
  }
}

/** Where a check's button takes the ALNCo: an enrolment opens its learner. */
export function checkTarget(check: Check, names: Names, t: TFunction): CheckTarget | null {
  const s = check.subject;
  if (s.kind === 'enrolment') {
    const e = names.enrolments.get(s.id);
    if (!e) return null;
    return { kind: 'learner', id: e.learnerId, name: subjectName(s, names, t) };
  }
  return { kind: s.kind, id: s.id, name: subjectName(s, names, t) };
}

export function checkMessage(check: Check, names: Names, f: CheckFormat): string {
  const p = check.params;
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : Number(p[k] ?? 0));
  const lineName = (k: string) => names.lines.get(num(k))?.name ?? f.t('common.unknownName');
  const params: Record<string, string | number> = { ...p, name: subjectName(check.subject, names, f.t) };
  switch (check.code) {
    case 'alp_without_idp':
    case 'enrolment_outside_line':
    case 'alp_undelivered':
    case 'welsh_alp_in_english':
      params.lineName = lineName('lineId');
      break;
    case 'alp_hours_short':
      params.enrolled = f.hours(num('enrolledMinutes'));
      params.required = f.hours(num('requiredMinutes'));
      params.shortBy = f.hours(num('shortByMinutes'));
      break;
    case 'staff_over_allocated':
      params.peak = f.hours(num('peakMinutes'));
      params.contracted = f.hours(num('contractedMinutes'));
      params.overBy = f.hours(num('overByMinutes'));
      break;
    case 'idp_review_overdue':
      params.due = f.date(typeof p.dueDate === 'string' ? p.dueDate : null);
      break;
    default:
      break;
  }
  return f.t(checkKeys(check.code).message, params);
}

export function checkTitle(check: Check, t: TFunction): string {
  return t(checkKeys(check.code).title);
}
