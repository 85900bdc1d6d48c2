/**
 * A record's audit trail: every event folded into it, oldest first, with who and when, who
 * signed it (and countersigned it), and events from before signing marked "sebelum
 * penandatanganan"; refused ones marked with the reason.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@shared/events';
import { db } from '../store';
import { useFormatDateTime, useUserNames } from '../app/hooks';
import { HistoryNotice } from '../sync/HistoryNotice';

export function AuditTrail({ kind, id, title, detail }: { kind: RecordKind; id: string; title: string; detail?: (payload: Record<string, unknown>, type: string) => string | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const users = useUserNames();
  const events = useLiveQuery(() => db.events.where('[kind+recordId]').equals([kind, id]).sortBy('hlc'), [kind, id]) ?? [];
  return (
    <section className="card">
      <h2>{title}</h2>
      <HistoryNotice kind={kind} id={id} />
      <ol className="timeline" data-testid="audit-trail">
        {events.map((ev) => {
          const more = detail?.(ev.payload as Record<string, unknown>, ev.type);
          return (
            <li key={ev.id}>
              <div>
                {/* A refused visit step is an attempt, not a fact ("Penolakan kunjungan", not "Ditolak, identitas dikembalikan"). */}
                {ev.status === 'rejected' && ev.kind === 'visit' ? t(`desk.attempt.${ev.type}`) : t(`events.${ev.type}`)}
                {ev.status === 'rejected' && <span className="tag tag-warn">{t('desk.conflict.notApplied')}: {t(ev.reason ?? 'sync.errors.rejected', { field: ev.reasonField ?? '—' })}</span>}
              </div>
              {more && <div className="small">{more}</div>}
              <div className="muted small">
                {fmt(ev.at)} · {users.get(ev.actorId) ?? '—'} ·{' '}
                <span data-testid="signature">
                  {ev.sig
                    ? `${t('audit.signedBy', { name: users.get(ev.sig.by) ?? '—' })}${ev.cosigs?.length ? ` ${t('audit.cosignedBy', { names: ev.cosigs.map((c) => users.get(c.by) ?? '—').join(', ') })}` : ''}`
                    : t('audit.unsigned')}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
