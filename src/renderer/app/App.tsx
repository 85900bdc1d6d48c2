/** Chooses what the console shows: first-run setup, sign-in, the lock screen, or the shell. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../store';
import { startSync } from '../sync/sync-client';
import { platform } from '../platform';
import { startDeskBackups } from '../features/backup/auto';
import { ensurePersistentStorage, usePersistStore } from '../features/backup/persist';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { currentKey } from '../../shared/signing';
import { useIdleLock } from '../features/auth/use-idle-lock';
import { useOrg } from './hooks';
import { useSessionStore } from './session-store';
import { restoreSession, startSessionPersistence } from './session-persist';
import { Shell } from './Shell';
import { prefetchScreens } from './lazy-screen';
import { loadAllLanguages } from '../i18n';

export function App() {
  const { t } = useTranslation();
  const org = useOrg();
  const user = useSessionStore((s) => s.user);
  const locked = useSessionStore((s) => s.locked);
  useIdleLock(org?.idleLockMinutes);
  // A reload within the idle-lock time keeps the session (session-vault.ts): restored once the
  // office is known, before the sign-in screen is shown.
  const [restored, setRestored] = useState(false);
  useEffect(() => startSessionPersistence(), []);
  useEffect(() => {
    if (!org || restored) return;
    void restoreSession()
      .catch(() => undefined)
      .finally(() => setRestored(true));
  }, [org, restored]);
  useEffect(() => startSync(db, platform.sync), []);
  // Once the first screen is up, every other screen's chunk (and the other language) in the
  // background: a desk that loses the network later can still open any screen.
  useEffect(() => {
    const timer = setTimeout(() => void prefetchScreens([loadAllLanguages]), 1000);
    return () => clearTimeout(timer);
  }, []);
  // Desk backups: main's requests on the desktop; persistent storage asked once per profile.
  useEffect(() => startDeskBackups(db, platform), []);
  useEffect(() => {
    void ensurePersistentStorage().then((state) => usePersistStore.getState().set(state));
  }, []);
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

  if (org === undefined || (org !== null && !restored)) return <div className="center-screen muted">{t('common.loading')}</div>;
  if (org === null) return <SetupScreen />;
  if (!user) return <SignInScreen />;
  if (locked) return <SignInScreen lockedUsername={user.username} />;
  if (user.mustChangePassword) return <ChangePasswordScreen forced />;
  return <Shell />;
}
