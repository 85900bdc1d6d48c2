/**
 * Persistent storage: a browser may clear a site's IndexedDB under disk pressure unless the site
 * was granted persistent storage. The console asks once per browser profile
 * (`navigator.storage.persist()`, no prompt in Chromium: the browser decides by its own rules),
 * remembers that it asked, and shows the answer in Settings; when the browser refused, an admin
 * sees a one-time notice. Browser APIs are injectable for tests.
 */
import { create } from 'zustand';

export type PersistState = 'granted' | 'refused' | 'unsupported' | 'unknown';

export interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}
type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage: when the console asked (ISO time), and that the refusal notice was dismissed. */
export const PERSIST_ASKED_KEY = 'meja-it.storage.persist-asked';
export const PERSIST_NOTICE_KEY = 'meja-it.storage.persist-notice-dismissed';

const defaultStorage = (): StorageManagerLike | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);
const defaultKv = (): KeyValue | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
};

/**
 * Asks for persistent storage the first time (only), and reports the state: 'granted' when the
 * origin's storage is persistent, 'refused' when the browser said no (now or when first asked),
 * 'unsupported' without the API (or outside a secure context).
 */
export async function ensurePersistentStorage(storage = defaultStorage(), kv = defaultKv(), now = new Date()): Promise<PersistState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    if (kv?.getItem(PERSIST_ASKED_KEY)) return 'refused';
    const granted = await storage.persist();
    kv?.setItem(PERSIST_ASKED_KEY, now.toISOString());
    return granted ? 'granted' : 'refused';
  } catch {
    return 'unknown';
  }
}

/** Asks again (the admin's button in Settings). */
export async function askPersistentStorageAgain(storage = defaultStorage()): Promise<PersistState> {
  if (!storage?.persist) return 'unsupported';
  try {
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'unknown';
  }
}

/** Whether the one-time refusal notice is still to be shown. */
export function persistNoticeDue(state: PersistState, kv = defaultKv()): boolean {
  return state === 'refused' && !kv?.getItem(PERSIST_NOTICE_KEY);
}

export function dismissPersistNotice(kv = defaultKv(), now = new Date()): void {
  try {
    kv?.setItem(PERSIST_NOTICE_KEY, now.toISOString());
  } catch {
    // Storage blocked: the notice comes back next time, which is harmless.
  }
}

interface PersistStore {
  state: PersistState;
  noticeDue: boolean;
  set(state: PersistState): void;
  dismiss(): void;
}

export const usePersistStore = create<PersistStore>((set) => ({
  state: 'unknown',
  noticeDue: false,
  set: (state) => set({ state, noticeDue: persistNoticeDue(state) }),
  dismiss: () => {
    dismissPersistNotice();
    set({ noticeDue: false });
  },
}));
