/**
 * In the renderer's build, shared/i18n starts with no catalogue (vite.config.ts puts this module in
 * place of shared/i18n/startCatalogues.ts): the reader's language is loaded before the first render and
 * the other one when it is chosen (renderer/i18n/catalogues.ts; English from the first bundle, Welsh as a
 * chunk of its own).
 */
import type { Catalogues } from '../../shared/i18n/translator';

export const startCatalogues: Catalogues = {};
