/**
 * i18next set-up shared by the renderer and Node (the governors' workbook, the CLI): one catalogue per
 * language, loaded synchronously so `t` works as soon as `createI18n` returns.
 */
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import type { CheckCode } from '../engine';
import { cy } from './cy';
import { en, type Catalogue } from './en';

export const LANGS = ['en', 'cy'] as const;
export type Lang = (typeof LANGS)[number];
export const catalogues: Record<Lang, Catalogue> = { en, cy };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'cy';
}

/** A ready i18next instance for one language (the other is loaded too, so changeLanguage is instant). */
export function createI18n(lang: Lang): I18n {
  const instance = createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    resources: { en: { translation: en }, cy: { translation: cy } },
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; the workbook writes plain cells
    returnNull: false,
  });
  return instance;
}

const translators = new Map<Lang, TFunction>();

/**
 * The translate function of one language, made once and kept: for work done many times over (reading
 * 1,480 returns, each worded again to check its visible cells), where a new instance each time costs a
 * millisecond. Its language never changes, and neither do its catalogues, so the words of a key asked
 * for without options (a label, an enum's name) are looked up once and kept: i18next's lookup of a key
 * was a fifth of a return's import.
 */
export function translatorFor(lang: Lang): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const lookUp = createI18n(lang).t as unknown as (...args: unknown[]) => string;
    const plain = new Map<string, string>();
    const remembering = (...args: unknown[]) => {
      const [key] = args;
      if (args.length !== 1 || typeof key !== 'string') return lookUp(...args);
      let words = plain.get(key);
      if (words === undefined) {
        words = lookUp(key);
        plain.set(key, words);
      }
      return words;
    };
    t = remembering as unknown as TFunction;
    translators.set(lang, t);
  }
  return t;
}

/** The catalogue keys of a check's title and message. */
export function checkKeys(code: CheckCode): { title: string; message: string } {
  return { title: `checks.code.${code}`, message: `checks.message.${code}` };
}

export type { I18n, TFunction, Catalogue };
