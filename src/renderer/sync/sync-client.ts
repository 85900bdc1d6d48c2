/**
 * The sync client: pushes this device's outbox and pulls everyone else's events, in the
 * background. One tab per machine leads (navigator.locks), the others only show the status.
 * A poke (server-sent event) triggers a pull at once; polling every 30 s is the fallback.
 * Refused events come back as 'rejected': they leave the fold and appear in the conflict inbox.
 */
import type { DomainEvent } from '@shared/events';
import { MAX_PULL_LIMIT, MAX_PUSH_BYTES, MAX_PUSH_EVENTS } from '@shared/sync/protocol';
import { groupByCommand } from '@shared/sync/replay';
import type { ConsoleDb, SyncMeta } from '../store/db';
import { deviceMeta } from '../store/commit';
import { signPush } from '@shared/sync/device-auth';
import { ingest, markRejected } from '../store/ingest';
import type { SyncTransport } from '@shared/sync/transport';
import { SyncError } from './api';
import { syncSigner } from './enrol';
import { backfillHistory, ensureHistory, historyIncomplete, loadSnapshot, localEvent, recordsToRefold, wantsSnapshot } from './snapshot';
import { downloadInBackground, noteWantedFiles, uploadFilesFor } from './blobs';
import { useSyncStore } from './sync-store';

const POLL_MS = 30_000;
/** Events per background history page: small, so a round waits at most one short transaction. */
const HISTORY_STEP = 250;

/**
 * Splits events into pushes of at most MAX_PUSH_EVENTS and about MAX_PUSH_BYTES, never inside a
 * command: the server accepts or refuses a command's events together. A command larger than
 * that (an import of thousands of rows) goes alone in its own push.
 */
export function splitBatches(events: DomainEvent[], maxEvents = MAX_PUSH_EVENTS, maxBytes = MAX_PUSH_BYTES * 0.9): DomainEvent[][] {
  const batches: DomainEvent[][] = [];
  let current: DomainEvent[] = [];
  let bytes = 0;
  for (const group of groupByCommand(events)) {
    const size = group.reduce((n, e) => n + JSON.stringify(e).length + 1, 0);
    if (current.length > 0 && (current.length + group.length > maxEvents || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * How this device reaches its server: the platform's sync transport, which holds the server's
 * address and the device token (the renderer never sees the token), and the pull cursor.
 */
export interface SyncSession {
  transport: SyncTransport;
  cursor: number;
}

/** The session, when this device is connected (it has sync settings and the transport a token). */
export async function syncSession(db: ConsoleDb, transport: SyncTransport): Promise<SyncSession | null> {
  const meta: SyncMeta | undefined = await db.sync.get('sync');
  const connection = meta ? await transport.connection().catch(() => null) : null;
  return meta && connection ? { transport, cursor: meta.cursor } : null;
}

/** Pushes the outbox, oldest first, in capped batches; returns how many were answered. */
export async function pushOutbox(db: ConsoleDb, meta: SyncSession): Promise<number> {
  const device = await deviceMeta(db);
  const ids = (await db.outbox.orderBy('seq').toArray()).map((o) => o.eventId);
  if (ids.length === 0) return 0;
  const events = ((await db.events.bulkGet(ids)).filter(Boolean) as DomainEvent[]).sort((a, b) => a.deviceSeq - b.deviceSeq);
  let answered = 0;
  for (const batch of splitBatches(events)) {
    // Evidence files first: an event never reaches the server before the bytes it references.
    await uploadFilesFor(db, meta, batch);
    // A token is valid only with its device: the batch is signed with this device's key.
    const signature = await signPush(await syncSigner(db), device.deviceId, batch);
    const res = await meta.transport.push({ deviceId: device.deviceId, events: batch, deviceSignature: signature });
    const rejected = res.results.filter((r) => r.status === 'rejected').map((r) => ({ id: r.id, reason: r.reason, field: r.field }));
    // Re-folding a record without the events before a snapshot would lose them: fetch them first.
    const refused = new Set(rejected.map((r) => r.id));
    await ensureHistory(db, meta, batch.filter((e) => refused.has(e.id)).map((e) => [e.kind, e.recordId]));
    await markRejected(db, rejected);
    const accepted = res.results.filter((r) => r.status === 'accepted').map((r) => r.id);
    await db.outbox.where('eventId').anyOf(accepted).delete();
    answered += res.results.length;
    if (res.expectedSeq !== undefined) break;
  }
  return answered;
}

/**
 * Pulls everything past the cursor into the store; returns how many events were new. The next
 * page is fetched while the current one is ingested.
 */
export async function pullAll(db: ConsoleDb, meta: SyncSession): Promise<number> {
  let cursor = meta.cursor;
  let fresh = 0;
  const fetchPage = (from: number) => {
    const p = meta.transport.pull({ cursor: from, limit: MAX_PULL_LIMIT });
    p.catch(() => undefined); // awaited below; never an unhandled rejection
    return p;
  };
  let pending = fetchPage(cursor);
  for (;;) {
    const res = await pending;
    if (res.hasMore) pending = fetchPage(res.cursor);
    const events = res.events.map(localEvent);
    if (historyIncomplete(await db.sync.get('sync'))) await ensureHistory(db, meta, await recordsToRefold(db, events));
    fresh += await ingest(db, events);
    await noteWantedFiles(db, events);
    // Our own events the server refused (pushed from another tab or before a crash).
    await markRejected(db, res.events.filter((s) => s.status === 'rejected').map((s) => ({ id: s.event.id, reason: s.reason, field: s.field })));
    cursor = res.cursor;
    await db.sync.update('sync', { cursor, lastSyncedAt: new Date().toISOString() });
    if (!res.hasMore) break;
  }
  return fresh;
}

/** The catch-up running on each console database, so two callers never load or pull the same pages twice. */
const catchingUp = new WeakMap<ConsoleDb, Promise<number>>();

/**
 * Brings this console up to date: a fresh console first loads a snapshot of the office
 * (snapshot.ts), then every console pulls past its cursor. Returns how many events were new.
 * Calls on one database run one after the other (joining an office starts one while the sync
 * loop, woken by the new configuration, starts another): the later one starts from the cursor
 * the earlier one left, so the snapshot is loaded once and no page is pulled twice.
 */
export function catchUp(db: ConsoleDb, meta: SyncSession): Promise<number> {
  const run = async (): Promise<number> => {
    if (await wantsSnapshot(db)) await loadSnapshot(db, meta);
    return pullAll(db, { ...meta, cursor: (await db.sync.get('sync'))?.cursor ?? meta.cursor });
  };
  const previous = catchingUp.get(db);
  const next = previous ? previous.then(run, run) : run();
  catchingUp.set(db, next);
  void next.finally(() => catchingUp.get(db) === next && catchingUp.delete(db)).catch(() => undefined);
  return next;
}

/** One round: push, then pull (a snapshot first on a fresh console). Updates the status store. Returns true when it succeeded. */
export async function syncOnce(db: ConsoleDb, transport: SyncTransport): Promise<boolean> {
  const store = useSyncStore.getState();
  const meta = await syncSession(db, transport);
  if (!meta) {
    store.set({ phase: 'not-connected' });
    return false;
  }
  store.set({ phase: 'syncing' });
  try {
    await pushOutbox(db, meta);
    await catchUp(db, meta);
    downloadInBackground(db, meta);
    store.set({ phase: 'idle', lastSyncedAt: new Date().toISOString(), problem: undefined });
    return true;
  } catch (e) {
    if (e instanceof SyncError) {
      const phase =
        e.code === 'offline' ? 'offline' : e.code === 'certificate-changed' ? 'certificate-changed' : e.status === 426 ? 'update-required' : e.status === 401 ? 'signed-out' : 'error';
      store.set({ phase, problem: e.messageKey });
    } else {
      console.error('sync failed', e);
      store.set({ phase: 'error', problem: 'sync.errors.server' });
    }
    return false;
  }
}

/**
 * Runs the sync loop while this tab holds the machine's sync lock. Returns a stop function.
 * Concurrent triggers (poke, poll, a local commit) coalesce into one running round.
 */
export function startSync(db: ConsoleDb, transport: SyncTransport): () => void {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let closePokes: (() => void) | null = null;
  let timer: number | undefined;

  const trigger = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = syncOnce(db, transport).then((synced) => {
      if (synced) void pumpHistory();
    }).finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        trigger();
      }
    });
  };

  // The older history of a snapshot console: one small page at a time, only while no round
  // runs, so a change from another desk is never queued behind the backfill.
  let pumping = false;
  const pumpHistory = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (!stopped) {
        if (running) {
          await running.catch(() => undefined);
          continue;
        }
        const session = await syncSession(db, transport);
        if (!session || (await backfillHistory(db, session, 0, HISTORY_STEP))) break;
        await new Promise((r) => window.setTimeout(r, 100));
      }
    } catch {
      // Offline or refused: the next successful round starts the pump again.
    } finally {
      pumping = false;
    }
  };

  // The poke stream, through the transport: a poke, the stream opening and the stream dropping
  // all start a round. Dropping (server down, network up): a round finds out at once and the
  // status says so, instead of "synced" until the next poll; the transport reopens the stream,
  // and its opening syncs when the server is back.
  const openPoke = async () => {
    const meta = await syncSession(db, transport);
    if (stopped || !meta) return;
    closePokes?.();
    closePokes = transport.subscribe(() => trigger());
  };

  const lead = async () => {
    trigger();
    await openPoke();
    timer = window.setInterval(trigger, POLL_MS);
    const onCommit = () => trigger();
    window.addEventListener('meja-it:committed', onCommit);
    window.addEventListener('online', trigger);
    // Losing the network: a round fails at once and the status says "offline", instead of
    // "synced" until the next poll (up to 30 s) while nothing can move.
    window.addEventListener('offline', trigger);
    window.addEventListener('meja-it:sync-config', openPoke);
    await new Promise<void>((resolve) => {
      const check = window.setInterval(() => {
        if (stopped) {
          window.clearInterval(check);
          resolve();
        }
      }, 500);
    });
    window.removeEventListener('meja-it:committed', onCommit);
    window.removeEventListener('online', trigger);
    window.removeEventListener('offline', trigger);
    window.removeEventListener('meja-it:sync-config', openPoke);
  };

  const cleanup = () => {
    stopped = true;
    closePokes?.();
    closePokes = null;
    window.clearInterval(timer);
  };

  if (navigator.locks) void navigator.locks.request(`meja-it-sync-${db.name}`, lead);
  else void lead();
  return cleanup;
}

export { notifyCommitted } from './notify';
