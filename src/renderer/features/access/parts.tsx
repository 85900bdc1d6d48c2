/** Small pieces the access screens share. */
import { useTranslation } from 'react-i18next';
import { shownAccessStatus, type AccessRequestState } from '@shared/domain/access/state';
import './access.css';

/** The request's status as it reads (a provisioned request whose accesses were all revoked: "Dicabut"). */
export function AccessStatusBadge({ request }: { request: Pick<AccessRequestState, 'status' | 'grants'> }) {
  const { t } = useTranslation();
  const status = shownAccessStatus(request);
  return <span className={`status access-status-${status}`}>{t(`access.status.${status}`)}</span>;
}
