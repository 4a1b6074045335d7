/**
 * How figures read on screen: pounds (via shared/money.ts formatPounds, never our own), hours, year groups,
 * dates and teaching weeks, in the chosen language. Screens format; they never compute money.
 */
import { useCallback } from 'react';
import { useTranslator } from './i18n/useTranslator';
import { formatPounds } from '../shared/money';
import { hoursText } from '../shared/i18n/hoursText';
import type { Pence, SchoolYear } from '../shared/domain';
import { useMapio } from './state/store';
import { recordName } from '../shared/i18n/recordNames';
import { formatIsoDate } from '../shared/i18n/dates';
import { inLanguage } from '../shared/i18n/schoolWords';

export function localeOf(lang: string): string {
  return lang === 'cy' ? 'cy-GB' : 'en-GB';
}

export function useDisplay() {
  const { t } = useTranslator();
  const lang = useMapio((s) => s.lang);
  const locale = localeOf(lang);

  const pounds = useCallback((p: Pence | null | undefined) => (p === null || p === undefined ? t('common.dash') : formatPounds(p, locale)), [locale, t]);

  const hours = useCallback((minutes: number) => hoursText(minutes, t), [t]);

  /** A count of people or schools with its thousands grouped, as every document writes a roll: "1,500". */
  const count = useCallback((n: number) => countFormat(locale).format(n), [locale]);

  const yearGroup = useCallback((n: number) => (n === -1 ? t('enums.yearGroup.nursery') : n === 0 ? t('enums.yearGroup.reception') : t('enums.yearGroup.year', { n })), [t]);

  const date = useCallback((iso: string | null) => (iso ? shortDate(iso, lang === 'cy' ? 'cy' : 'en') : t('common.dash')), [lang, t]);

  /** A tier's or area's name in the reader's language (shared/i18n/recordNames.ts). */
  const nameOf = useCallback((record: { name: string; nameCy: string } | undefined, fallback = '') => (record ? recordName(record, lang === 'cy' ? 'cy' : 'en') : fallback), [lang]);

  /** A text the school typed in both languages (an income's source, a line's funding note) in the reader's language (shared/i18n/schoolWords.ts). */
  const typedText = useCallback((english: string, welsh: string) => inLanguage(english, welsh, lang === 'cy' ? 'cy' : 'en'), [lang]);

  /** A breakdown key as words: a tier or area name, or one of the engine's own groups. */
  const groupLabel = useCallback(
    (key: string, named: Map<string, { name: string; nameCy: string }>) => {
      const record = named.get(key);
      if (record) return nameOf(record);
      return key === 'other_costs' || key === 'unspecified' ? t(`budget.groupKey.${key}`) : key;
    },
    [t, nameOf],
  );

  return { t, lang, locale, pounds, hours, count, yearGroup, date, groupLabel, nameOf, typedText };
}

/**
 * One count formatter per language, built when a count is first shown rather than by every component that
 * reads the display: the first Intl number format a page builds costs it 17–60 ms, and the map's first
 * rows show no count (docs/performance.md, "Round 12: the first paint's one-off costs").
 */
const countFormats = new Map<string, Intl.NumberFormat>();
function countFormat(locale: string): Intl.NumberFormat {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    countFormats.set(locale, format);
  }
  return format;
}

/**
 * Dates as the screens show them, each formatted once: formatting builds an Intl formatter, which on a
 * slow laptop is a visible part of an edit's render (a line's start week is shown on every edit). The
 * dates are a year's calendar and records', so the cache stays small.
 */
const shortDates = new Map<string, string>();
function shortDate(iso: string, lang: 'en' | 'cy'): string {
  const key = `${lang} ${iso}`;
  let text = shortDates.get(key);
  if (text === undefined) {
    text = formatIsoDate(iso, lang);
    shortDates.set(key, text);
  }
  return text;
}

/**
 * Each list's records by id, built once per list: an edit's view keeps the lists it did not change
 * (shared/api/yearPatch.ts), so after an edit to a line only the lines are looked up afresh, not a large
 * school's learners and enrolments. Nothing changes a list or a map once made.
 */
const byIdOfList = new WeakMap<readonly unknown[], Map<unknown, unknown>>();
function byId<T extends { id: unknown }>(list: readonly T[]): Map<T['id'], T> {
  let found = byIdOfList.get(list) as Map<T['id'], T> | undefined;
  if (!found) {
    found = new Map(list.map((x) => [x.id, x]));
    byIdOfList.set(list, found);
  }
  return found;
}

/** Names looked up from a year's data, for labels and check messages. */
export function namesOf(data: SchoolYear) {
  return {
    tiers: byId(data.tiers),
    areas: byId(data.areas),
    staff: byId(data.staff),
    lines: byId(data.lines),
    learners: byId(data.learners),
    enrolments: byId(data.enrolments),
    income: byId(data.income),
  };
}

export { learnerName } from '../shared/i18n/recordNames';

/** When a learner's IDP review is due: the date recorded, else 12 months after the last review (null without an IDP). */
export function idpReviewDueOf(l: { alnStatus: string; idpReviewDue: string | null; idpLastReviewed: string | null }): string | null {
  if (l.alnStatus !== 'idp_school' && l.alnStatus !== 'idp_la') return null;
  if (l.idpReviewDue) return l.idpReviewDue;
  if (!l.idpLastReviewed) return null;
  const [y, m, d] = l.idpLastReviewed.split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}
