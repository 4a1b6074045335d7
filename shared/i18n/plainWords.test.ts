import { describe, expect, it, vi } from 'vitest';
import { cy } from './cy';
import { en } from './en';
import { withPlainWords } from './plainWords';
import { createI18nFrom, type Lang, type TFunction } from './translator';

/** Every key of a catalogue that holds words, dotted. */
function keysOf(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : []));
}

/** A value for each placeholder: typed text with characters a replacement could mistake, numbers, a placeholder typed by a school. */
const VALUES: readonly unknown[] = ['Ysgol "Y Bont" $& $1 <b>', 1234.5, 0, 'Darllen {{name}} – Cymraeg', -7];

const cases: readonly [Lang, object][] = [
  ['en', en],
  ['cy', cy],
];

describe.each(cases)('plain words in %s say exactly what i18next says', (lang, catalogue) => {
  const i18n = createI18nFrom(lang, { en, cy });
  const t = i18n.t.bind(i18n) as TFunction;
  const quick = withPlainWords(t, catalogue, lang) as unknown as (key: string, options?: object) => string;
  const slow = t as unknown as (key: string, options?: object) => string;
  const keys = keysOf(catalogue);

  it('for every key, asked bare and asked with every placeholder given, in four kinds of value', () => {
    expect(keys.length).toBeGreaterThan(1000);
    let filled = 0;
    for (const key of keys) {
      expect(quick(key), key).toBe(slow(key));
      const names = [...(lookUp(catalogue, key).matchAll(/\{\{\s*-?\s*(\w+)[^}]*\}\}/g) ?? [])].map((m) => m[1]!);
      for (let round = 0; round < 4; round++) {
        const options = Object.fromEntries(names.map((name, i) => [name, VALUES[(round + i) % VALUES.length]]));
        expect(quick(key, options), `${key} ${JSON.stringify(options)}`).toBe(slow(key, options));
        if (names.length > 0) filled++;
      }
      // A value left out, and an extra value no placeholder asks for.
      if (names.length > 0) expect(quick(key, { unrelated: 'x' }), key).toBe(slow(key, { unrelated: 'x' }));
    }
    expect(filled).toBeGreaterThan(100);
  });

  it('counts as i18next does: every plural key, every count from 0 to 120 and a fraction, in this language', () => {
    const plurals = [...new Set(keys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];
    expect(plurals.length).toBeGreaterThan(20);
    for (const key of plurals) {
      const names = [...keys.filter((k) => k.startsWith(`${key}_`)).flatMap((k) => [...lookUp(catalogue, k).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
      for (const count of [...Array.from({ length: 121 }, (_, i) => i), 1.5, 1000000]) {
        const options = { ...Object.fromEntries(names.map((name) => [name, 'Ms Jones'])), count };
        expect(quick(key, options), `${key} ${count}`).toBe(slow(key, options));
      }
    }
    // A count given to a key with no plural forms, and a count that is not a number.
    expect(quick(keys[0]!, { count: 3 })).toBe(slow(keys[0]!, { count: 3 }));
    expect(quick(plurals[0]!, { count: '3' })).toBe(slow(plurals[0]!, { count: '3' }));
  });

  it('leaves contexts, i18next options and keys it has no words for to i18next', () => {
    expect(quick('no.such.key')).toBe(slow('no.such.key'));
    expect(quick('no.such.key', { defaultValue: 'Fallback' })).toBe('Fallback');
    expect(quick(keys[0]!, { lng: lang === 'en' ? 'cy' : 'en' })).toBe(slow(keys[0]!, { lng: lang === 'en' ? 'cy' : 'en' }));
  });

  it('asks i18next only for what it cannot say itself', () => {
    const counted = vi.fn(slow);
    const watched = withPlainWords(counted as unknown as TFunction, catalogue, lang) as unknown as (key: string, options?: object) => string;
    const bare = keys.find((k) => !lookUp(catalogue, k).includes('{{'))!;
    const withName = keys.find((k) => /^[^{]*\{\{name\}\}[^{]*$/.test(lookUp(catalogue, k)))!;
    watched(bare);
    watched(withName, { name: 'Catch-up phonics' });
    expect(counted).not.toHaveBeenCalled();
    watched(withName, { name: 'x', context: 'male' });
    expect(counted).toHaveBeenCalledTimes(1);
  });
});

function lookUp(catalogue: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
}
