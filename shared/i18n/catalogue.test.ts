import { describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../engine';
import { checkKeys, createI18n } from './index';
import { cy } from './cy';
import { en } from './en';

/** Every leaf key as a dotted path, e.g. "map.col.cost". */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') throw new Error(`${prefix} is neither text nor a group`);
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the English and Welsh catalogues', () => {
  it('have exactly the same keys, besides the Welsh plural forms of counted keys', () => {
    const enKeys = leafKeys(en).sort();
    const cyKeys = leafKeys(cy).sort();
    // Welsh counts in six forms (zero, one, two, few, many, other), English in two: a Welsh key
    // "x_two" is allowed only where English has "x_one".
    const welshPluralOf = (k: string) => /^(.*)_(zero|two|few|many)$/.exec(k)?.[1];
    const extra = cyKeys.filter((k) => !enKeys.includes(k));
    expect(extra.filter((k) => !enKeys.includes(`${welshPluralOf(k) ?? k}_one`))).toEqual([]);
    expect(enKeys.filter((k) => !cyKeys.includes(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [name, cat] of [
      ['en', en],
      ['cy', cy],
    ] as const) {
      const empty = leafKeys(cat).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], cat) === '');
      expect(empty, `${name} has empty strings`).toEqual([]);
    }
  });

  it('use the same interpolation params in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const at = (cat: unknown, key: string) => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], cat) as string;
    const mismatched = leafKeys(en).filter((k) => params(at(en, k)).join() !== params(at(cy, k)).join());
    expect(mismatched).toEqual([]);
    // A Welsh plural form has the params of the English "_other"; zero may say "dim" instead of the count
    // ({{count}}, or {{roll}} the count written out) and leave out {{refs}}, the list of what is counted.
    const saidByZero: Array<string | undefined> = ['count', 'roll', 'refs'];
    const enKeys = leafKeys(en);
    const pluralMismatched = leafKeys(cy)
      .filter((k) => !enKeys.includes(k))
      .filter((k) => {
        const match = /^(.*)_(zero|two|few|many)$/.exec(k);
        const base = match?.[1] ?? k;
        const form = match?.[2];
        const expected = params(at(en, `${base}_other`)).filter((p) => form !== 'zero' || !saidByZero.includes(p));
        const actual = params(at(cy, k)).filter((p) => form !== 'zero' || !saidByZero.includes(p));
        return expected.join() !== actual.join();
      });
    expect(pluralMismatched).toEqual([]);
  });

  it('give every check code a title and a message', () => {
    const t = createI18n('en').t;
    for (const code of CHECK_CODES) {
      const keys = checkKeys(code);
      expect(t(keys.title)).not.toBe(keys.title);
      expect(t(keys.message, { name: 'Alys', count: 2 })).toContain('Alys');
    }
  });
});

describe('createI18n', () => {
  it('translates at once, with params and plurals', () => {
    const t = createI18n('en').t;
    expect(t('totals.underBudget', { amount: '£1,200.00' })).toBe('£1,200.00 under budget');
    expect(t('line.deleteEnrolments', { count: 1 })).toBe('1 enrolment will be removed with it.');
    expect(t('line.deleteEnrolments', { count: 3 })).toBe('3 enrolments will be removed with it.');
    expect(t('line.deleteEnrolments', { count: 0 })).toBe('Nobody is enrolled on it.');
    expect(t('map.undelivered', { count: 1 })).toBe('1 week not delivered');
    expect(t('map.undelivered', { count: 2 })).toBe('2 weeks not delivered');
    expect(t('enrolPicker.results', { count: 1 })).toBe('1 learner matches');
    expect(t('learners.deleteBody', { name: 'Alys', count: 0 })).toBe('Delete Alys? You can undo this afterwards.');
    expect(t('learners.deleteBody', { name: 'Alys', count: 1 })).toBe('Delete Alys and their 1 enrolment? You can undo this afterwards.');
    expect(t('authority.matching.summary', { count: 1 })).toBe('Correct the matching (1 intervention)');
    expect(t('map.showing', { shown: 1, count: 1 })).toBe('Showing 1 of 1 line');
    expect(t('line.capacity', { enrolled: 1, count: 1 })).toBe('1 of 1 place filled');
    expect(t('learner.decisionOverdue', { due: '1 Oct 2026', by: 'the school', count: 1 })).toBe('Overdue: it was due on 1 Oct 2026 (the school), 1 day ago.');
    expect(t('checks.message.group_over_capacity', { name: '1:1 reading', peakEnrolled: 2, week: 4, count: 1, overBy: 1 })).toBe(
      '“1:1 reading” has 2 learners enrolled in week 4 for 1 place: 1 over.',
    );
  });

  it('speaks Welsh for the statutory terms', () => {
    const i18n = createI18n('cy');
    expect(i18n.t('enums.alnStatus.idp_school')).toBe('CDU (ysgol)');
    expect(i18n.t('enums.staffRole.alnco')).toBe('CADY');
    i18n.changeLanguage('en');
    expect(i18n.t('enums.staffRole.alnco')).toBe('ALNCo');
  });
});
