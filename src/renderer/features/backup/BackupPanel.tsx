/**
 * Settings → console backups (admins): whether the browser keeps this console's data
 * persistently, the backup passphrase, and either the desktop's backup folder and schedule or,
 * in a browser, "Unduh cadangan". See docs/shells.md "Desk backups".
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { backupPassphraseSchema } from '@shared/backup';
import type { BackupFolderStatus } from '@shared/platform';
import { useFormatDateTime } from '@renderer/app/hooks';
import { Field } from '@renderer/components/ui';
import { FormActions } from '@renderer/components/kit/FormActions';
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

const passphraseForm = z
  .object({ passphrase: backupPassphraseSchema, again: z.string() })
  .refine((v) => v.passphrase === v.again, { path: ['again'], message: 'backup.errors.passphraseMismatch' });

function PassphraseForm({ onMessage }: { onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const key = useLiveQuery(async () => {
    const k = await backupKey(db);
    return k ? { setAt: k.setAt } : null;
  }, []);
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof passphraseForm>, unknown, z.output<typeof passphraseForm>>({
    resolver: zodResolver(passphraseForm),
    defaultValues: { passphrase: '', again: '' },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async ({ passphrase }) => {
    await setBackupPassphrase(db, passphrase);
    reset();
    onMessage({ kind: 'ok', text: t('backup.passphrase.saved') });
  });
  return (
    <form onSubmit={(ev) => void onSubmit(ev)} noValidate aria-label={t('backup.passphrase.title')}>
      <h3>{t('backup.passphrase.title')}</h3>
      <p className="hint" data-testid="backup-passphrase-state">
        {key === undefined ? '' : key ? t('backup.passphrase.set', { at: fmt(key.setAt) }) : t('backup.passphrase.none')}
      </p>
      <p className="hint">{t('backup.passphrase.warning')}</p>
      <div className="grid-2">
        <Field label={t('backup.passphrase.label')} htmlFor="backup-passphrase" error={e.passphrase?.message} hint={t('backup.passphrase.hint')}>
          <input id="backup-passphrase" type="password" autoComplete="new-password" {...register('passphrase')} />
        </Field>
        <Field label={t('backup.passphrase.again')} htmlFor="backup-passphrase-again" error={e.again?.message}>
          <input id="backup-passphrase-again" type="password" autoComplete="new-password" {...register('again')} />
        </Field>
      </div>
      <FormActions
        submitLabel={key ? t('backup.passphrase.change') : t('backup.passphrase.save')}
        busyLabel={t('backup.passphrase.saving')}
        busy={formState.isSubmitting}
        variant="plain"
        start
      />
    </form>
  );
}

/** How many backups the desktop keeps, as typed (a number field's text). */
const keepForm = z.object({
  keep: z
    .string()
    .trim()
    .regex(/^\d+$/, 'backup.folder.keepRange')
    .transform(Number)
    .pipe(z.number().int().min(1, 'backup.folder.keepRange').max(365, 'backup.folder.keepRange')),
});

function FolderSettings({ status, setStatus, onMessage }: { status: BackupFolderStatus; setStatus: (s: BackupFolderStatus) => void; onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const { register, handleSubmit, formState } = useForm<z.input<typeof keepForm>, unknown, z.output<typeof keepForm>>({
    resolver: zodResolver(keepForm),
    defaultValues: { keep: String(status.keep) },
  });
  const choose = async () => {
    const r = await platform.backup.chooseFolder();
    if (!r.ok) return onMessage({ kind: 'error', text: t(r.error.message) });
    if (r.data) setStatus(r.data);
  };
  // Saved when the field is left (or on Enter).
  const saveKeep = handleSubmit(async ({ keep }) => {
    const r = await platform.backup.setKeep(keep);
    if (!r.ok) return onMessage({ kind: 'error', text: t(r.error.message) });
    setStatus(r.data);
    onMessage({ kind: 'ok', text: t('backup.folder.keepSaved', { count: keep }) });
  });
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
      <form className="grid-2" noValidate onSubmit={(ev) => void saveKeep(ev)}>
        <Field label={t('backup.folder.keep')} htmlFor="backup-keep" hint={t('backup.folder.keepHint')} error={formState.errors.keep?.message}>
          <input id="backup-keep" type="number" min={1} max={365} {...register('keep', { onBlur: () => void saveKeep() })} />
        </Field>
      </form>
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
