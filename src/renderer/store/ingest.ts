/**
 * Ingest: takes events made elsewhere (sync pull, a file bundle, an import) into the store in
 * one transaction per batch, through the same folds as commit(). Idempotent by event id:
 * events already present are skipped. Works the same whether a record is new here or not.
 */
import { parseEvent } from '@shared/domain/event-schemas';
import { foldRecord, folds } from '@shared/domain/registry';
import { contentHash } from '@shared/events';
import { keyFor, signedMessage, webVerifier, type VerifySignature } from '@shared/signing';
import { keysWithBatch, type KeysOf } from '@shared/sync/replay';
import type { DomainEvent, RecordKind } from '@shared/events';
import { receiveHlc } from '@shared/hlc';
import { deviceMeta } from './commit';
import type { ConsoleDb } from './db';

export interface IngestOptions {
  /** Queue the events for upload (an import made on this device) rather than treat them as acknowledged. */
  queueOutbox?: boolean;
}

const splitKey = (key: string): [RecordKind, string] => [key.slice(0, key.indexOf(':')) as RecordKind, key.slice(key.indexOf(':') + 1)];

/**
 * Marks events the server refused: they stay in the log (and the conflict inbox) but leave
 * the fold, so each affected record is re-folded from its remaining events. Refused events of
 * this device leave the outbox: the server has answered them.
 */
export async function markRejected(db: ConsoleDb, rejected: { id: string; reason?: string; field?: string }[]): Promise<void> {
  if (rejected.length === 0) return;
  await db.transaction('rw', db.writeTables, async () => {
    const rows = await db.events.bulkGet(rejected.map((r) => r.id));
    const records = new Set<string>();
    const updated: DomainEvent[] = [];
    rows.forEach((e, i) => {
      if (!e || e.status === 'rejected') return;
      updated.push({ ...e, status: 'rejected', reason: rejected[i]!.reason ?? 'sync.errors.rejected', ...(rejected[i]!.field ? { reasonField: rejected[i]!.field } : {}) });
      records.add(`${e.kind}:${e.recordId}`);
    });
    await db.events.bulkPut(updated);
    await db.outbox.where('eventId').anyOf(updated.map((e) => e.id)).delete();
    for (const key of records) {
      const [kind, recordId] = splitKey(key);
      const state = foldRecord(kind, await db.events.where('[kind+recordId]').equals([kind, recordId]).toArray());
      await db.writeProjections([{ kind, id: recordId, state }]);
    }
  });
}

/** Marks an event whose content does not parse as refused here, naming the field; others pass as they are. */
function refuseUnparsed(e: DomainEvent): DomainEvent {
  if (e.status === 'rejected') return e;
  const parsed = parseEvent(e);
  return parsed.ok ? e : { ...e, status: 'rejected', reason: parsed.error.message, ...(parsed.error.field ? { reasonField: parsed.error.field } : {}) };
}

/** One verifier for the page's lifetime (it caches imported public keys). */
let verifier: VerifySignature | undefined;

/**
 * Checks the actor's signature of each event made elsewhere, with any key the actor has held
 * (`keyFor` 'any': the server accepted it with the actor's then-current key, in its order),
 * from the users this console knows and those the batch itself introduces. Returns the events
 * that fail, with the reason. An event whose actor this console does not know yet (batches
 * arriving out of order) cannot be checked here and passes on the server's word; events from
 * before signed events (no `cmd`, no `sig`) are the server's accepted history and pass too.
 * Asynchronous (WebCrypto), so it runs before ingest()'s transaction. `users` answers for
 * users this console does not store (a backup's projection rows, before they are written).
 */
export async function checkSignatures(db: ConsoleDb, events: readonly DomainEvent[], users: KeysOf = () => undefined): Promise<Map<string, string>> {
  const bad = new Map<string, string>();
  const signed = events.filter((e) => e.status !== 'rejected' && (e.sig || e.cmd));
  if (signed.length === 0) return bad;
  verifier ??= webVerifier();
  const ids = [...new Set(signed.map((e) => e.actorId))];
  const rows = await db.users.bulkGet(ids);
  const known = new Map(ids.map((id, i) => [id, rows[i]?.keys ?? users(id)]));
  const keysOf = keysWithBatch((id) => known.get(id), events);
  await Promise.all(
    signed.map(async (e) => {
      if (!e.sig) return bad.set(e.id, 'sync.errors.unsigned');
      if (e.sig.by !== e.actorId) return bad.set(e.id, 'sync.errors.signature');
      const keys = keysOf(e.actorId);
      if (!keys) return; // an actor not known here yet: the server checked it
      const key = keyFor(keys, e.sig.key, 'any');
      if (!key) return bad.set(e.id, 'sync.errors.signatureKey');
      if (!(await verifier!(key.publicKey, signedMessage(contentHash(e)), e.sig.sig))) bad.set(e.id, 'sync.errors.signature');
    }),
  );
  return bad;
}

/**
 * Applies a batch of events; returns how many were new. Every signature is checked first: an
 * event whose signature fails is kept as refused (shown in the conflict inbox, never folded).
 */
export async function ingest(db: ConsoleDb, incoming: DomainEvent[], opts: IngestOptions = {}): Promise<number> {
  const bad = await checkSignatures(db, incoming);
  const batch = bad.size === 0 ? incoming : incoming.map((e) => (bad.has(e.id) ? { ...e, status: 'rejected' as const, reason: bad.get(e.id)! } : e));
  return db.transaction('rw', db.writeTables, async () => {
    const known = await db.events.bulkGet(batch.map((e) => e.id));
    // An event whose content does not parse (unknown type, another kind's type, a payload field
    // missing, mistyped or added) is refused: kept in the log for the conflict inbox, never folded.
    const refusedHere = new Set<string>();
    const fresh = batch
      .filter((_, i) => !known[i])
      .map((e) => {
        const checked = refuseUnparsed(e);
        if (checked !== e) refusedHere.add(e.id);
        return checked;
      });
    if (fresh.length === 0) return 0;
    fresh.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const byKind = new Map<RecordKind, Set<string>>();
    for (const e of fresh) if (!refusedHere.has(e.id)) (byKind.get(e.kind) ?? byKind.set(e.kind, new Set()).get(e.kind)!).add(e.recordId);
    const states = new Map<string, unknown>();
    for (const [kind, ids] of byKind) {
      const list = [...ids];
      const rows = await db.projection(kind).bulkGet(list);
      list.forEach((id, i) => states.set(`${kind}:${id}`, rows[i]));
    }
    // Records to re-fold from all their events: those with events stored before their first
    // event arrived (an out-of-order bundle), and those receiving an event older than the newest
    // one already folded (a laptop back after a week offline).
    const lateRecords = new Set<string>();
    const missing = [...states].filter(([, v]) => v === undefined).map(([key]) => splitKey(key));
    if (missing.length > 0) {
      for (const e of await db.events.where('[kind+recordId]').anyOf(missing).toArray()) lateRecords.add(`${e.kind}:${e.recordId}`);
    }
    for (const e of fresh) {
      const key = `${e.kind}:${e.recordId}`;
      if (lateRecords.has(key) || e.status === 'rejected') continue;
      const current = states.get(key) as { hlc?: string } | undefined;
      if (current?.hlc && e.hlc < current.hlc) lateRecords.add(key);
      else states.set(key, (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(current, e));
    }
    for (const key of lateRecords) {
      const [kind, recordId] = splitKey(key);
      const stored = await db.events.where('[kind+recordId]').equals([kind, recordId]).toArray();
      states.set(key, foldRecord(kind, [...stored, ...fresh.filter((e) => e.kind === kind && e.recordId === recordId)]));
    }
    await db.events.bulkAdd(fresh);
    // Advance this device's clock past everything it has seen, so what it does next sorts
    // after it even when its own wall clock is behind (HLC receive). A refused event moves nothing.
    const accepted = fresh.filter((e) => !refusedHere.has(e.id));
    const stored = await db.meta.get('device');
    // This device's own events coming back from the server: only after a restore from a backup
    // older than the device's last push (the dead desk pushed more before it died). The chain
    // head moves past them, so what the console makes next follows them instead of forking.
    let head = stored ? { seq: stored.seq, lastHash: stored.lastHash } : undefined;
    for (const e of stored ? fresh.filter((x) => x.deviceId === stored.deviceId).sort((a, b) => a.deviceSeq - b.deviceSeq) : []) {
      if (e.deviceSeq === head!.seq + 1 && e.prevHash === head!.lastHash) head = { seq: e.deviceSeq, lastHash: e.hash };
    }
    if (accepted.length > 0 || (stored && head!.seq !== stored.seq)) {
      const meta = stored ?? (await deviceMeta(db));
      const newest = accepted.at(-1)?.hlc;
      await db.meta.put({ ...meta, ...head, hlc: newest ? receiveHlc(meta.hlc, newest, Date.now()) : meta.hlc });
    }
    if (opts.queueOutbox) await db.outbox.bulkAdd(accepted.map((e) => ({ eventId: e.id })));
    const entries = [...byKind].flatMap(([kind, ids]) => [...ids].map((id) => ({ kind, id, state: states.get(`${kind}:${id}`) })));
    // A record whose first event has not arrived yet has no state: nothing to write.
    await db.writeProjections(entries.filter((e) => e.state !== undefined));
    return fresh.length;
  });
}
