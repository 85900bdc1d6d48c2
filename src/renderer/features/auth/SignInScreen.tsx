/**
 * Sign-in against the users kept on this device; also the lock screen for the signed-in user
 * (unlocking goes through the same attempt). Failed attempts are throttled per username on this
 * device (src/shared/auth/throttle.ts), before the user is even looked up, and the answer itself
 * (src/shared/auth/signin.ts) costs one PBKDF2 verification and says the same for a name nobody
 * has as for a wrong password; "deactivated" only comes after the right password.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { verifyPassword } from '@shared/password';
import type { Failure } from '@shared/result';
import type { UserState } from '@shared/domain/user/state';
import { waitSeconds } from '@shared/auth/throttle';
import { signInOutcome } from '@shared/auth/signin';
import { db } from '@renderer/store';
import { commit } from '@renderer/store/commit';
import { SyncError } from '@renderer/sync/api';
import { platform } from '@renderer/platform';
import { notifyCommitted } from '@renderer/sync/notify';
import { newUserKey } from '@shared/signing';
import { openSessionKey } from './credentials';
import { sealerFor } from '@renderer/app/session-persist';
import type { SessionKey } from '@renderer/app/session-vault';
import { useNoticeStore } from '@renderer/app/notice-store';
import { clearSignInFailures, noteSignInFailure, signInAllowed } from '@renderer/store/signin-throttle';
import { actorOf, useSessionStore } from '@renderer/app/session-store';
import { useOrg } from '@renderer/app/hooks';
import { Field, FailureBanner } from '@renderer/components/ui';
import { LanguageSwitch } from '@renderer/app/LanguageSwitch';
import { FormActions } from '@renderer/components/kit/FormActions';
import { useEntryValues } from '@renderer/entry/TakeOverEntry';

/** The refusal while a username is throttled, in seconds under a minute, else in minutes. */
function throttled(waitMs: number): Failure {
  const seconds = waitSeconds(waitMs);
  return seconds < 60
    ? { code: 'throttled', message: 'auth.errors.throttledSeconds', params: { count: seconds } }
    : { code: 'throttled', message: 'auth.errors.throttledMinutes', params: { count: Math.ceil(seconds / 60) } };
}

/** A throttle lock as answered: when (`at`, ms since the epoch) and how long it had left. */
type Lock = { at: number; waitMs: number };

/** A refusal: a plain failure, or a throttle lock counted down from when it was answered. */
type Refusal = { failure: Failure } | { lock: Lock };

/**
 * One sign-in attempt: the throttle first (before the user is looked up, so a name
 * nobody has is answered like a real one), then the password (see signInOutcome); a wrong
 * password is counted, a success forgets earlier failures. The right password on a deactivated
 * account is neither counted nor forgotten.
 */
async function attempt(username: string, password: string): Promise<{ user: UserState; key: SessionKey | null; notice?: Failure } | Refusal> {
  const name = username.trim().toLowerCase();
  const allowed = await signInAllowed(db, name, Date.now());
  if (!allowed.allowed) return { lock: { at: Date.now(), waitMs: allowed.waitMs } };
  const user = await db.users.where('username').equals(name).first();
  const outcome = await signInOutcome(user, password, verifyPassword);
  switch (outcome.kind) {
    case 'signed-in': {
      await clearSignInFailures(db, name);
      const user = outcome.user;
      if ((user.keys ?? []).length > 0) {
        const key = await openSessionKey(user, password);
        // A verifier that matches but a key that does not open: the record is damaged.
        if (!key) return { failure: { code: 'key-damaged', message: 'auth.errors.keyDamaged' } };
        return { user, key };
      }
      // A user from before signed events: enrol a key now (see enrolLegacyKey).
      const enrolled = await enrolLegacyKey(user, password);
      return 'key' in enrolled ? { user, key: enrolled.key } : { user, key: null, notice: enrolled.failure };
    }
    case 'inactive':
      return { failure: { code: 'inactive', message: 'auth.errors.inactive' } };
    case 'bad-credentials': {
      const now = Date.now();
      const next = await noteSignInFailure(db, name, now);
      if (!next.allowed) return { lock: { at: now, waitMs: next.waitMs } };
      return { failure: { code: 'bad-credentials', message: 'auth.errors.badCredentials' } };
    }
  }
}

/**
 * Upgrade: a user made before signed events gets their first key at their first sign-in after
 * the upgrade. Anyone could make such an event for a user without a key, so the office's sync
 * server must first hear the password itself (POST /api/auth/key-proof) and will accept only
 * that key; a console that syncs with no server (standalone, or file bundles only) enrols on
 * its own word. Without the server, the user may sign in but not act until they enrol.
 */
async function enrolLegacyKey(user: UserState, password: string): Promise<{ key: SessionKey } | { failure: Failure }> {
  const sealer = sealerFor(user.id);
  const made = await newUserKey(password, undefined, undefined, sealer.keep);
  const sync = await db.sync.get('sync');
  if (sync && (await platform.sync.connection().catch(() => null))) {
    try {
      await platform.sync.keyProof({ username: user.username, password, publicKey: made.material.publicKey });
    } catch (e) {
      return { failure: { code: 'enrol-offline', message: e instanceof SyncError && e.status === 401 ? 'auth.errors.enrolRefused' : 'auth.errors.enrolNeedsServer' } };
    }
  }
  const r = await commit(db, { actor: actorOf(user), key: made.key }, { type: 'user.enrolKey', input: { id: user.id, key: made.material } });
  if (!r.ok) return { failure: r.error };
  notifyCommitted();
  return { key: { ...made.key, sealed: sealer.sealed() } };
}

/**
 * A throttle lock counted down with the clock: the time left, re-rendered each time the shown
 * number of seconds changes, and `null` once the lock is over (or none is set). Computed from
 * the lock's end as first answered (the database is not read again), and never more than the
 * wait first given, should the wall clock go back.
 */
function useLockCountdown(): [left: number | null, setLock: (lock: Lock | null) => void] {
  const [lock, setLock] = useState<Lock | null>(null);
  const [clock, setClock] = useState({ now: 0 });
  const left = lock ? Math.min(lock.waitMs, lock.at + lock.waitMs - Math.max(clock.now, lock.at)) : 0;
  useEffect(() => {
    if (!lock) return;
    const end = lock.at + lock.waitMs;
    const tick = () => {
      const now = Date.now();
      if (end - now <= 0) setLock(null);
      else setClock({ now }); // a new object: re-renders even while a test holds the clock still
    };
    // First when the shown seconds next change, then every second.
    let every: number | undefined;
    const first = window.setTimeout(() => {
      tick();
      every = window.setInterval(tick, 1000);
    }, lock.waitMs % 1000 || 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
    };
  }, [lock]);
  return [lock ? Math.max(left, 1) : null, setLock];
}

interface SignInForm {
  username: string;
  password: string;
}

export function SignInScreen({ lockedUsername }: { lockedUsername?: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const { signIn, signOut } = useSessionStore();
  const setNotice = useNoticeStore((s) => s.set);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [lockLeft, setLock] = useLockCountdown();
  const { register, handleSubmit, formState, setValue } = useForm<SignInForm>({ defaultValues: { username: lockedUsername ?? '', password: '' } });
  // What was typed into the prerendered copy of this screen before the app loaded (entry/handoff.ts); the lock screen has none.
  useEntryValues('signIn', (typed) => {
    if (lockedUsername) return;
    if (typed['username'] !== undefined) setValue('username', typed['username'], { shouldDirty: true });
    if (typed['password'] !== undefined) setValue('password', typed['password'], { shouldDirty: true });
  });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    const result = await attempt(username, password);
    if ('user' in result) {
      if (result.notice) setNotice(result.notice);
      return signIn((await db.users.get(result.user.id)) ?? result.user, { key: result.key ?? undefined });
    }
    setValue('password', '');
    setFailure('failure' in result ? result.failure : null);
    setLock('lock' in result ? result.lock : null);
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
        <FailureBanner failure={lockLeft !== null ? throttled(lockLeft) : failure} />
        <Field label={t('users.username')} htmlFor="username">
          <input id="username" {...register('username', { required: true })} autoComplete="username" readOnly={!!lockedUsername} autoFocus={!lockedUsername} />
        </Field>
        <Field label={t('users.password')} htmlFor="password">
          <input id="password" type="password" {...register('password', { required: true })} autoComplete="current-password" autoFocus={!!lockedUsername} />
        </Field>
        <FormActions submitLabel={lockedUsername ? t('auth.unlock') : t('auth.submit')} busyLabel={t('auth.checking')} busy={formState.isSubmitting}>
          {lockedUsername && (
            <button type="button" className="btn" onClick={signOut}>
              {t('auth.switchUser')}
            </button>
          )}
        </FormActions>
      </form>
    </div>
  );
}
