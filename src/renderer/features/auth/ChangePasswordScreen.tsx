/**
 * Changing one's own password. A new password always comes with a new signing key: the change
 * is signed with the old key (which it retires) and the session goes on with the new one. After
 * an admin's reset (`mustChangePassword`) this screen is all the console shows until it is done.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema } from '@shared/domain/user/state';
import { verifyPassword } from '@shared/password';
import type { Failure } from '@shared/result';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { useNoticeStore } from '@renderer/app/notice-store';
import { Field, FailureBanner, PageHeader } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { commit } from '@renderer/store/commit';
import { notifyCommitted } from '@renderer/sync/notify';
import { newCredentials } from './credentials';
import { FormActions } from '@renderer/components/kit/FormActions';

const form = z
  .object({ current: z.string().min(1, 'auth.errors.currentRequired'), next: newPasswordSchema, again: z.string() })
  .refine((v) => v.next === v.again, { message: 'users.errors.passwordMismatch', path: ['again'] })
  .refine((v) => v.next !== v.current, { message: 'auth.errors.samePassword', path: ['next'] });
type Form = z.infer<typeof form>;

export function ChangePasswordScreen({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { user, key, signIn, signOut } = useSessionStore();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setError, reset } = useForm<Form>({ resolver: zodResolver(form), defaultValues: { current: '', next: '', again: '' } });
  const e = formState.errors;
  if (!user) return null;

  const onSubmit = handleSubmit(async (v) => {
    setDone(false);
    if (!(await verifyPassword(v.current, user.password))) return setError('current', { message: 'auth.errors.currentWrong' });
    if (!key) return setFailure({ code: 'no-key', message: 'auth.errors.noKey' });
    const creds = await newCredentials(v.next, user.id);
    useSessionStore.getState().expectKey(creds.key.keyId);
    const r = await commit(db, { actor: actorOf(user), key }, { type: 'user.setPassword', input: { id: user.id, password: creds.password, key: creds.key } });
    if (!r.ok) {
      useSessionStore.getState().expectKey(null);
      return setFailure(r.error);
    }
    notifyCommitted();
    setFailure(null);
    reset();
    setDone(true);
    const fresh = await db.users.get(user.id);
    // The session goes on with the new key; the screen stays with its confirmation (after a
    // forced change the shell replaces it, and the notice says so there).
    if (forced) useNoticeStore.getState().set({ code: 'password-changed', message: 'auth.password.changed' });
    if (fresh) signIn(fresh, { key: creds.signingKey });
  });

  const body = (
    <form className="card signin-card" onSubmit={onSubmit} noValidate aria-labelledby="pw-title">
      {forced && <h1 id="pw-title">{t('auth.password.forcedTitle')}</h1>}
      <p className="subtitle">{forced ? t('auth.password.forcedIntro') : t('auth.password.intro')}</p>
      <FailureBanner failure={failure} />
      {done && (
        <div className="banner banner-ok" role="status">
          {t('auth.password.changed')}
        </div>
      )}
      <Field label={t('auth.password.current')} htmlFor="pw-current" error={e.current?.message}>
        <input id="pw-current" type="password" autoComplete="current-password" autoFocus {...register('current')} />
      </Field>
      <Field label={t('auth.password.next')} htmlFor="pw-next" error={e.next?.message} hint={t('users.passwordHint')}>
        <input id="pw-next" type="password" autoComplete="new-password" {...register('next')} />
      </Field>
      <Field label={t('auth.password.again')} htmlFor="pw-again" error={e.again?.message}>
        <input id="pw-again" type="password" autoComplete="new-password" {...register('again')} />
      </Field>
      <FormActions submitLabel={t('auth.password.submit')} busyLabel={t('auth.checking')} busy={formState.isSubmitting}>
        {forced && (
          <button type="button" className="btn" onClick={signOut}>
            {t('auth.signOut')}
          </button>
        )}
      </FormActions>
    </form>
  );
  if (forced) return <div className="center-screen">{body}</div>;
  return (
    <div>
      <PageHeader id="pw-title" title={t('auth.password.title')} />
      {body}
    </div>
  );
}
