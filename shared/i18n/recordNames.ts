/**
 * The names of a school's tiers and areas of need are the school's own words, in English and in Welsh
 * (the defaults Mapio writes into a new file have both). A Welsh reader sees the Welsh name where one is
 * given and the English name as typed where none is; an English reader always sees the English name.
 */
import type { Lang } from './index';
import { inLanguage } from './schoolWords';

export function recordName(record: { name: string; nameCy: string }, lang: Lang): string {
  return inLanguage(record.name, record.nameCy, lang);
}

/** A learner as a person reads them: their name, or their reference when the name is blank. */
export function learnerName(l: { name: string; ref: string }): string {
  return l.name.trim() || l.ref;
}
