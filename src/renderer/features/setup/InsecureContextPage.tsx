/**
 * Shown instead of the console when the page is not a secure context (a browser opening the
 * office server by its LAN address over plain http://): the browser then withholds WebCrypto
 * (`crypto.subtle`), without which nobody can sign in or sign anything. The page explains it in
 * both languages at once — nobody has chosen a language yet — and points to the https://
 * address, with the certificate fingerprint to check (README "Memasang server kantor").
 */
import { useTranslation } from 'react-i18next';

/** Whether the console can run here: a secure context with WebCrypto. */
export function canRunConsole(w: { isSecureContext?: boolean; crypto?: { subtle?: unknown } } = globalThis): boolean {
  return w.isSecureContext === true && !!w.crypto?.subtle;
}

/** The same address over https:// (same host and port: the server serves HTTPS on its one port). */
export function httpsAddress(href: string): string | null {
  const url = new URL(href);
  if (url.protocol !== 'http:') return null;
  url.protocol = 'https:';
  return url.toString();
}

export function InsecureContextPage() {
  const { i18n } = useTranslation();
  const target = httpsAddress(location.href);
  const langs = ['id', 'en'] as const;
  return (
    <main className="center-screen" data-testid="insecure-context">
      <div className="card insecure-card" style={{ maxWidth: '46rem' }}>
        <div className="brand-small">Meja IT</div>
        {langs.map((lang) => {
          const t = i18n.getFixedT(lang);
          return (
            <section key={lang} lang={lang} aria-labelledby={`insecure-title-${lang}`} style={{ marginTop: '1rem' }}>
              <h1 id={`insecure-title-${lang}`}>{t('insecure.title')}</h1>
              <p>{t('insecure.why', { origin: location.origin })}</p>
              <ol>
                <li>
                  {t('insecure.openHttps')}{' '}
                  {target ? (
                    <a href={target}>
                      <code>{target}</code>
                    </a>
                  ) : (
                    <code>https://…</code>
                  )}
                </li>
                <li>{t('insecure.fingerprint')}</li>
                <li>{t('insecure.admin')}</li>
              </ol>
            </section>
          );
        })}
      </div>
    </main>
  );
}
