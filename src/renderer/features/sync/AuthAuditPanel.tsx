/**
 * Settings → the server's auth audit log (GET /api/audit, docs/sync.md "Auth audit log"):
 * sign-ins and failures, throttled attempts, device enrolments and key registrations, key
 * mismatches, bootstrap and revocations, newest first, a page at a time. Admins only (the
 * server also refuses anyone else: 403).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthAuditEntry } from '@shared/sync/protocol';
import { db } from '@renderer/store';
import { SyncError } from '@renderer/sync/api';
import { syncSession } from '@renderer/sync/sync-client';
import { platform } from '@renderer/platform';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { useSessionStore } from '@renderer/app/session-store';

const PAGE = 50;

export function AuthAuditPanel() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const isAdmin = useSessionStore((s) => !!s.user?.roles.includes('admin'));
  const [entries, setEntries] = useState<AuthAuditEntry[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    // Reload when this device connects (or reconnects) to a server.
    const reload = () => setVersion((v) => v + 1);
    window.addEventListener('meja-it:sync-config', reload);
    return () => window.removeEventListener('meja-it:sync-config', reload);
  }, []);

  useEffect(() => {
    if (!isAdmin) return;
    let cancelled = false;
    void (async () => {
      const session = await syncSession(db, platform.sync);
      if (!session) return { entries: null, next: null, problem: null };
      try {
        const page = await session.transport.audit({ limit: PAGE });
        return { entries: page.entries, next: page.next, problem: null };
      } catch (e) {
        return { entries: null, next: null, problem: e instanceof SyncError ? e.messageKey : 'sync.errors.server' };
      }
    })().then((r) => {
      if (cancelled) return;
      setEntries(r.entries);
      setNext(r.next);
      setProblem(r.problem);
    });
    return () => {
      cancelled = true;
    };
  }, [isAdmin, version]);

  const older = async () => {
    const session = await syncSession(db, platform.sync);
    if (!session || next === null) return;
    setBusy(true);
    try {
      const page = await session.transport.audit({ before: next, limit: PAGE });
      setEntries((list) => [...(list ?? []), ...page.entries]);
      setNext(page.next);
    } catch (e) {
      setProblem(e instanceof SyncError ? e.messageKey : 'sync.errors.server');
    } finally {
      setBusy(false);
    }
  };

  if (!isAdmin || (!entries && !problem)) return null;
  return (
    <section className="card" aria-labelledby="auth-audit-title">
      <h2 id="auth-audit-title">{t('sync.audit.title')}</h2>
      <p className="hint">{t('sync.audit.intro')}</p>
      {problem && (
        <div className="banner banner-error" role="alert">
          {t(problem)}
        </div>
      )}
      {entries && entries.length === 0 && <p className="hint">{t('sync.audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="table" data-testid="auth-audit">
          <thead>
            <tr>
              <th>{t('sync.audit.time')}</th>
              <th>{t('sync.audit.event')}</th>
              <th>{t('sync.audit.user')}</th>
              <th>{t('sync.audit.device')}</th>
              <th>{t('sync.audit.address')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-event={e.event}>
                <td className="mono">{fmt(e.at)}</td>
                <td title={e.detail ?? undefined}>{t(`sync.audit.events.${e.event}`, { defaultValue: e.event })}</td>
                <td>{(e.userId && names.get(e.userId)) || e.username || '—'}</td>
                <td title={e.deviceId ?? undefined}>{e.deviceName ?? e.deviceId?.slice(0, 8) ?? '—'}</td>
                <td className="mono">{e.address ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <div className="form-actions">
          <button type="button" className="btn btn-small" disabled={busy} onClick={older}>
            {t('sync.audit.older')}
          </button>
        </div>
      )}
    </section>
  );
}
