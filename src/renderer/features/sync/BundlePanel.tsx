/** Settings → file bundles: carry events between buildings with no network between them. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { exportBundle, importBundle } from '@renderer/sync/bundles';
import { platform } from '@renderer/platform';
import { fileStamp } from '@shared/office-time';
import { useOrg } from '@renderer/app/hooks';

const LAST_BUNDLE_KEY = 'meja-it.last-bundle-hlc';

export function BundlePanel() {
  const { t } = useTranslation();
  const org = useOrg();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const onExport = async (all: boolean) => {
    const since = all ? '' : (localStorage.getItem(LAST_BUNDLE_KEY) ?? '');
    const made = await exportBundle(db, since);
    if (!made) return setMessage({ kind: 'error', text: t('sync.bundle.errors.noOffice') });
    const stamp = fileStamp(made.bundle.createdAt, org?.timeZone ?? 'WIB', true);
    const r = await platform.saveFile({ fileName: `meja-it-bundel-${stamp}.json`, mimeType: 'application/json', data: JSON.stringify(made.bundle) });
    if (!r.ok) return setMessage({ kind: 'error', text: t(r.error.message) });
    if (r.data) {
      localStorage.setItem(LAST_BUNDLE_KEY, made.upTo);
      setMessage({ kind: 'ok', text: t('sync.bundle.exported', { count: made.bundle.events.length }) });
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const r = await importBundle(db, await file.text());
    setMessage(r.ok ? { kind: r.data.refused > 0 ? 'error' : 'ok', text: t(r.data.refused > 0 ? 'sync.bundle.importedRefused' : 'sync.bundle.imported', { imported: r.data.imported, total: r.data.total, refused: r.data.refused }) } : { kind: 'error', text: t(r.error.message) });
  };

  return (
    <section className="card" aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t('sync.bundle.title')}</h2>
      <p className="hint">{t('sync.bundle.intro')}</p>
      {message && (
        <div className={`banner ${message.kind === 'ok' ? 'banner-ok' : 'banner-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="btn" onClick={() => onExport(false)}>
          {t('sync.bundle.exportNew')}
        </button>
        <button type="button" className="btn" onClick={() => onExport(true)}>
          {t('sync.bundle.exportAll')}
        </button>
        <label className="btn" htmlFor="bundle-file">
          {t('sync.bundle.import')}
        </label>
        <input id="bundle-file" type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => onImport(e.target.files?.[0])} />
      </div>
    </section>
  );
}
