/**
 * The one write path. commit() validates a command (its zod schema, the actor's roles, the
 * record's current state) on one consistent view of the store — what this tab's last commit
 * left known when that covers the decision, else one read transaction — signs its events with
 * the actor's key, then in ONE IndexedDB transaction appends them to this device's hash chain,
 * updates the projections and queues the outbox, or, if the state moved since the view (the
 * write stamp, the chain head, a record taken as absent), writes nothing and decides again on
 * a read transaction. A refused command writes no event, projection or outbox row.
 */
import { folds, type Command } from '@shared/domain/registry';
import type { Lookups } from '@shared/domain/types';
import type { OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { holdsIdDocument, idDocumentKey } from '@shared/domain/visit/state';
import { ORG_ID } from '@shared/domain/org/state';
import { CHAIN_START, type DomainEvent, type EventDraft, type RecordKind } from '@shared/events';
import { chainEvents, prepareEvents, signPrepared, type Signer } from '@shared/sync/stamp';
import { decideCommand, mayAct, parseCommand, requiredCosigners } from '@shared/sync/replay';
import { parseEvent } from '@shared/domain/event-schemas';
import type { SigningKey } from '@shared/signing';
import { initialHlc } from '@shared/hlc';
import { idsFrom, newId } from '@shared/ids';
import { fail, ok, type Failure, type Result } from '@shared/result';
import type { Actor } from '@shared/roles';
import type { ConsoleDb, DeviceMeta, ListsSnapshot, OpenVisitsRow, VisitOrgsRow, WriteStampRow } from './db';

/** The open visit holding an ID document, from the open-visits row's `held` (visit id → document). */
function heldIn(held: Record<string, string>, idType: string, idNumber: string): string | undefined {
  const card = idDocumentKey(idType, idNumber);
  for (const id in held) if (held[id] === card) return id;
  return undefined;
}

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/**
 * Answers the domain's cross-record questions from the projections. Each answer is a Dexie
 * promise (a query and `.then`, never an async function): commit() decides inside a read
 * transaction, and a native promise settled there in between would let IndexedDB end the
 * transaction before decide() has read what it needs.
 */
export function dexieLookups(db: ConsoleDb): Lookups {
  return {
    badgeHolder: (badge) => db.lists.get('openVisits').then((row) => (row as OpenVisitsRow | undefined)?.badges?.[badge]),
    // The ID documents held are listed in the open-visits row (a row from before v11 has no
    // list: its few dozen open visits are read by key).
    idDocumentHolder: (idType, idNumber) =>
      db.lists.get('openVisits').then((row) => {
        const open = row as OpenVisitsRow | undefined;
        if (open?.held) return heldIn(open.held, idType, idNumber);
        const ids = open?.ids ?? [];
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

/** This device's chain head, created on first use. */
export async function deviceMeta(db: ConsoleDb): Promise<DeviceMeta> {
  const existing = await db.meta.get('device');
  if (existing) return existing;
  const deviceId = newId();
  const meta: DeviceMeta = { key: 'device', deviceId, seq: 0, lastHash: CHAIN_START, hlc: initialHlc(deviceId) };
  await db.meta.put(meta);
  return meta;
}

/** Above this many records of one kind, commit() reads them with a cursor rather than bulkGet. */
const BULK_GET_MAX = 64;

/**
 * Reads the records some drafts touch beyond those already in `states` (a handover's assets,
 * an import's thousands of new assets): one bulkGet per kind rather than one awaited get each.
 * Dexie promises only (it runs inside commit()'s read transaction).
 */
function readTouched(db: ConsoleDb, touched: readonly { kind: RecordKind; recordId: string }[], states: Map<string, unknown>): Promise<unknown> {
  const unread = new Map<RecordKind, Set<string>>();
  for (const e of touched) if (!states.has(`${e.kind}:${e.recordId}`)) (unread.get(e.kind) ?? unread.set(e.kind, new Set()).get(e.kind)!).add(e.recordId);
  const reads: Promise<unknown>[] = [];
  for (const [kind, idSet] of unread) {
    const ids = [...idSet];
    if (ids.length <= BULK_GET_MAX) {
      reads.push(db.projection(kind).bulkGet(ids).then((rows) => ids.forEach((id, i) => states.set(`${kind}:${id}`, rows[i]))));
    } else {
      // Thousands of keys (an import): one key-ordered cursor that skips from key to key is one
      // stream of results, where bulkGet is one request per key; new records are simply absent.
      for (const id of ids) states.set(`${kind}:${id}`, undefined);
      reads.push(
        db
          .projection(kind)
          .where(':id')
          .anyOf(ids)
          .toArray()
          .then((found) => {
            for (const row of found as { id: string }[]) states.set(`${kind}:${row.id}`, row);
          }),
      );
    }
  }
  return Promise.all(reads);
}

/** Folds chained events onto the states read with the decision: the projection rows to write. */
function foldAll(events: readonly DomainEvent[], states: Map<string, unknown>): { kind: RecordKind; id: string; state: unknown }[] {
  const touched = new Map<string, { kind: RecordKind; id: string; state: unknown }>();
  for (const e of events) {
    const key = `${e.kind}:${e.recordId}`;
    const next = (folds[e.kind] as (s: unknown, ev: DomainEvent) => unknown)(states.get(key), e);
    states.set(key, next);
    touched.set(key, { kind: e.kind, id: e.recordId, state: next });
  }
  return [...touched.values()];
}

/** Whether the chain head is still the one a decision was chained on (its clock included). */
const sameHead = (a: DeviceMeta | undefined, b: DeviceMeta) =>
  !!a && a.deviceId === b.deviceId && a.seq === b.seq && a.lastHash === b.lastHash && a.hlc.wall === b.hlc.wall && a.hlc.counter === b.hlc.counter && a.hlc.node === b.hlc.node;

/** Who commits: the signed-in user with their unwrapped key, and any countersigners present. */
export interface Signers {
  actor: Actor;
  key: SigningKey;
  /** The other people a step needs present, each with their own unwrapped key. */
  cosigners?: Signer[];
}

/** How often commit() re-runs a command whose state changed between deciding and writing. */
const MAX_ATTEMPTS = 3;

class Moved extends Error {}

/**
 * What this tab knows of the store as its last commit left it: the records that commit read and
 * wrote (and those of the commits before it, while nothing else wrote), the open-visits and
 * organisations rows and the chain head — all current as long as the write stamp is `stamp`.
 */
interface Known {
  stamp: string;
  head: DeviceMeta;
  lists: ListsSnapshot;
  /** `${kind}:${id}` → the record's state; present with `undefined`: the record does not exist. */
  records: Map<string, unknown>;
}

/** Per database connection of this tab. */
const knownOf = new WeakMap<ConsoleDb, Known>();
/** Records kept at most: beyond, only the last commit's are kept. */
const KNOWN_MAX = 1000;

/** A lookup the known state cannot answer: the command is decided on a read transaction instead. */
class Unknown extends Error {}

/** Answers decide()'s questions from the known state; anything else is `Unknown`. */
function knownLookups(k: Known): Lookups {
  const unknown = () => Promise.reject(new Unknown());
  const get = (key: string) => (k.records.has(key) ? Promise.resolve(k.records.get(key)) : unknown());
  const [open] = k.lists;
  return {
    badgeHolder: (badge) => Promise.resolve(open?.badges?.[badge]),
    idDocumentHolder: (idType, idNumber) => (!open ? Promise.resolve(undefined) : open.held ? Promise.resolve(heldIn(open.held, idType, idNumber)) : unknown()),
    user: (id) => get(`user:${id}`) as Promise<UserState | undefined>,
    userByUsername: unknown,
    countUsers: unknown,
    record: (kind, id) => get(`${kind}:${id}`),
    idsByKey: unknown,
  };
}

/** What a decision was made on, and what it decided. */
interface Seen {
  drafts: EventDraft[];
  /** The records the events touch, as decided on (by `${kind}:${id}`). */
  states: Map<string, unknown>;
  meta: DeviceMeta | undefined;
  lists: ListsSnapshot;
  stamp: string | undefined;
  /** Everything read with the decision (for the known state). */
  read: Map<string, unknown>;
  /** Records taken as absent from the known state: the write checks they still are. */
  absent: { kind: RecordKind; id: string }[];
  /** Decided on the known state rather than on a read transaction. */
  fromKnown: boolean;
}

/**
 * Runs a command as the actor. Returns the events written, or the refusal (with an i18n key
 * and, for form input, the field) — in which case nothing at all was written.
 *
 * Signing is asynchronous (WebCrypto) and an IndexedDB transaction cannot wait for it, so:
 * 1. the decision is made on a consistent view of the store: the record, the office, the actor,
 *    the chain head, the write stamp, whatever decide() looks up, and the other records its
 *    events touch. That view is, when this tab's last commit left everything it needs known
 *    (`Known`: what it read and wrote, the lists rows, the head, tagged with the stamp it
 *    wrote), that known state — no read at all; a record it does not know is taken as absent
 *    (a new visit's id) and checked in step 3. Otherwise (a lookup it cannot answer, or the
 *    command refused on it) one read transaction gives the view;
 * 2. the drafts are checked against their schemas, prepared (ids, time, the command), signed
 *    by the actor and any countersigners, chained and folded — outside any transaction;
 * 3. one write transaction queues, all at once, a read of the write stamp, the chain head and
 *    the records taken as absent, and every write. If any moved since the view of step 1
 *    (another commit, a pull, a restore, in this tab or another), the transaction is aborted —
 *    nothing of it is written — and the command is decided again on a read transaction (at
 *    most 3 times). Otherwise it commits, and what it read and wrote becomes the known state.
 * Every projection write replaces the stamp (`writeProjections`), so "unchanged stamp" means
 * "the state decided on is the state written over", whether it was read or known; a commit
 * that follows this tab's own costs one transaction, like raw Dexie.
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
  const ownKey = `${cmd.kind}:${cmd.recordId}`;

  /** Step 1 on the known state: undefined when it cannot decide (an unknown lookup, a refusal). */
  const decideKnown = async (k: Known, at: string, cmdId: string): Promise<Seen | undefined> => {
    const absent: { kind: RecordKind; id: string }[] = [];
    const org = k.records.get(`org:${ORG_ID}`);
    const actorKey = `user:${actor.userId}`;
    if (!k.records.has(`org:${ORG_ID}`) || !k.records.has(actorKey)) return undefined;
    if (!k.records.has(ownKey)) absent.push({ kind: cmd.kind, id: cmd.recordId });
    const state = k.records.get(ownKey);
    const allowed = command.type === 'org.setUp' ? ok(true) : mayAct(k.records.get(actorKey) as UserState | undefined, cmd);
    if (!allowed.ok) return undefined;
    let decided;
    try {
      decided = await decideCommand(cmd, { actor, now: at, state, org: org as OrgState | undefined, lookups: knownLookups(k), newId: idsFrom(cmdId) });
    } catch (e) {
      if (e instanceof Unknown) return undefined;
      throw e;
    }
    // A refusal is answered from a read transaction, never from what this tab remembers.
    if (!decided.ok) return undefined;
    const states = new Map<string, unknown>([[ownKey, state]]);
    for (const d of decided.data) {
      const key = `${d.kind}:${d.recordId}`;
      if (states.has(key)) continue;
      if (!k.records.has(key)) absent.push({ kind: d.kind, id: d.recordId });
      states.set(key, k.records.get(key));
    }
    return { drafts: decided.data, states, meta: k.head, lists: k.lists, stamp: k.stamp, read: new Map(), absent, fromKnown: true };
  };

  /** Step 1 on one read transaction. */
  const decideRead = (at: string, cmdId: string): Promise<Seen> =>
    db.transaction('r', db.writeTables, async () => {
      const [state, org, actorUser, meta, lists] = await Promise.all([
        db.projection(cmd.kind).get(cmd.recordId),
        db.org.get(ORG_ID),
        db.users.get(actor.userId),
        db.meta.get('device'),
        db.lists.bulkGet(['openVisits', 'visitOrgs', 'writeStamp']),
      ]);
      const read = new Map<string, unknown>([
        [ownKey, state],
        [`org:${ORG_ID}`, org],
        [`user:${actor.userId}`, actorUser],
      ]);
      // The office's first admin acts before their user record exists.
      const allowed = command.type === 'org.setUp' ? ok(true) : mayAct(actorUser, cmd);
      if (!allowed.ok) throw new Refusal(allowed.error);
      const lookups = dexieLookups(db);
      // Records and users decide() reads are kept with the rest (Dexie promises still).
      const noting: Lookups = {
        ...lookups,
        user: (id) => lookups.user(id).then((u) => (read.set(`user:${id}`, u), u)),
        record: (kind, id) => lookups.record(kind, id).then((r) => (read.set(`${kind}:${id}`, r), r)),
      };
      const decided = await decideCommand(cmd, { actor, now: at, state, org, lookups: noting, newId: idsFrom(cmdId) });
      if (!decided.ok) throw new Refusal(decided.error);
      const states = new Map<string, unknown>([[ownKey, state]]);
      await readTouched(db, decided.data, states);
      for (const [key, value] of states) read.set(key, value);
      const [openVisits, visitOrgs, stamp] = lists as [OpenVisitsRow | undefined, VisitOrgsRow | undefined, WriteStampRow | undefined];
      return { drafts: decided.data, states, meta, lists: [openVisits, visitOrgs] as ListsSnapshot, stamp: stamp?.stamp, read, absent: [], fromKnown: false };
    });

  try {
    let useKnown = true;
    for (let attempt = 0; ; ) {
      const now = clock();
      const at = now.toISOString();
      const cmdId = newId();
      // 1. The decision, on one consistent view.
      const k = useKnown ? knownOf.get(db) : undefined;
      useKnown = false;
      const seen = (k && (await decideKnown(k, at, cmdId))) || (await decideRead(at, cmdId));
      if (!seen.fromKnown) attempt++;
      const { drafts, states } = seen;
      if (drafts.length === 0) return ok([]);
      // What decide() made must fit its event types' schemas (a programming error otherwise).
      for (const d of drafts) {
        const parsed = parseEvent({ ...d, id: cmdId, actorId: actor.userId, deviceId: '', deviceSeq: 1, hlc: '', at, prevHash: '', hash: '' });
        if (!parsed.ok) throw new Refusal(parsed.error);
      }
      // 2. Signed, chained and folded outside any transaction. The chain head is created only
      // once a command is accepted (an empty console stays empty after a refusal).
      const meta = seen.meta ?? (await deviceMeta(db));
      const prepared = prepareEvents(drafts, { cmdId, command: { type: command.type, input: cmd.input }, actorId: actor.userId, deviceId: meta.deviceId, at });
      const signed = await signPrepared(prepared, { userId: actor.userId, key: signers.key }, cosigners);
      const { events, head } = chainEvents(meta, signed, now);
      const projections = foldAll(events, states);
      const newHead: DeviceMeta = { ...meta, seq: head.seq, lastHash: head.lastHash, hlc: head.hlc };
      // 3. Written in one round trip, if nothing moved meanwhile.
      let written: { stamp: string; lists: ListsSnapshot | undefined };
      try {
        written = await db.transaction('rw', db.writeTables, async () => {
          // Queued before the writes, so they read the state the writes replace.
          const check = Promise.all([db.lists.get('writeStamp'), db.meta.get('device'), Promise.all(seen.absent.map((r) => db.projection(r.kind).get(r.id)))]);
          const writes = Promise.all([
            db.events.bulkAdd(events),
            db.outbox.bulkAdd(events.map((e) => ({ eventId: e.id }))),
            db.writeProjections(projections, seen.lists),
            db.meta.put(newHead),
          ]);
          const [[stampNow, headNow, absentNow], [, , w]] = await Promise.all([check, writes]);
          if ((stampNow as WriteStampRow | undefined)?.stamp !== seen.stamp || !sameHead(headNow, meta) || absentNow.some((r) => r !== undefined)) throw new Moved();
          return w;
        });
      } catch (e) {
        if (e instanceof Moved) {
          knownOf.delete(db);
          if (seen.fromKnown || attempt < MAX_ATTEMPTS) continue;
        }
        throw e;
      }
      remember(db, seen, written, newHead, projections);
      return ok(events);
    }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.failure };
    console.error('commit failed', e);
    return fail('store-failed', 'errors.storeFailed');
  }
}

/**
 * After a commit: what it read and wrote becomes this tab's known state, current at the stamp
 * it wrote. What was known before stays when the decision was made at the same stamp (known, or
 * read while nothing else had written since).
 */
function remember(db: ConsoleDb, seen: Seen, written: { stamp: string; lists: ListsSnapshot | undefined }, head: DeviceMeta, projections: { kind: RecordKind; id: string; state: unknown }[]) {
  // An import's thousands of records are not worth keeping.
  if (!written.lists || seen.read.size + projections.length > KNOWN_MAX) return knownOf.delete(db);
  const before = knownOf.get(db);
  const keep = before && before.stamp === seen.stamp && before.records.size < KNOWN_MAX;
  const records = new Map(keep ? before.records : undefined);
  for (const [key, value] of seen.read) records.set(key, value);
  for (const p of projections) records.set(`${p.kind}:${p.id}`, p.state);
  knownOf.set(db, { stamp: written.stamp, head, lists: written.lists, records });
}
