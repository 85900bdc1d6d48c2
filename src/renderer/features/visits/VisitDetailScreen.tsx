/** One visit: its form, its state, the next step for whoever is signed in, and its audit trail. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isOverstay, minutesInside } from '@shared/domain/visit/state';
import { maskIdNumber } from '@shared/validators/nik';
import { db } from '@renderer/store';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { Empty, PageHeader, StatusBadge } from '@renderer/components/ui';
import { VisitActions } from './VisitActions';
import { AuditTrail } from '@renderer/components/AuditTrail';

export function VisitDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const visit = useLiveQuery(async () => (await db.visits.get(id)) ?? null, [id]);
  if (visit === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (visit === null) return <Empty>{t('common.notFound')}</Empty>;
  const name = (uid?: string) => (uid ? (names.get(uid) ?? '—') : '—');
  const outcomeOf = (deviceId: string) => visit.deviceOutcomes?.find((o) => o.deviceId === deviceId);
  const overstay = isOverstay(visit, new Date());

  return (
    <div>
      <PageHeader
        title={visit.visitorName}
        subtitle={`${visit.docNo} · ${visit.organisation}`}
        actions={
          <>
            <StatusBadge status={visit.status} />
            {overstay && <span className="status status-overstay">{t('visit.board.overstay')}</span>}
            <button type="button" className="btn" onClick={() => navigate(`/print/visit/${visit.id}`)}>
              {t('print.printForm')}
            </button>
          </>
        }
      />
      {visit.status === 'archived' && (
        <div className="banner banner-info" role="status">
          {t('visit.detail.archivedNote')}
        </div>
      )}
      <div className="detail-grid">
        <div>
          <section className="card">
            <h2>{t('visit.detail.visitor')}</h2>
            <dl className="dl">
              <dt>{t('visit.fields.idType')}</dt>
              <dd>
                {t(`visit.idTypes.${visit.idType}`)} · <span className="mono">{maskIdNumber(visit.idNumber)}</span>
                {visit.idHeld && <span className="tag tag-warn">{t('visit.detail.idHeld')}</span>}
              </dd>
              <dt>{t('visit.fields.phone')}</dt>
              <dd>{visit.phone}</dd>
              <dt>{t('visit.fields.purpose')}</dt>
              <dd>{visit.purpose}</dd>
              <dt>{t('visit.fields.workPlan')}</dt>
              <dd className="pre">{visit.workPlan}</dd>
              <dt>{t('visit.fields.plannedMinutes')}</dt>
              <dd>{t('common.durationMinutes', { count: visit.plannedMinutes, hours: Math.floor(visit.plannedMinutes / 60), minutes: visit.plannedMinutes % 60 })}</dd>
              <dt>{t('visit.fields.registeredBy')}</dt>
              <dd>
                {name(visit.registeredBy)} · {fmt(visit.registeredAt)}
              </dd>
              <dt>{t('visit.fields.decision')}</dt>
              <dd>
                {visit.decision
                  ? `${visit.decision.approved ? t('visit.detail.approvedBy') : t('visit.detail.refusedBy')} ${name(visit.decision.by)} · ${fmt(visit.decision.at)}${visit.decision.reason ? ` — ${visit.decision.reason}` : ''}`
                  : '—'}
              </dd>
              <dt>{t('visit.fields.badge')}</dt>
              <dd>
                {visit.badge ?? '—'}
                {visit.badgeOut && <span className="tag tag-warn">{t('visit.detail.badgeOut')}</span>}
              </dd>
              <dt>{t('visit.fields.escort')}</dt>
              <dd>{name(visit.escortId)}</dd>
              <dt>{t('visit.fields.enteredAt')}</dt>
              <dd>{fmt(visit.enteredAt)}</dd>
              <dt>{t('visit.fields.exitedAt')}</dt>
              <dd>
                {visit.enteredAt && !visit.exitedAt
                  ? t('desk.stillInside', { count: minutesInside(visit, new Date()) })
                  : (
                    <>
                      {fmt(visit.exitedAt)}
                      {visit.enteredAt && ` (${t('visit.detail.minutesInside', { count: minutesInside(visit, new Date()) })})`}
                    </>
                  )}
              </dd>
              {visit.outcome && (
                <>
                  <dt>{t('visit.fields.outcome')}</dt>
                  <dd>{visit.outcome}</dd>
                </>
              )}
              {visit.cancelReason && (
                <>
                  <dt>{t('visit.fields.cancelReason')}</dt>
                  <dd>{visit.cancelReason}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="card">
            <h2>{t('visit.register.devicesSection')}</h2>
            {visit.devices.length === 0 ? (
              <p className="muted">{t('visit.detail.noDevices')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('visit.fields.deviceKind')}</th>
                    <th>{t('visit.fields.brandModel')}</th>
                    <th>{t('visit.fields.serial')}</th>
                    <th>{t('visit.fields.deviceOutcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visit.devices.map((d) => {
                    const o = outcomeOf(d.id);
                    return (
                      <tr key={d.id}>
                        <td>{t(`visit.deviceKinds.${d.kind}`)}</td>
                        <td>{d.brandModel}</td>
                        <td className="mono">{d.serial}</td>
                        <td>{o ? (o.result === 'matched' ? t('visit.checkout.matched') : `${t('visit.checkout.leftInside')}: ${o.reason}`) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {!!visit.unknownSerials?.length && (
              <div className="banner banner-error" role="status">
                {t('visit.checkout.unknownFlagged')}: <span className="mono">{visit.unknownSerials.join(', ')}</span>
              </div>
            )}
          </section>
          {(visit.activities.length > 0 || visit.corrections.length > 0) && (
            <section className="card">
              <h2>{t('visit.detail.notes')}</h2>
              <ul className="notes">
                {visit.activities.map((n, i) => (
                  <li key={`a${i}`}>
                    <span className="muted">{fmt(n.at)} · {name(n.by)}</span>
                    <div>{n.text}</div>
                  </li>
                ))}
                {visit.corrections.map((n, i) => (
                  <li key={`c${i}`} className="correction">
                    <span className="muted">
                      {t('visit.detail.correction')} · {fmt(n.at)} · {name(n.by)}
                    </span>
                    <div>{n.text}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div>
          <VisitActions visit={visit} />
          <AuditTrail kind="visit" id={visit.id} title={t('visit.detail.history')} />
        </div>
      </div>
    </div>
  );
}
