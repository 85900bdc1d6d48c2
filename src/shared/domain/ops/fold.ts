/**
 * The operations day fold: pure, so every console and the server fold the same state. Any
 * event may be a day's first (two consoles record the same day independently); in HLC order
 * the latest check of an item and the latest result of a backup job and target win.
 */
import type { Fold } from '../kind';
import type { opsdayEvents } from './events';
import { emptyDay, minutesBetween, type BackupRun, type Disruption, type MaintenanceEntry, type NetworkCheck, type OpsDayState } from './state';

const openCount = (list: Disruption[]) => list.filter((d) => !d.resolvedAt).length;

export const applyOpsDay: Fold<OpsDayState, typeof opsdayEvents> = (state, e) => {
  const s: OpsDayState = { ...(state ?? emptyDay(e.recordId, e.at, e.hlc)), updatedAt: e.at, hlc: e.hlc };
  switch (e.type) {
    case 'opsday.networkChecked': {
      const p = e.payload;
      const check: NetworkCheck = { item: p.item, ok: p.ok, note: p.note, at: e.at, by: e.actorId };
      return { ...s, checks: { ...s.checks, [check.item]: check } };
    }
    case 'opsday.disruptionOpened': {
      const p = e.payload;
      if (s.disruptions.some((d) => d.id === p.disruptionId)) return s;
      const d: Disruption = { id: p.disruptionId, source: p.source, system: p.system, startedAt: p.startedAt, actions: p.actions, openedAt: e.at, openedBy: e.actorId };
      const disruptions = [...s.disruptions, d].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
      return { ...s, disruptions, openDisruptions: openCount(disruptions) };
    }
    case 'opsday.disruptionResolved': {
      const p = e.payload;
      const disruptions = s.disruptions.map((d) =>
        d.id === p.disruptionId && !d.resolvedAt ? { ...d, resolvedAt: p.resolvedAt, resolution: p.resolution, resolvedBy: e.actorId, minutes: minutesBetween(d.startedAt, p.resolvedAt) } : d,
      );
      return { ...s, disruptions, openDisruptions: openCount(disruptions) };
    }
    case 'opsday.backupRecorded': {
      const p = e.payload;
      const run: BackupRun = { job: p.job, target: p.target, ok: p.ok, note: p.note, at: e.at, by: e.actorId };
      return { ...s, backups: [...s.backups.filter((b) => b.job !== run.job || b.target !== run.target), run] };
    }
    case 'opsday.backupVerified': {
      const p = e.payload;
      if (s.verifications.some((v) => v.id === p.verificationId)) return s;
      return { ...s, verifications: [...s.verifications, { id: p.verificationId, job: p.job, restoredTo: p.restoredTo, ok: p.ok, note: p.note, at: e.at, by: e.actorId }] };
    }
    case 'opsday.maintenanceLogged': {
      const p = e.payload;
      if (s.maintenance.some((m) => m.id === p.entryId)) return s;
      const entry: MaintenanceEntry = { id: p.entryId, server: p.server, tasks: p.tasks, notes: p.notes, at: e.at, by: e.actorId };
      return { ...s, maintenance: [...s.maintenance, entry] };
    }
    default:
      return s;
  }
};
