/**
 * The bar above a print preview: back, save as PDF, print — through the platform bridge
 * (Electron's printToPDF on desktop, the browser's print dialog on the web) — and the outcome.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../platform';

export function PrintToolbar({ fileName }: { fileName: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <div className="print-toolbar no-print">
        <button type="button" className="btn" onClick={() => history.back()}>
          {t('common.back')}
        </button>
        <span className="muted">{t('print.previewNote')}</span>
        <button
          type="button"
          className="btn"
          onClick={async () => {
            const r = await platform.savePdf({ fileName });
            setMessage(r.ok ? (r.data ? t('print.savedTo', { path: r.data.path }) : null) : t(r.error.message));
          }}
        >
          {t('print.savePdf')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={async () => {
            const r = await platform.print();
            if (!r.ok) setMessage(t(r.error.message));
          }}
        >
          {t('print.print')}
        </button>
      </div>
      {message && (
        <div className="banner banner-info no-print" role="status">
          {message}
        </div>
      )}
    </>
  );
}
