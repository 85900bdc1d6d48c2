/** One ticket: the request, its live SLA clock, the next step for whoever is signed in, comments and the audit trail. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '@renderer/store';
import { assetName } from '@shared/domain/asset/state';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { Empty, PageHeader } from '@renderer/components/ui';
import { PriorityBadge, SlaClock, TicketStatusBadge, slaTargetText, useNow, useOfficeCalendar } from './SlaClock';
import { TicketActions } from './TicketActions';
import './tickets.css';
import { assetByCode } from '@renderer/store/queries/assets';
import { AuditTrail } from '@renderer/components/AuditTrail';

export function TicketDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const now = useNow();
  const cal = useOfficeCalendar();
  const ticket = useLiveQuery(async () => (await db.tickets.get(id)) ?? null, [id]);
  const incident = useLiveQuery(async () => (ticket?.incidentId ? ((await db.incidents.get(ticket.incidentId)) ?? null) : null), [ticket?.incidentId]);
  const asset = useLiveQuery(async () => (ticket?.assetSerial ? ((await assetByCode(db, ticket.assetSerial)) ?? null) : null), [ticket?.assetSerial]);
  if (ticket === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (ticket === null) return <Empty>{t('common.notFound')}</Empty>;
  const name = (uid?: string) => (uid ? (names.get(uid) ?? '—') : '—');

  return (
    <div>
      <PageHeader
        title={ticket.subject}
        subtitle={`${ticket.docNo} · ${t(`ticket.category.${ticket.category}`)}`}
        actions={
          <>
            <PriorityBadge priority={ticket.priority} />
            <TicketStatusBadge status={ticket.status} />
          </>
        }
      />
      {ticket.incidentId && (
        <div className="banner banner-info" role="status" data-testid="incident-link">
          {t('ticket.detail.incident')} <a href={`#/incidents/${ticket.incidentId}`}>{incident ? `${incident.docNo} · ${incident.title}` : ticket.incidentId.slice(-8).toUpperCase()}</a>
        </div>
      )}
      <div className="detail-grid">
        <div>
          <section className="card" aria-labelledby="sla-title">
            <h2 id="sla-title">{t('ticket.detail.sla')}</h2>
            <SlaClock ticket={ticket} now={now} cal={cal} big />
            {ticket.slaMet !== undefined && ticket.status !== 'in_progress' && (
              <p className="hint">{ticket.slaMet ? t('ticket.detail.resolvedInTime') : t('ticket.detail.resolvedLate')}</p>
            )}
          </section>
          <section className="card">
            <h2>{t('ticket.detail.request')}</h2>
            <dl className="dl">
              <dt>{t('ticket.fields.requester')}</dt>
              <dd>
                {ticket.requesterEmployeeId ? <a href={`#/employees/${ticket.requesterEmployeeId}`}>{ticket.requester.name}</a> : ticket.requester.name}
                {ticket.requester.nip && <span className="mono small"> · NIP {ticket.requester.nip}</span>}
              </dd>
              <dt>{t('ticket.fields.requesterDepartment')}</dt>
              <dd>{ticket.requester.department}</dd>
              <dt>{t('ticket.fields.requesterContact')}</dt>
              <dd>{ticket.requester.contact}</dd>
              <dt>{t('ticket.fields.channel')}</dt>
              <dd>{t(`ticket.channel.${ticket.channel}`)}</dd>
              <dt>{t('ticket.fields.receivedAtShort')}</dt>
              <dd>
                {fmt(ticket.receivedAt)} · {t('ticket.detail.recordedBy', { name: name(ticket.recordedBy) })}
              </dd>
              <dt>{t('ticket.detail.assetSerial')}</dt>
              <dd>
                {!ticket.assetSerial ? (
                  '—'
                ) : asset ? (
                  <a href={`#/assets/${asset.id}`}>
                    <span className="mono">{ticket.assetSerial}</span> · {asset.tag} · {assetName(asset)}
                  </a>
                ) : (
                  <>
                    <span className="mono">{ticket.assetSerial}</span> <span className="muted small">{t('ticket.detail.assetNotInInventory')}</span>
                  </>
                )}
              </dd>
              <dt>{t('ticket.fields.priority')}</dt>
              <dd>
                {t(`ticket.priority.${ticket.priority}`)} · {slaTargetText(t, ticket.sla)}
              </dd>
              <dt>{t('ticket.fields.description')}</dt>
              <dd className="pre">{ticket.description}</dd>
              <dt>{t('ticket.fields.assignee')}</dt>
              <dd>{ticket.assigneeId ? name(ticket.assigneeId) : t('ticket.queue.unassigned')}</dd>
              {ticket.resolution && (
                <>
                  <dt>{t('ticket.fields.resolution')}</dt>
                  <dd>
                    <div className="pre">{ticket.resolution}</div>
                    <span className="muted small">
                      {name(ticket.resolvedBy)} · {fmt(ticket.resolvedAt)}
                    </span>
                  </dd>
                </>
              )}
              {ticket.confirmation && (
                <>
                  <dt>{t('ticket.fields.confirmation')}</dt>
                  <dd>
                    {t('ticket.detail.confirmedText', { who: ticket.confirmation.confirmedBy, method: t(`ticket.method.${ticket.confirmation.method}`), by: name(ticket.confirmation.by) })} · {fmt(ticket.confirmation.at)}
                    {ticket.confirmation.note && <div className="pre">{ticket.confirmation.note}</div>}
                  </dd>
                </>
              )}
            </dl>
          </section>
          {ticket.comments.length > 0 && (
            <section className="card">
              <h2>{t('ticket.detail.comments')}</h2>
              <ul className="notes">
                {ticket.comments.map((n, i) => (
                  <li key={i} className={n.reopened ? 'correction' : undefined}>
                    <span className="muted">
                      {n.reopened && `${t('ticket.detail.notConfirmed')} · `}
                      {fmt(n.at)} · {name(n.by)}
                    </span>
                    <div className="pre">{n.text}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div>
          {/* Keyed: each ticket's panels start from its own values, not the last ticket's. */}
          <TicketActions key={ticket.id} ticket={ticket} />
          <AuditTrail kind="ticket" id={ticket.id} title={t('ticket.detail.history')} />
        </div>
      </div>
    </div>
  );
}
