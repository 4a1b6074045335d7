/**
 * The catalogues `translatorFor` has from the start: both, for Node (the backend's documents, the CLI,
 * every ApiError's English message). The renderer's build puts renderer/i18n/startCatalogues.ts (none)
 * in this module's place and loads the reader's language itself (vite.config.ts, docs/performance.md).
 */
import { cy } from './cy';
import { en } from './en';
import type { Catalogues } from './translator';

export const startCatalogues: Catalogues = { en, cy };
