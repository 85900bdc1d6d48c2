/**
 * Mounted while the console runs (slot `background`): desk backups on main's requests on the
 * desktop, and persistent storage asked for once per browser profile.
 */
import { useEffect } from 'react';
import { platform } from '@renderer/platform';
import { db } from '@renderer/store';
import { startDeskBackups } from './auto';
import { ensurePersistentStorage, usePersistStore } from './persist';

export function StartDeskBackups() {
  useEffect(() => startDeskBackups(db, platform), []);
  useEffect(() => {
    void ensurePersistentStorage().then((state) => usePersistStore.getState().set(state));
  }, []);
  return null;
}
