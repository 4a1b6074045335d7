/**
 * The renderer's catalogues. English is in the first bundle; Welsh is a chunk of its own, fetched when a
 * reader first needs it (docs/performance.md, rounds 8 and 11). A window with no language in its storage
 * learns it from app.info's answer, which it can only take once the app's code has been evaluated: a
 * catalogue fetched then was still on its way, or just in and being evaluated, when the year arrived, and
 * the first render waited for it. English, already there, costs its evaluation with the app's code instead
 * (and a Welsh reader that evaluation too). The reader's language is loaded before the first render
 * (renderer/main.tsx); the other when it is chosen (the store's `setLang`). A loaded catalogue is given to
 * shared/i18n's translators and to the page's i18next instance.
 */
import { en, type Catalogue } from '../../shared/i18n/en';
import { createI18nFrom, hasCatalogue, provideCatalogue, providedCatalogues, type I18n, type Lang } from '../../shared/i18n/translator';

let pageI18n: I18n | null = null;
const loading = new Map<Lang, Promise<void>>();

function fetchCatalogue(lang: Lang): Promise<Catalogue> {
  return lang === 'cy' ? import('../../shared/i18n/cy').then((m) => m.cy) : Promise.resolve(en);
}

/** Load a language's catalogue (once; a failed fetch is tried again next time). */
export function loadCatalogue(lang: Lang): Promise<void> {
  if (hasCatalogue(lang)) return Promise.resolve();
  let loaded = loading.get(lang);
  if (!loaded) {
    loaded = fetchCatalogue(lang).then(
      (catalogue) => {
        provideCatalogue(lang, catalogue);
        pageI18n?.addResourceBundle(lang, 'translation', catalogue);
      },
      (error: unknown) => {
        loading.delete(lang);
        throw error;
      },
    );
    loading.set(lang, loaded);
  }
  return loaded;
}

/** The page's i18next instance, in `lang`, once its catalogue is loaded. */
export async function startI18n(lang: Lang): Promise<I18n> {
  await loadCatalogue(lang);
  pageI18n = createI18nFrom(lang, providedCatalogues());
  return pageI18n;
}
