/**
 * A check in words: its title and message from the catalogue, with the subject's name and the engine's
 * params turned into names, hours and dates a person reads.
 */
import type { TFunction } from 'i18next';
import type { Check } from '../../../shared/engine';
import { checkKeys, type Lang } from '../../../shared/i18n/translator';
import { recordName } from '../../../shared/i18n/recordNames';
import { checkMessageText, checkSubjectName } from '../../../shared/i18n/checkWords';
import { namesOf } from '../../display';

type Names = ReturnType<typeof namesOf>;

export interface CheckFormat {
  t: TFunction;
  date: (iso: string | null) => string;
  /** The reader's language, for the school's own names (a line's Welsh name in Cymraeg); English when absent. */
  lang?: Lang;
}

/** The record a check is about, as something the screen can open. */
export type CheckTarget = { kind: 'learner' | 'line' | 'staff' | 'income'; id: number; name: string };

/** Where a check's button takes the ALNCo: an enrolment opens its learner. */
export function checkTarget(check: Check, names: Names, t: TFunction, lang: Lang = 'en'): CheckTarget | null {
  const s = check.subject;
  if (s.kind === 'enrolment') {
    const e = names.enrolments.get(s.id);
    if (!e) return null;
    return { kind: 'learner', id: e.learnerId, name: checkSubjectName(s, names, t, lang) };
  }
  return { kind: s.kind, id: s.id, name: checkSubjectName(s, names, t, lang) };
}

export function checkMessage(check: Check, names: Names, f: CheckFormat): string {
  return checkMessageText(check, checkSubjectName(check.subject, names, f.t, f.lang ?? 'en'), {
    t: f.t,
    date: (iso) => f.date(iso),
    lineName: (id) => {
      const line = names.lines.get(id);
      return line ? recordName(line, f.lang ?? 'en') : f.t('common.unknownName');
    },
  });
}

export function checkTitle(check: Check, t: TFunction): string {
  return t(checkKeys(check.code).title);
}
