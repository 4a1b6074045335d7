import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n';
import { App } from './App';
import { initialLang, useMapio } from './state/store';
import { useAuthority } from './screens/authority/authorityState';
import './styles/app.css';

// The first requests leave now, while React renders the first frame, not from an effect after it: which
// file is open and its year (what the map paints from), then any authority file the backend still holds (a
// reload in browser mode), after the year so the map's data does not wait behind it (docs/performance.md).
void useMapio
  .getState()
  .boot()
  .then(() => useAuthority.getState().restore());

const lang = initialLang();
document.documentElement.lang = lang;
const i18n = createI18n(lang);

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
