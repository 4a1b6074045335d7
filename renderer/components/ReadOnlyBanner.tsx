import { useTranslator } from '../i18n/useTranslator';
import { useMapio } from '../state/store';

/**
 * Shown on every screen while the open file is read-only (Mapio may not write where it is): what that
 * means, and the way to a copy that can be changed.
 */
export function ReadOnlyBanner({ onSaveAs }: { onSaveAs: () => void }) {
  const { t } = useTranslator();
  const file = useMapio((s) => s.view?.file ?? null);
  if (!file?.readOnly) return null;
  return (
    <div className="read-only-banner" role="region" aria-label={t('fileSafety.readOnlyLabel')} data-testid="read-only-banner">
      <p>{t('fileSafety.readOnlyBanner', { name: file.name })}</p>
      <button type="button" onClick={onSaveAs} data-testid="read-only-save-as">
        {t('fileSafety.saveCopy')}
      </button>
    </div>
  );
}
