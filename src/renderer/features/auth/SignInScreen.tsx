/** Sign-in against the users kept on this device; also the lock screen for the signed-in user. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verifyPassword } from '../../../shared/password';
import type { Failure } from '../../../shared/result';
import { db } from '../../store';
import { useSessionStore } from '../../app/session-store';
import { useOrg } from '../../app/hooks';
import { Field, FailureBanner } from '../../components/ui';
import { LanguageSwitch } from '../../app/LanguageSwitch';

interface SignInForm {
  username: string;
  password: string;
}

export function SignInScreen({ lockedUsername }: { lockedUsername?: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const { signIn, signOut } = useSessionStore();
  const [failure, setFailure] = useState<Failure | null>(null);
  const { register, handleSubmit, formState, setValue } = useForm<SignInForm>({ defaultValues: { username: lockedUsername ?? '', password: '' } });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    const user = await db.users.where('username').equals(username.trim().toLowerCase()).first();
    const ok = user && user.active && (await verifyPassword(password, user.password));
    if (!user || !ok) {
      setValue('password', '');
      return setFailure({ code: 'bad-credentials', message: user && !user.active ? 'auth.errors.inactive' : 'auth.errors.badCredentials' });
    }
    signIn(user);
  });

  return (
    <div className="center-screen">
      <form className="card signin-card" onSubmit={onSubmit} noValidate aria-labelledby="signin-title">
        <div className="card-top">
          <div>
            <div className="brand-small">Meja IT</div>
            <h1 id="signin-title">{lockedUsername ? t('auth.lockedTitle') : t('auth.title')}</h1>
            <p className="subtitle">{org ? `${org.name}${org.unit ? ` — ${org.unit}` : ''}` : ''}</p>
          </div>
          <LanguageSwitch />
        </div>
        <FailureBanner failure={failure} />
        <Field label={t('users.username')} htmlFor="username">
          <input id="username" {...register('username', { required: true })} autoComplete="username" readOnly={!!lockedUsername} autoFocus={!lockedUsername} />
        </Field>
        <Field label={t('users.password')} htmlFor="password">
          <input id="password" type="password" {...register('password', { required: true })} autoComplete="current-password" autoFocus={!!lockedUsername} />
        </Field>
        <div className="form-actions">
          {lockedUsername && (
            <button type="button" className="btn" onClick={signOut}>
              {t('auth.switchUser')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('auth.checking') : lockedUsername ? t('auth.unlock') : t('auth.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
