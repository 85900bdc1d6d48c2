/** The settings card (slot `settingsCards`) that connects this console to the office's sync server. */
import { useTranslation } from 'react-i18next';
import { ConnectServerForm } from './ConnectServerForm';

export function ConnectCard() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('sync.connect.title')}</h2>
      <p className="hint">{t('sync.connect.intro')}</p>
      <ConnectServerForm mode="connect" />
    </section>
  );
}
