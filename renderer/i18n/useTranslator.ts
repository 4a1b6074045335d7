/**
 * react-i18next's `useTranslation`, given the same options object on every render. Called bare it takes a
 * new `{}` each time, and so builds its options and its store reader again and schedules an effect to
 * follow the new reader, in every component on every render: on an edit, a visible part of the renderer's
 * time (docs/performance.md). The same `t` and `i18n`, following the language in the same way; `t` says
 * the catalogue's plain words itself and asks i18next for the rest (shared/i18n/plainWords.ts), with one
 * store of looked-up words per language for every component.
 */
import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import { withPlainWords } from '../../shared/i18n/plainWords';

const SAME_OPTIONS = {};

const byInstance = new WeakMap<I18n, Map<string, TFunction>>();

function plainWordsOf(t: TFunction, i18n: I18n): TFunction {
  const lang = i18n.language;
  let byLang = byInstance.get(i18n);
  if (!byLang) byInstance.set(i18n, (byLang = new Map()));
  let quick = byLang.get(lang);
  if (!quick) {
    const catalogue = i18n.getResourceBundle(lang, 'translation') as object | undefined;
    if (!catalogue) return t; // not loaded yet: i18next answers, as it does for words it has not got
    quick = withPlainWords(t, catalogue, lang);
    byLang.set(lang, quick);
  }
  return quick;
}

export function useTranslator() {
  const { t, i18n, ready } = useTranslation(undefined, SAME_OPTIONS);
  return { t: plainWordsOf(t, i18n), i18n, ready };
}
