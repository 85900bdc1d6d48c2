/** What the sync client is doing, for the status shown in the top bar. */
import { create } from 'zustand';

export type SyncPhase = 'not-connected' | 'idle' | 'syncing' | 'offline' | 'update-required' | 'signed-out' | 'certificate-changed' | 'error';

interface SyncStore {
  phase: SyncPhase;
  lastSyncedAt?: string;
  /** i18n key of the last problem, if any. */
  problem?: string;
  set(patch: Partial<Omit<SyncStore, 'set'>>): void;
}

export const useSyncStore = create<SyncStore>((set) => ({
  phase: 'not-connected',
  set: (patch) => set(patch),
}));
