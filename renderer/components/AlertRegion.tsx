import { useTranslation } from 'react-i18next';
import { useMapio } from '../state/store';

/** Errors in plain words (role="alert"), and a polite status line for what just happened. */
export function AlertRegion() {
  const { t } = useTranslation();
  const alert = useMapio((s) => s.alert);
  const status = useMapio((s) => s.status);
  const setAlert = useMapio((s) => s.setAlert);
  return (
    <>
      <div role="alert" className={alert ? 'alert alert-error' : 'alert-empty'} data-testid="alert">
        {alert ? (
          <>
            <p>
              <strong>{t('app.errorTitle')}: </strong>
              {t(alert.key, alert.params ?? {})}
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
