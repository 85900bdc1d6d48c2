/** Connects this device to the office's sync server (Settings), or joins an office (first run). */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db } from '../../store';
import { connectDevice, joinOffice } from '../../sync/connect';
import { SyncError } from '../../sync/api';
import { Field } from '../../components/ui';

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
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname) ? true : 'sync.errors.urlInsecure';
}

const defaultUrl = () => (location.protocol.startsWith('http') ? location.origin : '');

export function ConnectServerForm({ mode }: { mode: 'connect' | 'join' }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<{ key: string; params?: Record<string, number> } | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setValue } = useForm<ConnectForm>({
    defaultValues: { serverUrl: defaultUrl(), username: '', password: '', deviceName: navigator.platform ? `${t('sync.connect.deviceDefault')} ${navigator.platform}` : t('sync.connect.deviceDefault') },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setProblem(null);
    try {
      if (mode === 'join') await joinOffice(db, v);
      else await connectDevice(db, v);
      setDone(true);
    } catch (err) {
      setValue('password', '');
      setProblem(connectProblem(err));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(mode === 'join' ? 'sync.join.title' : 'sync.connect.title')}>
      {problem && (
        <div className="banner banner-error" role="alert">
          {t(problem.key, problem.params)}
        </div>
      )}
      {done && mode === 'connect' && (
        <div className="banner banner-ok" role="status">
          {t('sync.connect.done')}
        </div>
      )}
      <div className="grid-2">
        <Field label={t('sync.connect.serverUrl')} htmlFor={`${mode}-url`} error={e.serverUrl?.message} hint={t('sync.connect.serverUrlHint')}>
          <input id={`${mode}-url`} {...register('serverUrl', { validate: checkServerUrl })} placeholder="https://192.168.1.10:4780" />
        </Field>
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
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('sync.connect.connecting') : t(mode === 'join' ? 'sync.join.submit' : 'sync.connect.submit')}
        </button>
      </div>
    </form>
  );
}
