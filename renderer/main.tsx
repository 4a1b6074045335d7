// First of all: the window's first calls leave before the rest of the app's code is evaluated.
import './sendFirstCalls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../shared/i18n/translator';
import { App } from './App';
import { startI18n } from './i18n/catalogues';
import { useMapio } from './state/store';
import { useAuthority } from './screens/authority/authorityState';
import './styles/app.css';

// The store's start takes the answers to the first calls (which file is open and its year, what the map
// paints from; sent before the app's code arrived, renderer/sendFirstCalls.ts), then asks for any authority
// file the backend still holds (a reload in browser mode), after the year so the map's data does not wait
// behind it (docs/performance.md).
let savedLang: (lang: Lang) => void = () => undefined;
const appInfoLang = new Promise<Lang>((resolve) => (savedLang = resolve));
void useMapio
  .getState()
  .boot((info) => savedLang(info?.language ?? 'en'))
  .then(() => useAuthority.getState().restore());

// The first render speaks the reader's language, with only its catalogue loaded (the other is fetched when
// chosen): the one saved in the backend's settings, which app.info answers. app.info left before the app's
// code arrived (renderer/sendFirstCalls.ts), so its answer is usually here by now. The window's own storage
// is not read: its first use costs a fresh page 2–30 ms, and a browser-mode port is a new origin whose
// storage is empty (docs/performance.md, "Round 12: the first paint's one-off costs").
void (async () => {
  const lang = await appInfoLang;
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
