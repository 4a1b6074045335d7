/**
 * i18next set-up from the catalogues given: the part of shared/i18n that imports no catalogue, so the
 * renderer chooses which catalogues its first bundle carries (docs/performance.md). Node's door is
 * `shared/i18n/index.ts`, which gives both catalogues; `startCatalogues` (both in Node, none in the
 * renderer's build, vite.config.ts) are the ones `translatorFor` has before any is provided.
 */
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import type { CheckCode } from '../engine';
import type { Catalogue } from './en';
import { startCatalogues } from './startCatalogues';
import { withPlainWords } from './plainWords';

export const LANGS = ['en', 'cy'] as const;
export type Lang = (typeof LANGS)[number];
/** Some or all of the languages' catalogues. */
export type Catalogues = Partial<Record<Lang, Catalogue>>;

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'cy';
}

/**
 * A ready i18next instance for one language, from the catalogues given (a language given later is added
 * with `addResourceBundle`). English is the fallback when it is given; every key is in both catalogues
 * (shared/i18n/catalogue.test.ts), so a reader given only Welsh misses nothing.
 */
export function createI18nFrom(lang: Lang, catalogues: Catalogues): I18n {
  const resources: Partial<Record<Lang, { translation: Catalogue }>> = {};
  for (const l of LANGS) {
    const catalogue = catalogues[l];
    if (catalogue) resources[l] = { translation: catalogue };
  }
  const instance = createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; the workbook writes plain cells
    returnNull: false,
  });
  return instance;
}

const provided: Catalogues = { ...startCatalogues };

/** Give a language's catalogue to `translatorFor` (the renderer, once it has loaded it). */
export function provideCatalogue(lang: Lang, catalogue: Catalogue): void {
  provided[lang] = catalogue;
}

/** Whether `translatorFor(lang)` has the language's words. */
export function hasCatalogue(lang: Lang): boolean {
  return provided[lang] !== undefined;
}

/** The catalogues given so far (both in Node). */
export function providedCatalogues(): Catalogues {
  return { ...provided };
}

const translators = new Map<Lang, TFunction>();

/**
 * The translate function of one language, made once and kept: for work done many times over (reading
 * 1,480 returns, each worded again to check its visible cells), where a new instance each time costs a
 * millisecond. Its language never changes, and neither do its catalogues, so a key's words are looked up
 * once and kept, and plain placeholders and plural forms filled without i18next (./plainWords.ts, held
 * equal to i18next for every key): i18next's lookup of a key was a fifth of a return's import. It is kept
 * only once the language's catalogue has been given; until then (the renderer before loading it) it
 * answers keys, as i18next does for words it has not got.
 */
export function translatorFor(lang: Lang): TFunction {
  let t = translators.get(lang);
  if (!t) {
    t = withPlainWords(createI18nFrom(lang, provided).t, provided[lang], lang);
    if (hasCatalogue(lang)) translators.set(lang, t);
  }
  return t;
}

/** The catalogue keys of a check's title and message. */
export function checkKeys(code: CheckCode): { title: string; message: string } {
  return { title: `checks.code.${code}`, message: `checks.message.${code}` };
}

export type { I18n, TFunction, Catalogue };
