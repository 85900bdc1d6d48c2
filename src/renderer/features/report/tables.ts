/**
 * The monthly report as labelled figures and tables, one list per section: the screen, the
 * printed report and the spreadsheet all read these, so they always show the same numbers.
 * `t` decides the language (the print and the spreadsheet pass the fixed Indonesian one).
 */
import type { TFunction } from 'i18next';
import { ASSET_CATEGORIES, ASSET_STATUSES } from '@shared/domain/asset/state';
import { INCIDENT_SEVERITIES } from '@shared/domain/incident/state';
import { DISRUPTION_SOURCES, NETWORK_ITEMS } from '@shared/domain/ops/state';
import { PRIORITIES, TICKET_CATEGORIES } from '@shared/domain/ticket/state';
import type { MonthlyReport } from '@shared/report/monthly';
import type { Lang } from '@shared/office-time';

/** A figure: a count, a share (0..1) or a number of working days; null when there is none. */
export interface Value {
  v: number | null;
  kind: 'count' | 'pct' | 'days';
}
export type Fact = [label: string, value: Value];
export interface ReportTable {
  headers: string[];
  rows: [string, ...Value[]][];
  /** On screen and paper, rows of zeroes are left out (the spreadsheet keeps them all). */
  sparse?: boolean;
}
export type SectionKey = 'tickets' | 'assets' | 'incidents' | 'network' | 'backups' | 'access' | 'visits';
export interface ReportSection {
  key: SectionKey;
  title: string;
  facts: Fact[];
  tables: ReportTable[];
  /** Said instead of (or next to) the figures: no records, provisional snapshot… */
  notes: string[];
}

const count = (v: number | null): Value => ({ v, kind: 'count' });
const pct = (v: number | null): Value => ({ v, kind: 'pct' });
const days = (v: number | null): Value => ({ v, kind: 'days' });

/** A figure as text in the language ("96,7%", "4,2", "—"). */
export function formatValue(x: Value, lang: Lang): string {
  if (x.v === null) return '—';
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (x.kind === 'pct') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x.v);
  if (x.kind === 'days') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x.v);
  return new Intl.NumberFormat(locale).format(x.v);
}

/** `when` writes an instant in the report's language and the office's zone. */
export function reportSections(r: MonthlyReport, t: TFunction, when: (iso: string) => string): ReportSection[] {
  const k = r.tickets, a = r.assets, i = r.incidents, b = r.backups, s = r.restores;
  const tickets: ReportSection = {
    key: 'tickets',
    title: t('report.sections.tickets'),
    facts: [
      [t('report.tickets.total'), count(k.total)],
      [t('report.tickets.met'), count(k.met)],
      [t('report.tickets.breached'), count(k.breached)],
      [t('report.tickets.pending'), count(k.pending)],
      [t('report.tickets.metRate'), pct(k.metRate)],
      [t('report.tickets.resolved'), count(k.resolved)],
      [t('report.tickets.closed'), count(k.closed)],
      [t('report.tickets.open'), count(k.open)],
      [t('report.tickets.reopened'), count(k.reopened)],
    ],
    tables: [
      {
        headers: [t('report.tickets.priority'), t('report.value'), t('report.tickets.met'), t('report.tickets.breached'), t('report.tickets.pendingShort')],
        rows: PRIORITIES.map((p) => [t(`ticket.priority.${p}`), count(k.byPriority[p].total), count(k.byPriority[p].met), count(k.byPriority[p].breached), count(k.byPriority[p].pending)]),
      },
      { headers: [t('report.tickets.category'), t('report.value')], rows: TICKET_CATEGORIES.map((c) => [t(`ticket.category.${c}`), count(k.byCategory[c])]), sparse: true },
    ],
    notes: k.total === 0 ? [t('report.none')] : [],
  };
  const assets: ReportSection = {
    key: 'assets',
    title: t('report.sections.assets'),
    facts: [
      [t('report.assets.total'), count(a.total)],
      [t('report.assets.maintenanceDone'), count(a.maintenanceDone)],
      [t('report.assets.assetsMaintained'), count(a.assetsMaintained)],
      [t('report.assets.overdue'), count(a.maintenanceOverdue)],
      [t('report.assets.dueSoon'), count(a.maintenanceDueSoon)],
    ],
    tables: [
      { headers: [t('report.assets.status'), t('report.value')], rows: ASSET_STATUSES.map((x) => [t(`asset.status.${x}`), count(a.byStatus[x])]) },
      { headers: [t('report.assets.category'), t('report.value')], rows: ASSET_CATEGORIES.map((x) => [t(`asset.category.${x}`), count(a.byCategory[x])]), sparse: true },
    ],
    notes: [t('report.assets.snapshot', { at: when(r.generatedAt), asOf: when(r.asOf) })],
  };
  const incidents: ReportSection = {
    key: 'incidents',
    title: t('report.sections.incidents'),
    facts: [
      [t('report.incidents.total'), count(i.total)],
      [t('report.incidents.closed'), count(i.closed)],
      [t('report.incidents.open'), count(i.open)],
      [t('report.incidents.avgDays'), days(i.avgWorkingDays)],
      [t('report.incidents.maxDays'), days(i.maxWorkingDays)],
      [t('report.incidents.withinTarget'), count(i.withinTarget)],
      [t('report.incidents.overTarget'), count(i.overTarget)],
      [t('report.incidents.rework'), count(i.reworkLoops)],
      [t('report.incidents.withRework'), count(i.withRework)],
    ],
    tables: [{ headers: [t('report.incidents.severity'), t('report.value')], rows: INCIDENT_SEVERITIES.map((x) => [t(`incident.severities.${x}`), count(i.bySeverity[x])]) }],
    notes: i.total === 0 ? [t('report.none')] : [],
  };
  const n = r.network;
  const network: ReportSection = {
    key: 'network',
    title: t('report.sections.network'),
    facts: n
      ? (['daysChecked', 'checks', 'problems', 'disruptions', 'resolved', 'open', 'avgMinutes', 'maxMinutes'] as const).map((x) => [t(`report.network.${x}`), count(n[x])])
      : [],
    tables: n
      ? [
          { headers: [t('report.network.item'), t('report.network.ok'), t('report.network.problem')], rows: NETWORK_ITEMS.map((x) => [t(`ops.item.${x}`), count(n.byItem[x]?.ok ?? 0), count(n.byItem[x]?.problem ?? 0)]) },
          { headers: [t('report.network.source'), t('report.network.count')], rows: DISRUPTION_SOURCES.map((x) => [t(`ops.source.${x}`), count(n.bySource[x] ?? 0)]), sparse: true },
        ]
      : [],
    notes: n ? [] : [t('report.network.none')],
  };
  const backups: ReportSection = {
    key: 'backups',
    title: t('report.sections.backups'),
    facts: [
      ...(b
        ? ([
            [t('report.backups.daysRecorded'), count(b.daysRecorded)],
            [t('report.backups.runs'), count(b.runs)],
            [t('report.backups.succeeded'), count(b.succeeded)],
            [t('report.backups.failed'), count(b.failed)],
            [t('report.backups.successRate'), pct(b.successRate)],
            [t('report.backups.verifications'), count(b.verifications)],
            [t('report.backups.verificationsOk'), count(b.verificationsOk)],
          ] as Fact[])
        : []),
      ...(s
        ? ([
            [t('report.backups.restoreRequested'), count(s.requested)],
            [t('report.backups.restoreCompleted'), count(s.completed)],
            [t('report.backups.withinDeadline'), count(s.withinDeadline)],
            [t('report.backups.late'), count(s.late)],
            [t('report.backups.notDone'), count(s.notDone)],
          ] as Fact[])
        : []),
    ],
    tables: [],
    notes: [...(b ? [] : [t('report.backups.noBackups')]), ...(s ? [] : [t('report.backups.noRestores')])],
  };
  const access: ReportSection = {
    key: 'access',
    title: t('report.sections.access'),
    facts: (['submitted', 'returned', 'approved', 'provisioned', 'revoked'] as const).map((x) => [t(`report.access.${x}`), count(r.access[x])]),
    tables: [],
    notes: [],
  };
  const visits: ReportSection = {
    key: 'visits',
    title: t('report.sections.visits'),
    facts: (['registered', 'approved', 'refused', 'cancelled', 'entered'] as const).map((x) => [t(`report.visits.${x}`), count(r.visits[x])]),
    tables: [],
    notes: [],
  };
  return [tickets, assets, incidents, network, backups, access, visits];
}
