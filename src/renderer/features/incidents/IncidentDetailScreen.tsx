/** One incident: its current step and whose turn, the clocks, the step history, details, evidence, violations, prints. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime, useUserNames } from '@renderer/app/hooks';
import { navigate } from '@renderer/app/router';
import { Empty, PageHeader } from '@renderer/components/ui';
import { db } from '@renderer/store';
import { IncidentStatusBadge, SeverityBadge } from './badges';
import { AnalysisPanel, EvidencePanel, ProcedureTable, StepHistory, ViolationsPanel } from './IncidentPanels';
import { ProcedureFigures, StepPanel } from './StepPanel';
import './incidents.css';

export function IncidentDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const names = useUserNames();
  const incident = useLiveQuery(async () => (await db.incidents.get(id)) ?? null, [id]);
  if (incident === undefined) return <Empty>{t('common.loading')}</Empty>;
  if (incident === null) return <Empty>{t('common.notFound')}</Empty>;
  return (
    <div>
      <PageHeader
        title={incident.title}
        subtitle={`${incident.docNo} · ${t(`incident.categories.${incident.category}`)}`}
        actions={
          <>
            <IncidentStatusBadge status={incident.status} />
            <SeverityBadge severity={incident.severity} />
            <button type="button" className="btn" onClick={() => navigate(`/print/incident/${incident.id}`)}>
              {t('incident.print.report')}
            </button>
            {incident.status === 'closed' && (
              <button type="button" className="btn" onClick={() => navigate(`/print/incident-completion/${incident.id}`)}>
                {t('incident.print.completion')}
              </button>
            )}
          </>
        }
      />
      {incident.status === 'open' ? (
        <StepPanel incident={incident} />
      ) : (
        <section className="card" data-testid="closed-summary">
          <h2>{t('incident.closed.title')}</h2>
          <p>{t('incident.closed.at', { at: fmt(incident.closedAt) })}</p>
          <ProcedureFigures incident={incident} />
        </section>
      )}
      <StepHistory incident={incident} />
      <div className="incident-grid">
        <div>
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">{t('incident.details.title')}</h2>
            <dl className="dl">
              <dt>{t('incident.fields.reporterName')}</dt>
              <dd>
                {incident.reporterName}
                {incident.reporterContact && <span className="muted"> · {incident.reporterContact}</span>}
              </dd>
              <dt>{t('incident.fields.detectedAt')}</dt>
              <dd>{fmt(incident.detectedAt)}</dd>
              <dt>{t('incident.fields.reportedAt')}</dt>
              <dd>
                {fmt(incident.reportedAt)} · {names.get(incident.reportedBy) ?? '—'}
              </dd>
              <dt>{t('incident.fields.affectedSystems')}</dt>
              <dd>{incident.affectedSystems}</dd>
              <dt>{t('incident.fields.severity')}</dt>
              <dd>{t(`incident.severities.${incident.severity}`)}</dd>
              <dt>{t('incident.fields.description')}</dt>
              <dd className="pre">{incident.description}</dd>
              {incident.ticketId && (
                <>
                  <dt>{t('incident.fields.ticket')}</dt>
                  <dd className="mono">
                    <a href={`#/tickets/${incident.ticketId}`} data-testid="ticket-id">
                      {incident.ticketDocNo ?? incident.ticketId}
                    </a>
                  </dd>
                </>
              )}
            </dl>
          </section>
          <AnalysisPanel incident={incident} />
        </div>
        <div>
          <EvidencePanel incident={incident} />
          <ViolationsPanel incident={incident} />
        </div>
      </div>
      <ProcedureTable incident={incident} />
    </div>
  );
}
