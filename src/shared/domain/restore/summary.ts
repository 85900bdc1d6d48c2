/**
 * The restore part of the monthly report (DOMAIN.md §7 "backup status: … restores"): the
 * requests made in a period and what became of them.
 */
import type { RestoreSummary } from '../../report/summaries';
import type { RestoreState } from './state';

/**
 * The requests made in [from, to) — ISO instants, e.g. the month's first midnight and the next
 * month's in the office's zone — counted by request time: how many were completed (within the
 * 1×24 h deadline or late) and how many were refused or cancelled. Requests still open are in
 * `requested` only.
 */
export function restoreSummary(restores: RestoreState[], from: string, to: string): RestoreSummary {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const inPeriod = restores.filter((r) => {
    const at = Date.parse(r.requestedAt);
    return at >= start && at < end;
  });
  const completed = inPeriod.filter((r) => r.status === 'completed');
  const late = completed.filter((r) => r.late).length;
  return {
    requested: inPeriod.length,
    completed: completed.length,
    withinDeadline: completed.length - late,
    late,
    notDone: inPeriod.filter((r) => r.status === 'refused' || r.status === 'cancelled').length,
  };
}
