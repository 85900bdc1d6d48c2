/**
 * Drafts of long forms (visit registration, access request, incident report), kept while the
 * user works so that leaving the screen loses nothing: in localStorage, keyed by the console's
 * database, the user and the form. A draft is cleared when its form is submitted or discarded,
 * and every draft of a user when they sign out. Not a record: it never goes through commit().
 */
import { useEffect, useRef, useState } from 'react';
import { db } from '../store';
import { useSessionStore } from './session-store';

const PREFIX = 'meja-it.draft';

export interface Draft<T> {
  savedAt: string;
  values: T;
  /** What the form keeps outside its fields (the ticked systems, the attached files' references). */
  extra?: unknown;
}

/** The storage key of one form's draft for one user on one console database. */
export function draftKey(dbName: string, userId: string, form: string): string {
  return `${PREFIX}:${dbName}:${userId}:${form}`;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft<T>(key: string): Draft<T> | undefined {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d === 'object' && 'values' in d ? d : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft<T>(key: string, values: T, now = new Date(), extra?: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values, ...(extra === undefined ? {} : { extra }) } satisfies Draft<T>));
  } catch {
    // Storage full or refused: the form still works, only without a draft.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Clears every draft of this user on this console database (at sign-out). */
export function clearUserDrafts(userId: string, dbName = db.name): void {
  const s = storage();
  if (!s) return;
  const mine = `${PREFIX}:${dbName}:${userId}:`;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(mine)) keys.push(k);
  }
  for (const k of keys) s.removeItem(k);
}

/**
 * A form's draft for the signed-in user: `restored` is the draft found when the form opened
 * (the caller puts its values into the form), `save` keeps the values and the form's `extra`
 * (debounced), `clear` drops the draft (after submit, or when the user discards it).
 */
export function useDraft<T>(form: string): { restored: Draft<T> | undefined; save: (values: T, extra?: unknown) => void; clear: () => void } {
  const userId = useSessionStore((s) => s.user?.id ?? '');
  const key = draftKey(db.name, userId, form);
  const [restored] = useState(() => (userId ? loadDraft<T>(key) : undefined));
  const timer = useRef<number | undefined>(undefined);
  /** Values typed but not written yet: written at once when the form closes. */
  const pending = useRef<{ key: string; values: T; extra?: unknown } | undefined>(undefined);
  const flush = () => {
    window.clearTimeout(timer.current);
    if (pending.current) saveDraft(pending.current.key, pending.current.values, new Date(), pending.current.extra);
    pending.current = undefined;
  };
  useEffect(() => flush, []);
  return {
    restored,
    save: (values: T, extra?: unknown) => {
      if (!userId) return;
      // A copy now: react-hook-form hands the watch callback its own live values object, which
      // it empties as the form unmounts — before the pending draft is written.
      pending.current = { key, values: JSON.parse(JSON.stringify(values)) as T, ...(extra === undefined ? {} : { extra: JSON.parse(JSON.stringify(extra)) as unknown }) };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, 300);
    },
    clear: () => {
      pending.current = undefined;
      window.clearTimeout(timer.current);
      clearDraft(key);
    },
  };
}
