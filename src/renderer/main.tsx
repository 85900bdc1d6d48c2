import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { i18nReady, loadAllLanguages } from './i18n';
import { App } from './app/App';
import { canRunConsole, InsecureContextPage } from './features/setup/InsecureContextPage';
import { TakeOverEntry } from './entry/TakeOverEntry';

// Over plain http:// to another machine the browser withholds WebCrypto and sign-in could not
// work: explain that instead of showing a form that does nothing.
// The first render waits for the saved language's catalog (English is fetched when chosen).
const secure = canRunConsole();
void Promise.all([i18nReady, secure ? undefined : loadAllLanguages()]).then(() =>
  createRoot(document.getElementById('root')!).render(<StrictMode>
      {secure ? (
        <App />
      ) : (
        <>
          <InsecureContextPage />
          <TakeOverEntry />
        </>
      )}
    </StrictMode>),
);
