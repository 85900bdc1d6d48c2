/** Hooks shared by the screens: the office profile, the signed-in actor, running commands. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@shared/domain/registry';
import { ORG_ID, type OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import type { Failure } from '@shared/result';
import { formatDateTime, type Lang } from '@shared/office-time';
import { commit } from '../store/commit';
import type { Signer } from '@shared/sync/stamp';
import { db } from '../store';
import { notifyCommitted } from '../sync/notify';
import { actorOf, useSessionStore } from './session-store';

/** The office profile; undefined while loading, null before first-run setup. */
export function useOrg(): OrgState | null | undefined {
  return useLiveQuery(async () => (await db.org.get(ORG_ID)) ?? null, []);
}

/** The current UI language. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}

/** Formats an instant in the office's zone and the UI language. */
export function useFormatDateTime(): (iso?: string) => string {
  const org = useOrg();
  const lang = useLang();
  return useCallback((iso?: string) => formatDateTime(iso, org?.timeZone ?? 'WIB', lang), [org?.timeZone, lang]);
}

/**
 * Runs a command as the signed-in user through commit(). Keeps the last refusal for display;
 * the caller's form keeps what was typed either way.
 */
export function useCommand() {
  const user = useSessionStore((s) => s.user);
  const key = useSessionStore((s) => s.key);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    /** `cosigners`: the other people a step needs present, who typed their own passwords. */
    async (command: Command, opts: { cosigners?: Signer[] } = {}): Promise<boolean> => {
      if (!user) return false;
      if (!key) {
        setFailure({ code: 'no-key', message: 'auth.errors.noKey' });
        return false;
      }
      setBusy(true);
      try {
        const r = await commit(db, { actor: actorOf(user), key, cosigners: opts.cosigners }, command);
        setFailure(r.ok ? null : r.error);
        if (r.ok) notifyCommitted();
        return r.ok;
      } finally {
        setBusy(false);
      }
    },
    [user, key],
  );
  return { run, failure, setFailure, busy };
}

/** Users by id (for escorts, approvers, actors and the NIPs under signatures). */
export function useUsers(): Map<string, UserState> {
  return useLiveQuery(async () => new Map((await db.users.toArray()).map((u) => [u.id, u])), []) ?? new Map();
}

/** A user's display name by id. */
export function useUserNames(): Map<string, string> {
  const users = useUsers();
  return useMemo(() => new Map([...users].map(([id, u]) => [id, u.displayName])), [users]);
}

/** The current time, refreshed every `ms` while the screen is open (live clocks, overstay flags). */
export function useNow(ms = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}
