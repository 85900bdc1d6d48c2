/** Small pieces the access screens share. */
import { useTranslation } from 'react-i18next';
import type { AccessStatus } from '../../../shared/domain/access/state';
import './access.css';

export function AccessStatusBadge({ status }: { status: AccessStatus }) {
  const { t } = useTranslation();
  return <span className={`status access-status-${status}`}>{t(`access.status.${status}`)}</span>;
}
