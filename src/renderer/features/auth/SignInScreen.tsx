/**
 * Sign-in against the users kept on this device; also the lock screen for the signed-in user.
 * Failed attempts are throttled per username on this device (src/shared/auth/throttle.ts),
 * before the user is even looked up, so a name that does not exist answers like one that does.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verifyPassword } from '../../../shared/password';
import type { Failure } from '../../../shared/result';
import type { UserState } from '../../../shared/domain/user/state';
import { waitSeconds } from '../../../shared/auth/throttle';
import { db } from '../../store';
import { clearSignInFailures, noteSignInFailure, signInAllowed } from '../../store/signin-throttle';
import { useSessionStore } from '../../app/session-store';
import { useOrg } from '../../app/hooks';
import { Field, FailureBanner } from '../../components/ui';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** The refusal while a username is throttled, in seconds under a minute, else in minutes. */
function throttled(waitMs: number): Failure {
  const seconds = waitSeconds(waitMs);
  return seconds < 60
    ? { code: 'throttled', message: 'auth.errors.throttledSeconds', params: { count: seconds } }
    : { code: 'throttled', message: 'auth.errors.throttledMinutes', params: { count: Math.ceil(seconds / 60) } };
}

/**
 * One sign-in attempt: the throttle first (before the user is looked up, so a name
 * nobody has is answered like a real one), then the password; a failure is counted, a success
 * forgets earlier failures.
 */
async function attempt(username: string, password: string): Promise<{ user: UserState } | { failure: Failure }> {
  const name = username.trim().toLowerCase();
  const allowed = await signInAllowed(db, name, Date.now());
  if (!allowed.allowed) return { failure: throttled(allowed.waitMs) };
  const user = await db.users.where('username').equals(name).first();
  const ok = user && user.active && (await verifyPassword(password, user.password));
  if (!user || !ok) {
    const next = await noteSignInFailure(db, name, Date.now());
    if (!next.allowed) return { failure: throttled(next.waitMs) };
    return { failure: { code: 'bad-credentials', message: user && !user.active ? 'auth.errors.inactive' : 'auth.errors.badCredentials' } };
  }
  await clearSignInFailures(db, name);
  return { user };
}

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
    const result = await attempt(username, password);
    if ('failure' in result) {
      setValue('password', '');
      return setFailure(result.failure);
    }
    signIn(result.user);
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
