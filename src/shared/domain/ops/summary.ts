/** What the daily operations records hand to the monthly report (DOMAIN.md §7 "backup status", SOP 3 network checks and disruptions). */
import type { BackupSummary, NetworkSummary } from '../../report/summaries';
import { DISRUPTION_SOURCES, NETWORK_ITEMS, type OpsDayState } from './state';

/**
 * The backups of the days from `from` to `to` (office-local dates 'YYYY-MM-DD', both included):
 * each job's latest result per target on each day is one run; verifications are counted on the
 * day they were recorded. Days outside the period are ignored.
 */
export function backupSummary(days: OpsDayState[], from: string, to: string): BackupSummary {
  const inPeriod = days.filter((d) => d.id >= from && d.id <= to);
  const runs = inPeriod.flatMap((d) => d.backups);
  const verifications = inPeriod.flatMap((d) => d.verifications);
  const succeeded = runs.filter((r) => r.ok).length;
  return {
    daysRecorded: inPeriod.filter((d) => d.backups.length > 0).length,
    runs: runs.length,
    succeeded,
    failed: runs.length - succeeded,
    successRate: runs.length === 0 ? null : succeeded / runs.length,
    verifications: verifications.length,
    verificationsOk: verifications.filter((v) => v.ok).length,
  };
}

/**
 * The morning network checks and disruptions of the days from `from` to `to` (office-local dates,
 * both included): each item's latest check on a day is one check; a disruption counts on the day
 * it was recorded, resolved or open as it stands now.
 */
export function networkSummary(days: OpsDayState[], from: string, to: string): NetworkSummary {
  const inPeriod = days.filter((d) => d.id >= from && d.id <= to);
  const byItem = Object.fromEntries(NETWORK_ITEMS.map((i) => [i, { ok: 0, problem: 0 }])) as NetworkSummary['byItem'];
  const bySource = Object.fromEntries(DISRUPTION_SOURCES.map((x) => [x, 0])) as NetworkSummary['bySource'];
  let checks = 0, problems = 0, daysChecked = 0;
  for (const d of inPeriod) {
    const list = Object.values(d.checks).filter((c) => !!c);
    if (list.length > 0) daysChecked++;
    for (const c of list) {
      checks++;
      if (!c.ok) problems++;
      const row = (byItem[c.item] ??= { ok: 0, problem: 0 });
      if (c.ok) row.ok++;
      else row.problem++;
    }
  }
  const disruptions = inPeriod.flatMap((d) => d.disruptions);
  for (const x of disruptions) bySource[x.source] = (bySource[x.source] ?? 0) + 1;
  const minutes = disruptions.filter((x) => x.resolvedAt && x.minutes !== undefined).map((x) => x.minutes!);
  return {
    daysChecked, checks, problems, byItem,
    disruptions: disruptions.length,
    resolved: minutes.length,
    open: disruptions.length - minutes.length,
    bySource,
    avgMinutes: minutes.length ? Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length) : null,
    maxMinutes: minutes.length ? Math.max(...minutes) : null,
  };
}
