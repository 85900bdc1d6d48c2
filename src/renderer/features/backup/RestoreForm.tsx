/**
 * First run → "Pulihkan dari cadangan": a fresh console takes a desk's backup file and its
 * passphrase (src/renderer/store/backup.ts restoreBackup). Any refusal says why and writes
 * nothing; after a restore the console shows the sign-in screen of the restored office. A token
 * the sync transport may still hold (this profile's keychain or storage) is forgotten first: the
 * restored console has a new device key, so it connects again through the transport (an admin's
 * sign-in with replaceKey, src/renderer/sync/connect.ts).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/result';
import { FailureBanner, Field } from '../../components/ui';
import { db } from '../../store';
import { restoreBackup } from '../../store/backup';
import { platform } from '../../platform';
import { FormActions } from '../../components/kit/FormActions';

export function RestoreForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFailure({ code: 'no-file', message: 'backup.errors.noFile', field: 'file' });
    setFailure(null);
    setBusy(true);
    try {
      await platform.sync.disconnect().catch((error: unknown) => console.error('sync disconnect failed', error));
      const r = await restoreBackup(db, new Uint8Array(await file.arrayBuffer()), passphrase);
      if (!r.ok) {
        setFailure(r.error);
        if (r.error.code === 'wrong-passphrase') setPassphrase('');
      }
    } catch (error) {
      console.error('restore failed', error);
      setFailure({ code: 'failed', message: 'errors.storeFailed' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('backup.restore.title')}>
      <FailureBanner failure={failure} />
      <div className="grid-2">
        <Field label={t('backup.restore.file')} htmlFor="restore-file" hint={t('backup.restore.fileHint')}>
          <input id="restore-file" type="file" accept=".mjbak,application/octet-stream" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={t('backup.restore.passphrase')} htmlFor="restore-passphrase">
          <input id="restore-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Field>
      </div>
      <p className="hint">{t('backup.restore.afterwards')}</p>
      <FormActions submitLabel={t('backup.restore.submit')} busyLabel={t('backup.restore.restoring')} busy={busy} />
    </form>
  );
}
