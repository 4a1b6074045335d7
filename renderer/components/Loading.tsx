import { useTranslation } from 'react-i18next';

/**
 * What shows in place of a screen, panel or dialog whose code is still loading: those not seen at start
 * load when first opened, so the map paints sooner (docs/performance.md). From disk it is a moment.
 */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" data-testid="loading">
      {t('app.loading')}
    </p>
  );
}
