import { memo } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { useMapio } from '../state/store';

/**
 * Undo and Redo in the header, each named by the step it takes. Reads only the file's history, so an
 * edit that leaves the history's labels as they were does not render it again.
 */
export const HistoryButtons = memo(function HistoryButtons(props: { onUndo: () => Promise<void>; onRedo: () => Promise<void> }) {
  const { t } = useTranslator();
  const canUndo = useMapio((s) => s.view?.history.canUndo ?? false);
  const undoLabel = useMapio((s) => s.view?.history.undoLabel ?? null);
  const canRedo = useMapio((s) => s.view?.history.canRedo ?? false);
  const redoLabel = useMapio((s) => s.view?.history.redoLabel ?? null);
  return (
    <>
      <button type="button" data-testid="undo" disabled={!canUndo} title={undoLabel ? t('menu.undoWhat', { label: undoLabel }) : t('menu.nothingToUndo')} onClick={() => void props.onUndo()}>
        <span aria-hidden="true">↶ </span>
        {t('menu.undo')}
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} title={redoLabel ? t('menu.redoWhat', { label: redoLabel }) : t('menu.nothingToRedo')} onClick={() => void props.onRedo()}>
        <span aria-hidden="true">↷ </span>
        {t('menu.redo')}
      </button>
    </>
  );
});
