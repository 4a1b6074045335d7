import { useTranslation } from 'react-i18next';
import { SCREENS, useMapio } from '../state/store';

export function Nav() {
  const { t } = useTranslation();
  const screen = useMapio((s) => s.screen);
  const show = useMapio((s) => s.show);
  const openLearner = useMapio((s) => s.openLearner);
  const checks = useMapio((s) => s.view?.costed.checks.length ?? 0);
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <button
              type="button"
              aria-current={screen === s ? 'page' : undefined}
              data-testid={`nav-${s}`}
              onClick={() => {
                if (s === 'learners') openLearner(null);
                show(s);
              }}
            >
              {t(`nav.${s}`)}
              {s === 'checks' && checks > 0 ? <span className="badge">{checks}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
