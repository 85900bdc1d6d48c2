/**
 * The conflict inbox: events the server refused. Nothing is dropped silently, and each conflict
 * says who acted first and when, what became of the refused action, where the record stands
 * now, and what (if anything) to do (explain.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { DomainEvent } from '@shared/events';
import { db } from '@renderer/store';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { Empty, PageHeader } from '@renderer/components/ui';
import { explainConflict, type Line } from './explain';
import { linkOf, loadRecordStates, type RecordStates } from './record-label';

const NONE: RecordStates = {};
const NO_EVENTS: Map<string, DomainEvent[]> = new Map();

/** Every event of the records some refused events name, by "kind:id". */
async function loadRecordEvents(rows: readonly DomainEvent[]): Promise<Map<string, DomainEvent[]>> {
  const out = new Map<string, DomainEvent[]>();
  const keys = [...new Set(rows.map((e) => `${e.kind}\u0000${e.recordId}`))].map((k) => k.split('\u0000') as [string, string]);
  const lists = await Promise.all(keys.map((k) => db.events.where('[kind+recordId]').equals(k).toArray()));
  keys.forEach(([kind, id], i) => out.set(`${kind}:${id}`, lists[i]!));
  return out;
}

export function ConflictsScreen() {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const rows = useLiveQuery(() => db.events.where('status').equals('rejected').reverse().sortBy('hlc'), []) ?? [];
  const states = useLiveQuery(() => loadRecordStates(db, rows), [rows]) ?? NONE;
  const recordEvents = useLiveQuery(() => loadRecordEvents(rows), [rows]) ?? NO_EVENTS;
  // Params named `what` and `status` are catalog keys themselves.
  const say = (l: Line) => t(l.key, { ...l.params, ...(l.params?.what ? { what: t(l.params.what) } : {}), ...(l.params?.status ? { status: t(l.params.status) } : {}) });
  return (
    <div>
      <PageHeader title={t('sync.inbox.title')} subtitle={t('sync.inbox.subtitle')} />
      <section className="card">
        {rows.length === 0 ? (
          <Empty>{t('sync.inbox.none')}</Empty>
        ) : (
          <table className="table" data-testid="conflicts">
            <thead>
              <tr>
                <th>{t('sync.inbox.when')}</th>
                <th>{t('sync.inbox.what')}</th>
                <th>{t('sync.inbox.record')}</th>
                <th>{t('sync.inbox.who')}</th>
                <th>{t('desk.conflict.explain')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const link = linkOf(states, e);
                const state = (states[e.kind] as Map<string, unknown> | undefined)?.get(e.recordId);
                const x = explainConflict(e, recordEvents.get(`${e.kind}:${e.recordId}`) ?? [], state, names, fmt);
                return (
                  <tr key={e.id} data-testid={`conflict-${e.id}`}>
                    <td>{fmt(e.at)}</td>
                    <td>
                      <div>{t(x.attempt.key)}</div>
                      <span className="tag tag-warn">{t('desk.conflict.notApplied')}</span>
                    </td>
                    <td data-testid="conflict-record">{link.href ? <a href={link.href}>{link.label}</a> : link.label}</td>
                    <td>{names.get(e.actorId) ?? '—'}</td>
                    <td>
                      <dl className="conflict-explain">
                        <dt>{t('desk.conflict.fateLabel')}</dt>
                        <dd data-testid="conflict-fate">{say(x.fate)}</dd>
                        {x.now && (
                          <>
                            <dt>{t('desk.conflict.nowLabel')}</dt>
                            <dd data-testid="conflict-now">{say(x.now)}</dd>
                          </>
                        )}
                        <dt>{t('desk.conflict.adviceLabel')}</dt>
                        <dd data-testid="conflict-advice">{say(x.advice)}</dd>
                      </dl>
                      <div className="small muted">{t('desk.conflict.serverReason', { reason: t(e.reason ?? 'sync.errors.rejected', { field: e.reasonField ?? '—' }) })}</div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
