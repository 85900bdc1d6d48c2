import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import './i18n';
import { App } from './app/App';
import { canRunConsole, InsecureContextPage } from './features/setup/InsecureContextPage';

// Over plain http:// to another machine the browser withholds WebCrypto and sign-in could not
// work: explain that instead of showing a form that does nothing.
createRoot(document.getElementById('root')!).render(<StrictMode>{canRunConsole() ? <App /> : <InsecureContextPage />}</StrictMode>);
