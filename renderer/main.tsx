// First of all: the window's first calls leave before the rest of the app's code is evaluated.
import './sendFirstCalls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../shared/i18n/translator';
import { App } from './App';
import { startI18n } from './i18n/catalogues';
import { storedLang, useMapio } from './state/store';
import { useAuthority } from './screens/authority/authorityState';
import './styles/app.css';

// The first requests leave now, while the reader's catalogue is fetched and React renders the first frame,
// not from an effect after it: which file is open and its year (what the map paints from), then any
// authority file the backend still holds (a reload in browser mode), after the year so the map's data does
// not wait behind it (docs/performance.md).
let savedLang: (lang: Lang) => void = () => undefined;
const appInfoLang = new Promise<Lang>((resolve) => (savedLang = resolve));
void useMapio
  .getState()
  .boot((info) => savedLang(info?.language ?? 'en'))
  .then(() => useAuthority.getState().restore());

// The first render speaks the reader's language, with only its catalogue loaded (the other is fetched when
// chosen): the one last chosen in this window, else (a first start, or a new browser-mode port, whose
// storage is empty) the one saved in the backend's settings, which app.info answers first.
void (async () => {
  const lang = storedLang() ?? (await appInfoLang);
  const i18n = await startI18n(lang);
  useMapio.getState().setLang(lang);
  document.documentElement.lang = lang;
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </StrictMode>,
    );
  }
})();
