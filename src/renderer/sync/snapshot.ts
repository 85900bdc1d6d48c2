/**
 * A fresh console's first sync, and the history it fills in afterwards (docs/sync.md).
 *
 * A console that has no events yet does not replay the office's whole log: it takes a
 * snapshot of the server's projections "as of" one server version (rows written as they are,
 * page by page, resumable), then pulls from that version like any console. The events older
 * than the snapshot — each record's audit trail — arrive in the background (backfillHistory),
 * one small page at a time between sync rounds, so they never hold up a push or a pull. Until they have, whenever the console must re-fold a record (an
 * event older than its state arrives, or the server refuses one of ours) it first fetches that
 * record's history from the server (ensureHistory), so no state is ever folded from a partial
 * log.
 */
import { receiveHlc } from '@shared/hlc';
import type { DomainEvent, RecordKind } from '@shared/events';
import type { SyncedEvent } from '@shared/sync/protocol';
import { MAX_HISTORY_RECORDS } from '@shared/sync/protocol';
import type { SyncTransport } from '@shared/sync/transport';
import { deviceMeta } from '../store/commit';
import type { ConsoleDb, SyncMeta } from '../store/db';
import { ingest } from '../store/ingest';
import { filesOfRecord, noteWantedFiles, noteWantedRefs } from './blobs';

/** How this device reaches its server (the platform's sync transport). */
export interface SnapshotSession {
  transport: SyncTransport;
}

const SNAPSHOT_PAGE = 2000;
const HISTORY_PAGE = 2000;

/** An event as stored locally: the server's verdict folded in. */
export const localEvent = (s: SyncedEvent): DomainEvent =>
  (s.status === 'rejected' ? { ...s.event, status: 'rejected' as const, reason: s.reason, ...(s.field ? { reasonField: s.field } : {}) } : s.event) as DomainEvent;

/** True while events older than the snapshot are still missing on this device. */
export function historyIncomplete(meta: SyncMeta | undefined): boolean {
  return !!meta?.history && meta.history.cursor < meta.history.upTo;
}

/** A console takes a snapshot when it has never pulled and holds no events of its own. */
export async function wantsSnapshot(db: ConsoleDb): Promise<boolean> {
  const meta = await db.sync.get('sync');
  if (!meta) return false;
  if (meta.snapshot) return true; // resume an interrupted one
  return meta.cursor === 0 && (await db.events.count()) === 0;
}

/**
 * Loads the office's current state as projection rows, page by page; each page is one
 * transaction and records where to resume. Ends with the pull cursor at the snapshot's version
 * and the history backfill scheduled. Returns how many records were written.
 */
export async function loadSnapshot(db: ConsoleDb, session: SnapshotSession, pageSize = SNAPSHOT_PAGE): Promise<number> {
  const start = await db.sync.get('sync');
  let asOf = start?.snapshot?.asOf;
  const after = start?.snapshot?.after ?? undefined;
  let written = 0;
  const fetchPage = (page: { asOf?: number; after?: [RecordKind, string] }) => session.transport.snapshot({ ...page, limit: pageSize });
  let pending = fetchPage({ asOf, after });
  for (;;) {
    const res = await pending;
    asOf = res.asOf;
    // The next page is fetched while this one is written.
    if (res.next) pending = fetchPage({ asOf, after: res.next });
    // Unhandled until awaited: a failed prefetch must not surface as an unhandled rejection.
    pending.catch(() => undefined);
    // Records changed since `asOf` come as their events: fold them like any pulled events.
    if (res.events.length > 0) {
      const events = res.events.map(localEvent);
      await ingest(db, events);
      await noteWantedFiles(db, events);
    }
    // The evidence files the records' states reference (an incident's attachments): wanted now,
    // not once the history backfill reaches the events that attached them. Noted before the
    // page is written, so a snapshot interrupted after it never skips them.
    await noteWantedRefs(db, res.records.flatMap((r) => filesOfRecord(r.kind, r.state)));
    await db.transaction('rw', [...db.writeTables, db.sync], async () => {
      let newest = '';
      for (const r of res.records) {
        const hlc = (r.state as { hlc?: unknown }).hlc;
        if (typeof hlc === 'string' && hlc > newest) newest = hlc;
      }
      const meta = await deviceMeta(db);
      await Promise.all([
        db.writeProjections(res.records.map((r) => ({ kind: r.kind, id: r.recordId, state: r.state }))),
        newest ? db.meta.put({ ...meta, hlc: receiveHlc(meta.hlc, newest, Date.now()) }) : undefined,
        db.sync.update('sync', { snapshot: { asOf: res.asOf, after: res.next } }),
      ]);
    });
    written += res.records.length;
    if (!res.next) break;
  }
  const done = asOf ?? 0;
  await db.sync.update('sync', {
    cursor: done,
    snapshot: undefined,
    history: done > 0 ? { upTo: done, cursor: 0 } : undefined,
    lastSyncedAt: new Date().toISOString(),
  });
  return written;
}

/**
 * Stores events as history only: the log and the audit trail, not the projections (which
 * already reflect them). Idempotent by event id.
 */
export async function storeHistory(db: ConsoleDb, events: DomainEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const stored = await db.transaction('rw', db.events, async () => {
    const known = await db.events.bulkGet(events.map((e) => e.id));
    const fresh = events.filter((_, i) => !known[i]);
    await db.events.bulkAdd(fresh);
    return fresh.length;
  });
  // Evidence files the older events reference are fetched like those of pulled events.
  await noteWantedFiles(db, events);
  return stored;
}

/** Fetches and stores the history (up to the snapshot) of records this device must re-fold. */
export async function ensureHistory(db: ConsoleDb, session: SnapshotSession, records: [RecordKind, string][]): Promise<void> {
  const meta = await db.sync.get('sync');
  if (!historyIncomplete(meta) || records.length === 0) return;
  const unique = [...new Map(records.map((r) => [`${r[0]}:${r[1]}`, r])).values()];
  for (let i = 0; i < unique.length; i += MAX_HISTORY_RECORDS) {
    const res = await session.transport.history({ records: unique.slice(i, i + MAX_HISTORY_RECORDS), upTo: meta!.history!.upTo });
    await storeHistory(db, res.events.map(localEvent));
  }
}

/**
 * The records of a pulled page this device will have to re-fold: those receiving an event
 * older than their folded state, and those of refused events.
 */
export async function recordsToRefold(db: ConsoleDb, events: DomainEvent[]): Promise<[RecordKind, string][]> {
  const out: [RecordKind, string][] = [];
  const byKind = new Map<RecordKind, Map<string, DomainEvent[]>>();
  for (const e of events) {
    if (e.status === 'rejected') {
      out.push([e.kind, e.recordId]);
      continue;
    }
    const ofKind = byKind.get(e.kind) ?? byKind.set(e.kind, new Map()).get(e.kind)!;
    (ofKind.get(e.recordId) ?? ofKind.set(e.recordId, []).get(e.recordId)!).push(e);
  }
  for (const [kind, records] of byKind) {
    const ids = [...records.keys()];
    const states = (await db.projection(kind).bulkGet(ids)) as ({ hlc?: string } | undefined)[];
    ids.forEach((id, i) => {
      const hlc = states[i]?.hlc;
      if (hlc && records.get(id)!.some((e) => e.hlc < hlc)) out.push([kind, id]);
    });
  }
  return out;
}

/**
 * Fetches older history in the background: pages of events up to the snapshot's version,
 * stored as history, for about `budgetMs`. Returns true when the history is complete.
 */
export async function backfillHistory(db: ConsoleDb, session: SnapshotSession, budgetMs = 2000, pageSize = HISTORY_PAGE): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    const meta = await db.sync.get('sync');
    if (!historyIncomplete(meta)) return true;
    const { upTo, cursor } = meta!.history!;
    const res = await session.transport.pull({ cursor, limit: pageSize });
    const within = res.events.filter((s) => s.serverVersion <= upTo);
    await storeHistory(db, within.map(localEvent));
    const next = !res.hasMore || res.cursor >= upTo ? upTo : res.cursor;
    await db.sync.update('sync', { history: { upTo, cursor: next } });
    if (next >= upTo) return true;
    if (Date.now() - started >= budgetMs) return false;
  }
}
