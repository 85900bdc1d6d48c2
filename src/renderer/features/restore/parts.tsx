/** Small pieces the restore screens share: the status badge and the live 1×24 h deadline clock. */
import { useTranslation } from 'react-i18next';
import { deadlineLeft, type RestoreState, type RestoreStatus } from '@shared/domain/restore/state';
import { useFormatDateTime } from '@renderer/app/hooks';
import './restore.css';

export function RestoreStatusBadge({ status }: { status: RestoreStatus }) {
  const { t } = useTranslation();
  return <span className={`status restore-status-${status}`}>{t(`restore.status.${status}`)}</span>;
}

/**
 * Time left before the 1×24 h deadline (amber under 4 hours), or how far overdue; once closed,
 * whether a completed restore was on time or late.
 */
export function DeadlineClock({ r, now }: { r: Pick<RestoreState, 'status' | 'dueAt' | 'late'>; now: Date }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const left = deadlineLeft(r, now);
  if (left === null) {
    if (r.status !== 'completed') return <span className="muted">—</span>;
    return (
      <span className={`restore-clock${r.late ? ' late' : ''}`} data-testid="restore-clock" data-level={r.late ? 'late' : 'on-time'}>
        {t(r.late ? 'restore.clock.late' : 'restore.clock.onTime')}
      </span>
    );
  }
  const minutes = Math.floor(Math.abs(left) / 60_000);
  const time = t('restore.clock.duration', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
  const level = left < 0 ? 'overdue' : left < 4 * 3_600_000 ? 'at-risk' : 'ok';
  return (
    <span className={`restore-clock ${level}`} data-testid="restore-clock" data-level={level} title={t('restore.clock.dueAt', { due: fmt(r.dueAt) })}>
      {left < 0 ? t('restore.clock.overdue', { time }) : t('restore.clock.left', { time })}
    </span>
  );
}
