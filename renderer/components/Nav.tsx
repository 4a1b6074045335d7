import { memo } from 'react';
import { useTranslator } from '../i18n/useTranslator';
import { SCREENS, useMapio } from '../state/store';
import { useAuthority } from '../screens/authority/authorityState';

export const Nav = memo(function Nav() {
  const { t } = useTranslator();
  const screen = useMapio((s) => s.screen);
  const show = useMapio((s) => s.show);
  const openLearner = useMapio((s) => s.openLearner);
  const checks = useMapio((s) => s.view?.costed.checks.length ?? 0);
  const hasSchool = useMapio((s) => s.view !== null);
  // The authority workspace has its own item while an authority file is open; the school screens stay as they are.
  const authorityFile = useAuthority((s) => s.view?.file.name ?? null);
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {(hasSchool ? SCREENS : []).map((s) => (
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
        {authorityFile ? (
          <li className="nav-authority">
            <button type="button" aria-current={screen === 'authority' ? 'page' : undefined} data-testid="nav-authority" title={authorityFile} onClick={() => show('authority')}>
              {t('authority.nav')}
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
});
