import { describe, expect, it } from 'vitest';
import { cy } from './cy';
import { en } from './en';
import { createI18n } from './index';
import { createI18nFrom } from './translator';
import { hoursText } from './hoursText';

/** Every leaf key as a dotted path, counted keys ("x_one", "x_other", …) as the one key i18next is called with. */
function calledKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => calledKeys(v, prefix ? `${prefix}.${k}` : k));
}

// The renderer gives a Welsh reader only the Welsh catalogue (renderer/i18n/catalogues.ts): English is
// never needed as the fallback, for any key or any count (Welsh has six plural forms, English two).
describe('a translator given one catalogue', () => {
  const keys = [...new Set(calledKeys(en))];
  const counts = [0, 1, 2, 3, 4, 6, 7, 11, 20, 100];

  it('words every key in Welsh as the one given both catalogues does', () => {
    const welshOnly = createI18nFrom('cy', { cy });
    const both = createI18n('cy');
    const differ = keys.flatMap((key) => counts.map((count) => ({ key, count })).filter(({ key, count }) => welshOnly.t(key, { count }) !== both.t(key, { count })));
    expect(differ).toEqual([]);
    expect(welshOnly.t('app.loading')).toBe('Llwytho…');
  });

  it('words every key in English as the one given both catalogues does', () => {
    const englishOnly = createI18nFrom('en', { en });
    const both = createI18n('en');
    const differ = keys.flatMap((key) => counts.map((count) => ({ key, count })).filter(({ key, count }) => englishOnly.t(key, { count }) !== both.t(key, { count })));
    expect(differ).toEqual([]);
  });

  it('speaks a language given later, once added', () => {
    const i18n = createI18nFrom('en', { en });
    i18n.addResourceBundle('cy', 'translation', cy);
    void i18n.changeLanguage('cy');
    expect(i18n.t('app.loading')).toBe('Llwytho…');
    void i18n.changeLanguage('en');
    expect(i18n.t('app.loading')).toBe('Loading…');
  });
});

describe('the header’s open checks', () => {
  it('say there are none in words, in English as in Welsh, not "0 checks"', () => {
    const english = createI18n('en').t;
    expect([0, 1, 2].map((count) => english('totals.checksCount', { count }))).toEqual(['No checks', '1 check', '2 checks']);
    expect(createI18n('cy').t('totals.checksCount', { count: 0 })).toBe('dim gwiriadau');
  });
});

describe('hours as people read them', () => {
  it('group thousands as every other count does, in English and in Welsh', () => {
    expect(hoursText(15_000 * 60, createI18n('en').t)).toBe('15,000 h');
    expect(hoursText(-15_000 * 60 - 30, createI18n('en').t)).toBe('-15,000 h 30 min');
    expect(hoursText(1_234 * 60, createI18n('cy').t)).toMatch(/^1,234 /);
  });
});
