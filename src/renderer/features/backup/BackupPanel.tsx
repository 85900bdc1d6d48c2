/**
 * Settings → console backups (admins): whether the browser keeps this console's data
 * persistently, the backup passphrase, and either the desktop's backup folder and schedule or,
 * in a browser, "Unduh cadangan". See docs/shells.md "Desk backups".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { backupPassphraseSchema } from '@shared/backup';
import type { BackupFolderStatus } from '@shared/platform';
import { useFormatDateTime } from '@renderer/app/hooks';
import { Field } from '@renderer/components/ui';
import { platform } from '@renderer/platform';
import { db } from '@renderer/store';
import { backupKey, makeBackup, setBackupPassphrase } from '@renderer/store/backup';
import { askPersistentStorageAgain, usePersistStore } from './persist';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function StorageStatus() {
  const { t } = useTranslation();
  const state = usePersistStore((s) => s.state);
  const set = usePersistStore((s) => s.set);
  return (
    <p data-testid="storage-persistence" className={state === 'refused' ? 'banner banner-error' : 'hint'}>
      {t(`backup.storage.${state}`)}{' '}
      {state === 'refused' && (
        <button type="button" className="btn btn-small" onClick={async () => set(await askPersistentStorageAgain())}>
          {t('backup.storage.askAgain')}
        </button>
      )}
    </p>
  );
}

function PassphraseForm({ onMessage }: { onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const key = useLiveQuery(async () => {
    const k = await backupKey(db);
    return k ? { setAt: k.setAt } : null;
  }, []);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ field: 'passphrase' | 'again'; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = backupPassphraseSchema.safeParse(passphrase);
    if (!parsed.success) return setError({ field: 'passphrase', key: parsed.error.issues[0]?.message ?? 'backup.errors.passphraseShort' });
    if (passphrase !== again) return setError({ field: 'again', key: 'backup.errors.passphraseMismatch' });
    setError(null);
    setBusy(true);
    try {
      await setBackupPassphrase(db, passphrase);
      setPassphrase('');
      setAgain('');
      onMessage({ kind: 'ok', text: t('backup.passphrase.saved') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('backup.passphrase.title')}>
      <h3>{t('backup.passphrase.title')}</h3>
      <p className="hint" data-testid="backup-passphrase-state">
        {key === undefined ? '' : key ? t('backup.passphrase.set', { at: fmt(key.setAt) }) : t('backup.passphrase.none')}
      </p>
      <p className="hint">{t('backup.passphrase.warning')}</p>
      <div className="grid-2">
        <Field label={t('backup.passphrase.label')} htmlFor="backup-passphrase" error={error?.field === 'passphrase' ? error.key : undefined} hint={t('backup.passphrase.hint')}>
          <input id="backup-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </Field>
        <Field label={t('backup.passphrase.again')} htmlFor="backup-passphrase-again" error={error?.field === 'again' ? error.key : undefined}>
          <input id="backup-passphrase-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('backup.passphrase.saving') : key ? t('backup.passphrase.change') : t('backup.passphrase.save')}
        </button>
      </div>
    </form>
  );
}

function FolderSettings({ status, setStatus, onMessage }: { status: BackupFolderStatus; setStatus: (s: BackupFolderStatus) => void; onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const [keep, setKeep] = useState(String(status.keep));
  const choose = async () => {
    const r = await platform.backup.chooseFolder();
    if (!r.ok) return onMessage({ kind: 'error', text: t(r.error.message) });
    if (r.data) setStatus(r.data);
  };
  const saveKeep = async () => {
    const n = Number(keep);
    if (!Number.isInteger(n) || n < 1 || n > 365) return onMessage({ kind: 'error', text: t('backup.folder.keepRange') });
    const r = await platform.backup.setKeep(n);
    if (!r.ok) return onMessage({ kind: 'error', text: t(r.error.message) });
    setStatus(r.data);
    onMessage({ kind: 'ok', text: t('backup.folder.keepSaved', { count: n }) });
  };
  return (
    <div data-testid="backup-folder">
      <h3>{t('backup.folder.title')}</h3>
      <p className="hint">{t('backup.folder.intro')}</p>
      <p>
        {status.folder ? t('backup.folder.current', { folder: status.folder }) : t('backup.folder.none')}{' '}
        <button type="button" className="btn btn-small" onClick={choose}>
          {t('backup.folder.choose')}
        </button>
      </p>
      <div className="grid-2">
        <Field label={t('backup.folder.keep')} htmlFor="backup-keep" hint={t('backup.folder.keepHint')}>
          <input id="backup-keep" type="number" min={1} max={365} value={keep} onChange={(e) => setKeep(e.target.value)} onBlur={saveKeep} />
        </Field>
      </div>
      <p className="hint">
        {status.lastBackupAt ? t('backup.folder.last', { at: fmt(status.lastBackupAt), file: status.lastFile ?? '' }) : t('backup.folder.never')}
      </p>
      {status.lastProblem && (
        <div className="banner banner-error" role="alert">
          {t('backup.folder.problem', { problem: t(status.lastProblem) })}
        </div>
      )}
      {status.files.length > 0 && (
        <ul className="hint">
          {status.files.map((f) => (
            <li key={f.name}>
              {f.name} · {sizeText(f.size)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function BackupPanel() {
  const { t } = useTranslation();
  const pending = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const [message, setMessage] = useState<Message>(null);
  const [status, setStatus] = useState<BackupFolderStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const scheduled = platform.backup.scheduled;
  useEffect(() => {
    if (!scheduled) return;
    void platform.backup.status().then((r) => r.ok && r.data && setStatus(r.data));
  }, [scheduled]);

  const backupNow = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const made = await makeBackup(db);
      if (!made.ok) return setMessage({ kind: 'error', text: t(made.error.message) });
      const saved = await platform.backup.save({ bytes: made.data.bytes, fileName: made.data.fileName });
      if (!saved.ok) return setMessage({ kind: 'error', text: t(saved.error.message) });
      setMessage({ kind: 'ok', text: t(scheduled ? 'backup.done.written' : 'backup.done.downloaded', { file: saved.data.file }) });
      if (scheduled) {
        const s = await platform.backup.status();
        if (s.ok && s.data) setStatus(s.data);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="backup-title" data-testid="backup-panel">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="hint">{t(scheduled ? 'backup.introDesktop' : 'backup.introWeb')}</p>
      <StorageStatus />
      {message && (
        <div className={`banner ${message.kind === 'ok' ? 'banner-ok' : 'banner-error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      <PassphraseForm onMessage={setMessage} />
      {scheduled && status && <FolderSettings status={status} setStatus={setStatus} onMessage={setMessage} />}
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="btn btn-primary" onClick={backupNow} disabled={busy}>
          {busy ? t('backup.making') : t(scheduled ? 'backup.backupNow' : 'backup.download')}
        </button>
        <span className="hint">{t('backup.pending', { count: pending })}</span>
      </div>
    </section>
  );
}
