/**
 * i18next set-up for Node (the governors' workbook, the CLI, the tests): both catalogues, loaded
 * synchronously so `t` works as soon as `createI18n` returns. The set-up itself, from whichever
 * catalogues it is given, is `./translator.ts`; the renderer uses that and loads its catalogues itself.
 */
import { cy } from './cy';
import { en } from './en';
import { createI18nFrom, type Catalogue, type I18n, type Lang } from './translator';

export { LANGS, isLang, translatorFor, checkKeys, createI18nFrom } from './translator';
export type { Lang, Catalogues, I18n, TFunction, Catalogue } from './translator';

export const catalogues: Record<Lang, Catalogue> = { en, cy };

/** A ready i18next instance for one language (the other is loaded too, so changeLanguage is instant). */
export function createI18n(lang: Lang): I18n {
  return createI18nFrom(lang, catalogues);
}
