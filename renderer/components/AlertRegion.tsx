import { useTranslator } from '../i18n/useTranslator';
import { useMapio } from '../state/store';
import { errorMessage } from '../errors/localisedError';

/** Errors in plain words (role="alert"), and a polite status line for what just happened. */
export function AlertRegion() {
  const { t } = useTranslator();
  const alert = useMapio((s) => s.alert);
  const status = useMapio((s) => s.status);
  const setAlert = useMapio((s) => s.setAlert);
  const lang = useMapio((s) => s.lang);
  return (
    <>
      <div role="alert" className={alert ? 'alert alert-error' : 'alert-empty'} data-testid="alert">
        {alert ? (
          <>
            <p>
              <strong>{t('app.errorTitle')}: </strong>
              {t(alert.key, alert.error ? { ...alert.params, message: errorMessage(alert.error, lang, t) } : (alert.params ?? {}))}
            </p>
            <button type="button" onClick={() => setAlert(null)}>
              {t('app.dismiss')}
            </button>
          </>
        ) : null}
      </div>
      <div role="status" className="visually-hidden">
        {status ? t(status.key, status.params ?? {}) : ''}
      </div>
    </>
  );
}
