/**
 * Chooses what the console shows: first-run setup, sign-in, the lock screen, a password change
 * the user must make, or the shell. The screens before the shell are the features' (`entry` in
 * their feature.tsx), as are the pieces mounted in the background (idle lock, desk backups).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../store';
import { platform } from '../platform';
import { currentKey } from '@shared/signing';
import { useOrg } from './hooks';
import { useSessionStore } from './session-store';
import { restoreSession, startSessionPersistence } from './session-persist';
import { prefetchScreens } from './lazy-screen';
import { entryScreen } from './features';
import { Slot } from './Slot';
import { catalogsComplete, loadAllLanguages } from '../i18n';
import { rememberEntry } from '../entry/handoff';
import { TakeOverEntry } from '../entry/TakeOverEntry';

/** The screens before the shell, as the features declare them (`entry`). */
const missing = () => null;
const SetupScreen = entryScreen('setup') ?? missing;
const SignInScreen = entryScreen('signIn') ?? missing;
const ChangePasswordScreen = entryScreen('changePassword') ?? missing;
/** The shell (navigation, top bar, every screen after sign-in): fetched once the first screen is up. */
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

export function App() {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const locked = useSessionStore((s) => s.locked);
  // A reload within the idle-lock time keeps the session (session-vault.ts): restored once the
  // office is known, before the sign-in screen is shown.
  const [restored, setRestored] = useState(false);
  // Once the first screen is live (the prerendered copy, if any, handed over): the texts of the
  // screens after sign-in (i18n/index.ts), the shell, the sync loop and the background pieces —
  // none of them competes with the first screen's own fetches.
  const [live, setLive] = useState(false);
  const [complete, setComplete] = useState(false);
  // In a task of its own: the live screen is painted before anything else is fetched or parsed.
  const onLive = useCallback(() => void setTimeout(() => setLive(true), 0), []);
  useEffect(() => {
    if (!live) return;
    // Never held up for good: if those texts cannot be fetched now, the shell opens without them
    // (a key shows where a text is missing) and the background prefetch tries them again; screens
    // re-render when they arrive.
    void catalogsComplete()
      .catch(() => undefined)
      .then(() => setComplete(true));
    void loadShell();
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('../sync/sync-client').then((m) => {
      if (!cancelled) stop = m.startSync(db, platform.sync);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [live]);
  useEffect(() => startSessionPersistence(), []);
  useEffect(() => {
    if (!org || restored) return;
    void restoreSession()
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, [org, restored]);
  // Which screen index.html should show at the next load, before the app has loaded (entry/handoff.ts).
  useEffect(() => {
    if (org !== undefined) rememberEntry(db.name, org ? { screen: 'signIn', office: `${org.name}${org.unit ? ` — ${org.unit}` : ''}` } : { screen: 'setup' });
  }, [org]);
  // Once the first screen is up, every other screen's chunk (and the other language) in the
  // background: a desk that loses the network later can still open any screen.
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => void prefetchScreens([loadAllLanguages]), 1000);
    return () => clearTimeout(timer);
  }, [live]);
  // Keep the session's copy of the user current: role changes apply at once, and a user
  // deactivated elsewhere (or by sync) is signed out.
  const userId = user?.id;
  const fresh = useLiveQuery(async () => (userId ? { id: userId, row: await db.users.get(userId) } : null), [userId]);
  useEffect(() => {
    // A live query keeps its previous result until the new one resolves: check it is this user's.
    if (!user || !fresh || fresh.id !== user.id) return;
    const session = useSessionStore.getState();
    if (!fresh.row || !fresh.row.active) session.signOut();
    else if (fresh.row.updatedAt !== user.updatedAt) {
      session.signIn(fresh.row, { keepLock: true });
      // The password (and so the key) was changed on another console: ask for the new one.
      const current = currentKey(fresh.row.keys)?.keyId;
      if (session.key && current !== session.key.keyId && current !== session.pendingKeyId) session.lock();
    }
  }, [fresh, user]);

  const loading = <div className="center-screen muted">{t('common.loading')}</div>;
  let screen: ReactNode;
  const deciding = org === undefined || (org !== null && !restored);
  if (deciding) screen = loading;
  else if (org === null) screen = <SetupScreen />;
  else if (!user) screen = <SignInScreen />;
  else if (locked) screen = <SignInScreen lockedUsername={user.username} />;
  else if (user.mustChangePassword) screen = <ChangePasswordScreen forced />;
  else screen = complete ? <Shell /> : loading;
  return (
    <>
      {live && <Slot name="background" props={{}} />}
      <Suspense fallback={loading}>
        {screen}
        {!deciding && <TakeOverEntry onLive={onLive} />}
      </Suspense>
    </>
  );
}
