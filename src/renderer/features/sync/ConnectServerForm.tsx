/**
 * Connects this device to the office's sync server (Settings), or joins an office (first run).
 * On the desktop the admin types the server's https address, and the first contact shows the
 * server certificate's fingerprint to compare with the one the server printed (trust on first
 * use); a certificate that changed since is refused, and only an admin may check and pin it
 * again. In a browser the server is the page's own origin and the browser checks its certificate.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SyncConnection, SyncTransport } from '@shared/sync/transport';
import { db } from '@renderer/store';
import { platform } from '@renderer/platform';
import { checkServer, connectDevice, joinOffice, type PinQuestion } from '@renderer/sync/connect';
import { SyncError } from '@renderer/sync/api';
import { useSessionStore } from '@renderer/app/session-store';
import { Field } from '@renderer/components/ui';
import { RestoredConnectHint } from '../backup/public';
import { FormActions } from '@renderer/components/kit/FormActions';

interface ConnectForm {
  serverUrl: string;
  username: string;
  password: string;
  deviceName: string;
}

/** What the form says about a refusal: the server's message, or for a throttled sign-in the wait, in seconds under a minute, else in minutes. */
export function connectProblem(err: unknown): { key: string; params?: Record<string, number> } {
  if (!(err instanceof SyncError)) return { key: 'sync.errors.server' };
  if (err.code === 'throttled' && err.retryAfter) {
    return err.retryAfter < 60
      ? { key: 'sync.errors.throttledSeconds', params: { count: err.retryAfter } }
      : { key: 'sync.errors.throttledMinutes', params: { count: Math.ceil(err.retryAfter / 60) } };
  }
  return { key: err.messageKey };
}

/**
 * A server address: empty (the server that served this page), https://, or http:// only to this
 * computer — over the LAN a password and the device token would cross in clear.
 */
export function checkServerUrl(value: string): true | string {
  const u = value.trim();
  if (u === '') return true;
  if (!/^https?:\/\/[^\s]+$/.test(u)) return 'sync.errors.url';
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return 'sync.errors.url';
  }
  if (url.protocol === 'https:') return true;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname) ? true : 'sync.errors.httpsRequired';
}


export function ConnectServerForm({ mode, transport = platform.sync }: { mode: 'connect' | 'join'; transport?: SyncTransport }) {
  const { t } = useTranslation();
  const isAdmin = useSessionStore((s) => !!s.user?.roles.includes('admin'));
  // Joining happens at first run, before anyone is signed in: whoever sets the desk up decides.
  const mayPin = mode === 'join' || isAdmin;
  const [problem, setProblem] = useState<{ key: string; params?: Record<string, number> } | null>(null);
  const [done, setDone] = useState(false);
  const [question, setQuestion] = useState<PinQuestion | null>(null);
  const [checked, setChecked] = useState(false);
  const [connection, setConnection] = useState<SyncConnection | null>(null);
  const { register, handleSubmit, formState, setValue } = useForm<ConnectForm>({
    defaultValues: { serverUrl: '', username: '', password: '', deviceName: navigator.platform ? `${t('sync.connect.deviceDefault')} ${navigator.platform}` : t('sync.connect.deviceDefault') },
  });
  const e = formState.errors;

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void transport
        .connection()
        .catch(() => null)
        .then((c) => {
          if (cancelled) return;
          setConnection(c);
          if (c && transport.choosesServer) setValue('serverUrl', c.serverUrl);
        });
    load();
    window.addEventListener('meja-it:sync-config', load);
    return () => {
      cancelled = true;
      window.removeEventListener('meja-it:sync-config', load);
    };
  }, [transport, setValue]);

  /** `confirmed`: the fingerprint the admin compared and accepted for this attempt. */
  const connect = (confirmed: string | null) =>
    handleSubmit(async (v) => {
      setProblem(null);
      setDone(false);
      try {
        const asked = await checkServer(v.serverUrl.trim(), confirmed, transport);
        if (asked) {
          setQuestion(asked);
          setChecked(false);
          return;
        }
        setQuestion(null);
        if (mode === 'join') await joinOffice(db, v, transport);
        else await connectDevice(db, v, transport);
        setValue('password', '');
        setDone(true);
      } catch (err) {
        setValue('password', '');
        setProblem(connectProblem(err));
      }
    });

  return (
    <form onSubmit={connect(null)} noValidate aria-label={t(mode === 'join' ? 'sync.join.title' : 'sync.connect.title')}>
      {problem && (
        <div className="banner banner-error" role="alert">
          {t(problem.key, problem.params)}
        </div>
      )}
      {mode === 'connect' && !done && <RestoredConnectHint />}
      {done && mode === 'connect' && (
        <div className="banner banner-ok" role="status">
          {t('sync.connect.done')}
        </div>
      )}
      {connection && !question && mode === 'connect' && (
        <p className="hint" data-testid="sync-connection">
          {t('sync.connect.connectedTo', { server: connection.serverUrl })}
          {connection.fingerprint && (
            <>
              {' '}
              {t('sync.connect.pinnedCertificate', { fingerprint: connection.fingerprint })}
            </>
          )}
        </p>
      )}
      {question && <PinPanel question={question} mayPin={mayPin} checked={checked} onCheck={setChecked} onCancel={() => setQuestion(null)} onTrust={connect(question.fingerprint)} busy={formState.isSubmitting} />}
      <div className="grid-2">
        {transport.choosesServer && (
          <Field label={t('sync.connect.serverUrl')} htmlFor={`${mode}-url`} error={e.serverUrl?.message} hint={t('sync.connect.serverUrlHintDesktop')}>
            <input
              id={`${mode}-url`}
              {...register('serverUrl', { validate: (u) => (u.trim() === '' ? 'sync.errors.urlRequired' : checkServerUrl(u)) })}
              placeholder="https://192.168.1.10:4780"
              spellCheck={false}
            />
          </Field>
        )}
        <Field label={t('sync.connect.deviceName')} htmlFor={`${mode}-device`} error={e.deviceName?.message}>
          <input id={`${mode}-device`} {...register('deviceName', { required: 'sync.errors.deviceName' })} />
        </Field>
        <Field label={t('users.username')} htmlFor={`${mode}-username`} error={e.username?.message}>
          <input id={`${mode}-username`} {...register('username', { required: 'sync.errors.username' })} autoComplete="username" />
        </Field>
        <Field label={t('users.password')} htmlFor={`${mode}-password`} error={e.password?.message}>
          <input id={`${mode}-password`} type="password" {...register('password', { required: 'sync.errors.password' })} autoComplete="current-password" />
        </Field>
      </div>
      {!question && (
        <FormActions submitLabel={t(mode === 'join' ? 'sync.join.submit' : 'sync.connect.submit')} busyLabel={t('sync.connect.connecting')} busy={formState.isSubmitting} />
      )}
    </form>
  );
}

/** The certificate question: first contact (compare and trust) or a changed certificate (refused; an admin may re-pin). */
function PinPanel(props: { question: PinQuestion; mayPin: boolean; checked: boolean; onCheck: (v: boolean) => void; onCancel: () => void; onTrust: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const { question } = props;
  const changed = question.tls === 'changed';
  return (
    <div className={`banner ${changed ? 'banner-error' : 'banner-info'}`} role={changed ? 'alert' : 'group'} aria-label={t(changed ? 'sync.pin.changedTitle' : 'sync.pin.title')} data-testid="pin-panel">
      <h3>{t(changed ? 'sync.pin.changedTitle' : 'sync.pin.title')}</h3>
      <p>{t(changed ? 'sync.pin.changedIntro' : 'sync.pin.intro')}</p>
      {changed && (
        <p>
          {t('sync.pin.pinned')}: <code className="fingerprint" data-testid="pinned-fingerprint">{question.pinned}</code>
        </p>
      )}
      <p>
        {t(changed ? 'sync.pin.current' : 'sync.pin.fingerprint')}: <code className="fingerprint" data-testid="server-fingerprint">{question.fingerprint}</code>
      </p>
      {props.mayPin ? (
        <>
          <label className="check">
            <input type="checkbox" checked={props.checked} onChange={(ev) => props.onCheck(ev.target.checked)} /> {t(changed ? 'sync.pin.repinConfirm' : 'sync.pin.confirm')}
          </label>
          <div className="form-actions">
            <button type="button" className="btn" onClick={props.onCancel}>
              {t('sync.pin.cancel')}
            </button>
            <button type="button" className={`btn ${changed ? 'btn-danger' : 'btn-primary'}`} disabled={!props.checked || props.busy} onClick={props.onTrust}>
              {t(changed ? 'sync.pin.repin' : 'sync.pin.trust')}
            </button>
          </div>
        </>
      ) : (
        <p>{t('sync.pin.adminOnly')}</p>
      )}
    </div>
  );
}
