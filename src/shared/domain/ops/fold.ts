/**
 * The operations day fold: pure, so every console and the server fold the same state. Any
 * event may be a day's first (two consoles record the same day independently); in HLC order
 * the latest check of an item and the latest result of a backup job and target win.
 */
import type { DomainEvent } from '../../events';
import type { Apply } from '../types';
import { emptyDay, minutesBetween, type BackupRun, type Disruption, type MaintenanceEntry, type NetworkCheck, type OpsDayState } from './state';

type P = Record<string, unknown>;

const openCount = (list: Disruption[]) => list.filter((d) => !d.resolvedAt).length;

export const applyOpsDay: Apply<OpsDayState> = (state, e: DomainEvent) => {
  const p = e.payload as P;
  const s: OpsDayState = { ...(state ?? emptyDay(e.recordId, e.at, e.hlc)), updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'opsday.networkChecked': {
      const check: NetworkCheck = { item: p.item as NetworkCheck['item'], ok: p.ok as boolean, note: p.note as string, at: e.at, by: e.actorId };
      return { ...s, checks: { ...s.checks, [check.item]: check } };
    }
    case 'opsday.disruptionOpened': {
      if (s.disruptions.some((d) => d.id === p.disruptionId)) return s;
      const d: Disruption = {
        id: p.disruptionId as string, source: p.source as Disruption['source'], system: p.system as string, startedAt: p.startedAt as string,
        actions: p.actions as string, openedAt: e.at, openedBy: e.actorId,
      };
      const disruptions = [...s.disruptions, d].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
      return { ...s, disruptions, openDisruptions: openCount(disruptions) };
    }
    case 'opsday.disruptionResolved': {
      const disruptions = s.disruptions.map((d) =>
        d.id === p.disruptionId && !d.resolvedAt
          ? { ...d, resolvedAt: p.resolvedAt as string, resolution: p.resolution as string, resolvedBy: e.actorId, minutes: minutesBetween(d.startedAt, p.resolvedAt as string) }
          : d,
      );
      return { ...s, disruptions, openDisruptions: openCount(disruptions) };
    }
    case 'opsday.backupRecorded': {
      const run: BackupRun = { job: p.job as string, target: p.target as BackupRun['target'], ok: p.ok as boolean, note: p.note as string, at: e.at, by: e.actorId };
      return { ...s, backups: [...s.backups.filter((b) => b.job !== run.job || b.target !== run.target), run] };
    }
    case 'opsday.backupVerified':
      if (s.verifications.some((v) => v.id === p.verificationId)) return s;
      return {
        ...s,
        verifications: [...s.verifications, { id: p.verificationId as string, job: p.job as string, restoredTo: p.restoredTo as string, ok: p.ok as boolean, note: p.note as string, at: e.at, by: e.actorId }],
      };
    case 'opsday.maintenanceLogged': {
      if (s.maintenance.some((m) => m.id === p.entryId)) return s;
      const entry: MaintenanceEntry = { id: p.entryId as string, server: p.server as string, tasks: p.tasks as MaintenanceEntry['tasks'], notes: p.notes as string, at: e.at, by: e.actorId };
      return { ...s, maintenance: [...s.maintenance, entry] };
    }
    default:
      return s;
  }
};
