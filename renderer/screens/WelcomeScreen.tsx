import { useTranslator } from '../i18n/useTranslator';
import type { PathAction } from '../components/PathDialog';
import { selectRecentFiles, useMapio } from '../state/store';

/** No file open: start from the demo, an empty file, or a file the school already has. */
export function WelcomeScreen(props: { onAction: (a: PathAction) => void; onOpenRecent: (path: string) => void }) {
  const { t } = useTranslator();
  const recent = useMapio(selectRecentFiles);
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('app.noFileTitle')}</h1>
      <p>{t('app.noFileBody')}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => props.onAction('newDemo')}>
          {t('menu.newDemo')}
        </button>
        <button type="button" onClick={() => props.onAction('newEmpty')}>
          {t('menu.newEmpty')}
        </button>
        <button type="button" onClick={() => props.onAction('open')}>
          {t('menu.open')}
        </button>
      </div>
      {recent.length > 0 ? (
        <>
          <h2>{t('menu.recent')}</h2>
          <ul className="recent-list">
            {recent.map((r) => (
              <li key={r}>
                <button type="button" className="link-button" onClick={() => props.onOpenRecent(r)}>
                  {r}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
