import { useTranslator } from '../i18n/useTranslator';

/**
 * What shows in place of a screen, panel or dialog whose code is still loading: those not seen at start
 * load when first opened, so the map paints sooner (docs/performance.md). From disk it is a moment.
 */
export function Loading() {
  const { t } = useTranslator();
  return (
    <p className="muted" role="status" data-testid="loading">
      {t('app.loading')}
    </p>
  );
}
