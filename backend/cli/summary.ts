/**
 * The plain-text summary `mapio summary` prints: what a headteacher would want on one screen, in English
 * or Welsh (`--lang cy`), every word from the i18n catalogue (shared/i18n, section `cli`).
 */
import type { YearView } from '../../shared/api/contract';
import { formatPounds } from '../../shared/money';
import { createI18n, type Lang } from '../../shared/i18n';
import { recordName } from '../../shared/i18n/recordNames';
import { authorityName } from '../../shared/localAuthorities';
import { checkSubjectName } from '../../shared/i18n/checkWords';
import type { CheckSubject } from '../../shared/engine';

const pad = (label: string, value: string, width = 54) => `${label.padEnd(width, ' ')}${value.padStart(14, ' ')}`;

export function summaryLines(view: YearView, lang: Lang = 'en'): string[] {
  const { t } = createI18n(lang);
  const locale = lang === 'cy' ? 'cy-GB' : 'en-GB';
  const { data, costed } = view;
  const { totals, budget, workload } = costed;
  const label = (record: { name: string; nameCy: string }) => recordName(record, lang);
  const tierName = new Map(data.tiers.map((x) => [x.id, label(x)]));
  const areaName = new Map(data.areas.map((x) => [x.id, label(x)]));
  const pounds = (p: number) => formatPounds(p, locale);
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const hours = (m: number) => t('cli.hours', { h: oneDecimal.format(m / 60) });
  const byId = <T extends { id: number }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x] as const));
  // The summary names no learner (docs/guarantees.md): a learner is "Learner 15", never a name or reference.
  const subjects = { learners: new Map<number, { name: string; ref: string }>(), lines: byId(data.lines), staff: byId(data.staff), enrolments: byId(data.enrolments), income: byId(data.income) };
  const learnerNumbered = (id: number) => `${t('checks.subject.learner')} ${id}`;
  /** Whom or what a warning is about: a line or a member of staff by name, a learner by number only. */
  const about = (subject: CheckSubject): string => {
    if (subject.kind === 'learner') return learnerNumbered(subject.id);
    if (subject.kind === 'enrolment') return learnerNumbered(subjects.enrolments.get(subject.id)?.learnerId ?? subject.id);
    return checkSubjectName(subject, subjects, t, lang);
  };
  const lines = [
    t('cli.heading', { school: label(data.school), year: data.school.academicYear, authority: authorityName(data.school, lang) || t('cli.noAuthority') }),
    t('cli.counts', { lines: data.lines.length, learners: data.learners.length, staff: data.staff.length, week: costed.asAtWeek }),
    '',
    pad(t('cli.income'), pounds(budget.incomePence)),
    pad(t('cli.charged'), pounds(budget.chargedPence)),
    pad(t('cli.position'), pounds(budget.positionPence)),
    pad(t('cli.allCosts'), pounds(totals.costPence)),
    pad(t('cli.costToDate'), pounds(totals.costToDatePence)),
    pad(t('cli.unallocated'), pounds(totals.unallocatedPence)),
    '',
    t('cli.byTier'),
    ...totals.byTier.map((b) => pad(`  ${tierName.get(b.key) ?? (b.key === 'other_costs' ? t('cli.otherCosts') : b.key)}`, pounds(b.costPence))),
    t('cli.byArea'),
    ...totals.byArea.map((b) => pad(`  ${areaName.get(b.key) ?? (b.key === 'other_costs' ? t('cli.otherCosts') : b.key === 'unspecified' ? t('cli.noArea') : b.key)}`, pounds(b.costPence))),
    t('cli.byFinancialYear'),
    ...budget.financialYears.map((fy) =>
      pad(`  ${t('cli.financialYear', { start: fy.year, end: fy.year + 1 })}`, t('cli.chargedOfIncome', { charged: pounds(fy.chargedPence), income: pounds(fy.incomePence) }), 40),
    ),
    '',
    pad(t('cli.workloadNeeded'), hours(workload.minutesNeeded)),
    pad(t('cli.workloadRelease'), hours(workload.releaseMinutes)),
    '',
    costed.checks.length === 0 ? t('cli.noWarnings') : t('cli.warnings', { count: costed.checks.length }),
    ...costed.checks.map((c) => `  - ${t('cli.warning', { title: t(`checks.code.${c.code}`), name: about(c.subject) })}`),
  ];
  return lines;
}
