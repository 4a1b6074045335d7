/**
 * Undo's and Redo's step in the reader's language: the history holds each step as a name with parameters
 * (shared/api/historySteps.ts), and its words are the catalogue's `menu.step` keys, counted where the step
 * has a count (Welsh has six plural forms).
 */
import { HISTORY_STEPS, type HistoryLabel } from '../api/historySteps';
import { inLanguage } from './schoolWords';
import type { Lang, TFunction } from './translator';

const KNOWN: ReadonlySet<string> = new Set(HISTORY_STEPS);

/**
 * What the step `label` did, said as Undo's and Redo's titles say it, in `lang`; a step this window does not
 * know is "the last change". A record the step names by the school's own words in both languages (a line,
 * an income, a cost: `name` and `nameCy`) is named in the reader's language, as everywhere else.
 */
export function historyStepWords(t: TFunction, label: HistoryLabel, lang: Lang): string {
  if (!KNOWN.has(label.step)) return t('menu.step.unknown');
  const { nameCy, ...params }: Record<string, string | number> = { ...label.params };
  if (typeof params.name === 'string' && typeof nameCy === 'string') params.name = inLanguage(params.name, nameCy, lang);
  return t(`menu.step.${label.step}`, params);
}
