/** Small incident badges: status, severity, whose turn. */
import { useTranslation } from 'react-i18next';
import type { IncidentState } from '@shared/domain/incident/state';

export function IncidentStatusBadge({ status }: { status: IncidentState['status'] }) {
  const { t } = useTranslation();
  return <span className={`status incident-status-${status}`}>{t(`incident.status.${status}`)}</span>;
}

export function SeverityBadge({ severity }: { severity: IncidentState['severity'] }) {
  const { t } = useTranslation();
  return <span className={`tag severity-${severity}`}>{t(`incident.severities.${severity}`)}</span>;
}
