/**
 * The one write path. commit() validates a command (its zod schema, the actor's roles, the
 * record's current state), signs its events with the actor's key, then in ONE IndexedDB
 * transaction appends them to this device's hash chain, updates the projections and queues the
 * outbox. A refused command throws inside the transaction, so it leaves no event, projection
 * or outbox row behind.
 */
import { folds, type Command } from '../../shared/domain/registry';
import type { Lookups } from '../../shared/domain/types';
import { holdsIdDocument } from '../../shared/domain/visit/state';
import { ORG_ID } from '../../shared/domain/org/state';
import { CHAIN_START, type DomainEvent, type RecordKind } from '../../shared/events';
import { canonicalJson } from '../../shared/hash';
import { chainEvents, prepareEvents, signPrepared, type PreparedEvent, type Signer } from '../../shared/sync/stamp';
import { decideCommand, mayAct, parseCommand, requiredCosigners } from '../../shared/sync/replay';
import { parseEvent } from '../../shared/domain/event-schemas';
import type { SigningKey } from '../../shared/signing';
import { initialHlc } from '../../shared/hlc';
import { idsFrom, newId } from '../../shared/ids';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import type { ConsoleDb, DeviceMeta, OpenVisitsRow } from './db';

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/**
 * Answers the domain's cross-record questions from the projections. Each answer is a Dexie
 * promise (a query and `.then`, never an async function): commit() requests them ahead inside
 * its transaction, and a native promise settled there in between would let IndexedDB commit
 * the transaction before decide() reads it.
 */
export function dexieLookups(db: ConsoleDb): Lookups {
  return {
    badgeHolder: (badge) => db.lists.get('openVisits').then((row) => (row as OpenVisitsRow | undefined)?.badges?.[badge]),
    // The open visits are a few dozen, listed in one row: read them by key, no index needed.
    idDocumentHolder: (idType, idNumber) =>
      db.lists.get('openVisits').then((row) => {
        const ids = (row as OpenVisitsRow | undefined)?.ids ?? [];
        if (ids.length === 0) return undefined;
        return db.visits.bulkGet(ids).then((visits) => visits.find((v) => !!v && holdsIdDocument(v, idType, idNumber))?.id);
      }),
    user: (id) => db.users.get(id),
    userByUsername: (username) => db.users.where('username').equals(username.toLowerCase()).first(),
    countUsers: () => db.users.count(),
    record: (kind, id) => db.projection(kind).get(id),
    idsByKey: (kind, keys) => {
      const wanted = new Set(keys);
      return db
        .projection(kind)
        .where('keys')
        .anyOf([...wanted])
        .toArray()
        .then((rows) => {
          const out: Record<string, string> = {};
          for (const r of rows as { id: string; keys: string[] }[]) for (const k of r.keys) if (wanted.has(k)) out[k] = r.id;
          return out;
        });
    },
  };
}

/** One question decide() asked of the lookups: which one, with what. */
interface LookupCall {
  name: keyof Lookups;
  args: unknown[];
}

/** Lookups that note each question asked (the decision made outside the transaction). */
function recordingLookups(inner: Lookups, calls: LookupCall[]): Lookups {
  const out = {} as Record<keyof Lookups, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(inner) as (keyof Lookups)[]) {
    out[name] = (...args: unknown[]) => {
      calls.push({ name, args });
      return (inner[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return out as unknown as Lookups;
}

/**
 * Lookups whose answers to the questions asked before are requested at once, side by side with
 * the transaction's other reads: the re-decision inside the transaction then waits for one round
 * trip to IndexedDB instead of one per question. A question not asked before is asked live.
 */
function prefetchedLookups(inner: Lookups, calls: readonly LookupCall[]): Lookups {
  const memo = new Map<string, Promise<unknown>>();
  const keyOf = (name: string, args: unknown[]) => `${name}:${JSON.stringify(args)}`;
  const ask = (name: keyof Lookups, args: unknown[]) => (inner[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  for (const c of calls) {
    const key = keyOf(c.name, c.args);
    if (!memo.has(key)) memo.set(key, ask(c.name, c.args));
  }
  const out = {} as Record<keyof Lookups, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(inner) as (keyof Lookups)[]) out[name] = (...args: unknown[]) => memo.get(keyOf(name, args)) ?? ask(name, args);
  return out as unknown as Lookups;
}

/** This device's chain head, created on first use. */
export async function deviceMeta(db: ConsoleDb): Promise<DeviceMeta> {
  const existing = await db.meta.get('device');
  if (existing) return existing;
  const deviceId = newId();
  const meta: DeviceMeta = { key: 'device', deviceId, seq: 0, lastHash: CHAIN_START, hlc: initialHlc(deviceId) };
  await db.meta.put(meta);
  return meta;
}

/** Above this many records of one kind, append() reads them with a cursor rather than bulkGet. */
const BULK_GET_MAX = 64;

/** Places signed events on this device's chain (chainEvents) and folds them into the projections. */
async function append(db: ConsoleDb, prepared: PreparedEvent[], now: Date, states: Map<string, unknown>, head0?: DeviceMeta): Promise<DomainEvent[]> {
  const meta = head0 ?? (await deviceMeta(db));
  const { events, head } = chainEvents(meta, prepared, now);
  const touched = new Map<string, { kind: RecordKind; state: unknown }>();
  // The records a command touches beyond its own (a handover's assets, an import's thousands
  // of new assets), read in one bulkGet per kind rather than one awaited get each.
  const unread = new Map<RecordKind, Set<string>>();
  for (const e of events) if (!states.has(`${e.kind}:${e.recordId}`)) (unread.get(e.kind) ?? unread.set(e.kind, new Set()).get(e.kind)!).add(e.recordId);
  for (const [kind, idSet] of unread) {
    const ids = [...idSet];
    if (ids.length <= BULK_GET_MAX) {
      const rows = await db.projection(kind).bulkGet(ids);
      ids.forEach((id, i) => states.set(`${kind}:${id}`, rows[i]));
    } else {
      // Thousands of keys (an import): one key-ordered cursor that skips from key to key is one
      // stream of results, where bulkGet is one request per key; new records are simply absent.
      for (const id of ids) states.set(`${kind}:${id}`, undefined);
      const found = (await db.projection(kind).where(':id').anyOf(ids).toArray()) as { id: string }[];
      for (const row of found) states.set(`${kind}:${row.id}`, row);
    }
  }
  for (const e of events) {
    const key = `${e.kind}:${e.recordId}`;
    const prev = states.get(key);
    const next = (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(prev, e);
    states.set(key, next);
    touched.set(key, { kind: e.kind, state: next });
  }
  // Queued together: IndexedDB runs them in order within this transaction, and each await
  // saved is one round trip to the browser's storage process (see docs/benchmarks.md).
  await Promise.all([
    db.events.bulkAdd(events),
    db.outbox.bulkAdd(events.map((e) => ({ eventId: e.id }))),
    db.writeProjections([...touched.entries()].map(([key, { kind, state }]) => ({ kind, id: key.slice(kind.length + 1), state }))),
    db.meta.put({ ...meta, seq: head.seq, lastHash: head.lastHash, hlc: head.hlc }),
  ]);
  return events;
}

/** Who commits: the signed-in user with their unwrapped key, and any countersigners present. */
export interface Signers {
  actor: Actor;
  key: SigningKey;
  /** The other people a step needs present, each with their own unwrapped key. */
  cosigners?: Signer[];
}

/** How often commit() re-runs a command whose state changed between signing and writing. */
const MAX_ATTEMPTS = 3;

class Moved extends Error {}

/**
 * Runs a command as the actor. Returns the events written, or the refusal (with an i18n key
 * and, for form input, the field) — in which case nothing at all was written.
 *
 * Signing is asynchronous (WebCrypto) and an IndexedDB transaction cannot wait for it, so:
 * 1. decide() runs on the current state, the drafts are prepared (ids, time, the command) and
 *    signed by the actor and any countersigners — outside any transaction;
 * 2. one transaction re-runs decide() with the same time and ids: when the drafts are the same
 *    (nothing changed in between, the usual case), the signed events are chained, folded and
 *    queued; when another write changed the answer, everything is redone (at most 3 times).
 */
export async function commit(db: ConsoleDb, signers: Signers, command: Command, clock: () => Date = () => new Date()): Promise<Result<DomainEvent[]>> {
  const { actor } = signers;
  const parsed = parseCommand(command.type, command.input);
  if (!parsed.ok) return parsed;
  const cmd = parsed.data;
  const needed = requiredCosigners(cmd, actor.userId);
  const present = new Set((signers.cosigners ?? []).map((c) => c.userId));
  if (needed.some((id) => !present.has(id))) return fail('cosign-missing', 'auth.errors.countersignRequired', { field: 'cosign' });
  const cosigners = (signers.cosigners ?? []).filter((c) => needed.includes(c.userId));
  try {
    for (let attempt = 0; ; attempt++) {
      const now = clock();
      const at = now.toISOString();
      const cmdId = newId();
      const ctxOf = async () => {
        const [state, org, actorUser] = await Promise.all([db.projection(cmd.kind).get(cmd.recordId), db.org.get(ORG_ID), db.users.get(actor.userId)]);
        return { state, org, actorUser };
      };
      const decideNow = async (c: Awaited<ReturnType<typeof ctxOf>>, lookups: Lookups) => {
        // The office's first admin acts before their user record exists.
        const allowed = command.type === 'org.setUp' ? ok(true) : mayAct(c.actorUser, cmd);
        if (!allowed.ok) throw new Refusal(allowed.error);
        const decided = await decideCommand(cmd, { actor, now: at, state: c.state, org: c.org, lookups, newId: idsFrom(cmdId) });
        if (!decided.ok) throw new Refusal(decided.error);
        return decided.data;
      };
      const asked: LookupCall[] = [];
      // The chain head read with the rest (created only once a command is accepted).
      const [first, existing] = await Promise.all([ctxOf(), db.meta.get('device')]);
      const drafts = await decideNow(first, recordingLookups(dexieLookups(db), asked));
      if (drafts.length === 0) return ok([]);
      const meta = existing ?? (await deviceMeta(db));
      // What decide() made must fit its event types' schemas (a programming error otherwise).
      for (const d of drafts) {
        const parsed = parseEvent({ ...d, id: cmdId, actorId: actor.userId, deviceId: '', deviceSeq: 1, hlc: '', at, prevHash: '', hash: '' });
        if (!parsed.ok) throw new Refusal(parsed.error);
      }
      const prepared = prepareEvents(drafts, { cmdId, command: { type: command.type, input: cmd.input }, actorId: actor.userId, deviceId: meta.deviceId, at });
      const signed = await signPrepared(prepared, { userId: actor.userId, key: signers.key }, cosigners);
      try {
        const events = await db.transaction('rw', db.writeTables, async () => {
          // Every read the decision needs, requested together: the record, the office, the
          // actor, the chain head and the answers the lookups gave the first time.
          const lookups = prefetchedLookups(dexieLookups(db), asked);
          const [c, head] = await Promise.all([ctxOf(), db.meta.get('device')]);
          const again = await decideNow(c, lookups);
          if (canonicalJson(again) !== canonicalJson(drafts)) throw new Moved();
          return append(db, signed, now, new Map([[`${cmd.kind}:${cmd.recordId}`, c.state]]), head);
        });
        return ok(events);
      } catch (e) {
        if (e instanceof Moved && attempt + 1 < MAX_ATTEMPTS) continue;
        throw e;
      }
    }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.failure };
    console.error('commit failed', e);
    return fail('store-failed', 'errors.storeFailed');
  }
}
