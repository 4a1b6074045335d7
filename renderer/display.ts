/**
 * How figures read on screen: pounds (via shared/money.ts formatPounds, never our own), hours, year groups,
 * dates and teaching weeks, in the chosen language. Screens format; they never compute money.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPounds } from '../shared/money';
import { hoursText } from '../shared/i18n/hoursText';
import type { Pence, SchoolYear } from '../shared/domain';
import { useMapio } from './state/store';
import { recordName } from '../shared/i18n/recordNames';
import { formatIsoDate } from '../shared/i18n/dates';

export function localeOf(lang: string): string {
  return lang === 'cy' ? 'cy-GB' : 'en-GB';
}

export function useDisplay() {
  const { t } = useTranslation();
  const lang = useMapio((s) => s.lang);
  const locale = localeOf(lang);

  const pounds = useCallback((p: Pence | null | undefined) => (p === null || p === undefined ? t('common.dash') : formatPounds(p, locale)), [locale, t]);

  const hours = useCallback((minutes: number) => hoursText(minutes, t), [t]);

  const yearGroup = useCallback((n: number) => (n === -1 ? t('enums.yearGroup.nursery') : n === 0 ? t('enums.yearGroup.reception') : t('enums.yearGroup.year', { n })), [t]);

  const date = useCallback((iso: string | null) => (iso ? formatIsoDate(iso, lang === 'cy' ? 'cy' : 'en') : t('common.dash')), [lang, t]);

  /** A tier's or area's name in the reader's language (shared/i18n/recordNames.ts). */
  const nameOf = useCallback((record: { name: string; nameCy: string } | undefined, fallback = '') => (record ? recordName(record, lang === 'cy' ? 'cy' : 'en') : fallback), [lang]);

  /** A breakdown key as words: a tier or area name, or one of the engine's own groups. */
  const groupLabel = useCallback(
    (key: string, named: Map<string, { name: string; nameCy: string }>) => {
      const record = named.get(key);
      if (record) return nameOf(record);
      return key === 'other_costs' || key === 'unspecified' ? t(`budget.groupKey.${key}`) : key;
    },
    [t, nameOf],
  );

  return { t, lang, locale, pounds, hours, yearGroup, date, groupLabel, nameOf };
}

/** Names looked up from a year's data, for labels and check messages. */
export function namesOf(data: SchoolYear) {
  const tiers = new Map(data.tiers.map((x) => [x.id, x]));
  const areas = new Map(data.areas.map((x) => [x.id, x]));
  const staff = new Map(data.staff.map((x) => [x.id, x]));
  const lines = new Map(data.lines.map((x) => [x.id, x]));
  const learners = new Map(data.learners.map((x) => [x.id, x]));
  const enrolments = new Map(data.enrolments.map((x) => [x.id, x]));
  return { tiers, areas, staff, lines, learners, enrolments };
}

/** A learner's display name: their name, or their reference when the name is blank. */
export function learnerName(l: { name: string; ref: string }): string {
  return l.name.trim() || l.ref;
}

/** When a learner's IDP review is due: the date recorded, else 12 months after the last review (null without an IDP). */
export function idpReviewDueOf(l: { alnStatus: string; idpReviewDue: string | null; idpLastReviewed: string | null }): string | null {
  if (l.alnStatus !== 'idp_school' && l.alnStatus !== 'idp_la') return null;
  if (l.idpReviewDue) return l.idpReviewDue;
  if (!l.idpLastReviewed) return null;
  const [y, m, d] = l.idpLastReviewed.split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}
