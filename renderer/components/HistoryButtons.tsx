import { memo } from 'react';
import { historyStepWords } from '../../shared/i18n/historyWords';
import { useTranslator } from '../i18n/useTranslator';
import { useMapio } from '../state/store';

/**
 * Undo and Redo in the header, each named by the step it takes, in the reader's language. Reads only the
 * file's history, so an edit that leaves the history's steps as they were does not render it again.
 */
export const HistoryButtons = memo(function HistoryButtons(props: { onUndo: () => Promise<void>; onRedo: () => Promise<void> }) {
  const { t } = useTranslator();
  const lang = useMapio((s) => s.lang);
  const canUndo = useMapio((s) => s.view?.history.canUndo ?? false);
  const canRedo = useMapio((s) => s.view?.history.canRedo ?? false);
  // The titles as words, so an answer whose history names the same steps renders nothing here.
  const undoTitle = useMapio((s) => {
    const label = s.view?.history.undoLabel;
    return label ? t('menu.undoWhat', { label: historyStepWords(t, label, lang) }) : t('menu.nothingToUndo');
  });
  const redoTitle = useMapio((s) => {
    const label = s.view?.history.redoLabel;
    return label ? t('menu.redoWhat', { label: historyStepWords(t, label, lang) }) : t('menu.nothingToRedo');
  });
  return (
    <>
      <button type="button" data-testid="undo" disabled={!canUndo} title={undoTitle} onClick={() => void props.onUndo()}>
        <span aria-hidden="true">↶ </span>
        {t('menu.undo')}
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} title={redoTitle} onClick={() => void props.onRedo()}>
        <span aria-hidden="true">↷ </span>
        {t('menu.redo')}
      </button>
    </>
  );
});
