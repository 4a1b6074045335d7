import { memo } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { useMapio } from '../state/store';

/** "Saving…" while the file's calls are running, "Saved" once they are done; nothing with no file open. */
export const SaveState = memo(function SaveState() {
  const { t } = useTranslator();
  const hasView = useMapio((s) => s.view !== null);
  const saving = useMapio((s) => s.pending > 0);
  return (
    <span className="save-state" aria-live="polite">
      {hasView ? (saving ? t('app.saving') : t('app.saved')) : ''}
    </span>
  );
});
