/**
 * Undo's and Redo's step in the reader's language: the history holds each step as a name with parameters
 * (shared/api/historySteps.ts), and its words are the catalogue's `menu.step` keys, counted where the step
 * has a count (Welsh has six plural forms).
 */
import { HISTORY_STEPS, type HistoryLabel } from '../api/historySteps';
import type { TFunction } from './translator';

const KNOWN: ReadonlySet<string> = new Set(HISTORY_STEPS);

/** What the step `label` did, said as Undo's and Redo's titles say it; a step this window does not know is "the last change". */
export function historyStepWords(t: TFunction, label: HistoryLabel): string {
  if (!KNOWN.has(label.step)) return t('menu.step.unknown');
  return t(`menu.step.${label.step}`, { ...label.params });
}
