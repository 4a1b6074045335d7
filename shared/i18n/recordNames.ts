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
