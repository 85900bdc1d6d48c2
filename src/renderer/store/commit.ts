/**
 * The one write path. commit() validates a command (its zod schema, the actor's roles, the
 * record's current state) on one consistent read of the store, signs its events with the
 * actor's key, then in ONE IndexedDB transaction appends them to this device's hash chain,
 * updates the projections and queues the outbox — or, if the state moved in between, writes
 * nothing and decides again. A refused command writes no event, projection or outbox row.
 */
import { folds, type Command } from '@shared/domain/registry';
import type { Lookups } from '@shared/domain/types';
import { holdsIdDocument } from '@shared/domain/visit/state';
import { ORG_ID } from '@shared/domain/org/state';
import { CHAIN_START, type DomainEvent, type RecordKind } from '@shared/events';
import { chainEvents, prepareEvents, signPrepared, type Signer } from '@shared/sync/stamp';
import { decideCommand, mayAct, parseCommand, requiredCosigners } from '@shared/sync/replay';
import { parseEvent } from '@shared/domain/event-schemas';
import type { SigningKey } from '@shared/signing';
import { initialHlc } from '@shared/hlc';
import { idsFrom, newId } from '@shared/ids';
import { fail, ok, type Failure, type Result } from '@shared/result';
import type { Actor } from '@shared/roles';
import type { ConsoleDb, DeviceMeta, ListsSnapshot, OpenVisitsRow, VisitOrgsRow, WriteStampRow } from './db';

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
 * Runs a command as the actor. Returns the events written, or the refusal (with an i18n key
 * and, for form input, the field) — in which case nothing at all was written.
 *
 * Signing is asynchronous (WebCrypto) and an IndexedDB transaction cannot wait for it, so:
 * 1. one read transaction gives a consistent view: the record, the office, the actor, the
 *    chain head, the write stamp, and whatever decide() looks up; decide() runs on it, and the
 *    other records its events touch are read in the same transaction;
 * 2. the drafts are checked against their schemas, prepared (ids, time, the command), signed
 *    by the actor and any countersigners, chained and folded — outside any transaction;
 * 3. one write transaction queues, all at once, a read of the write stamp and the chain head
 *    and every write. If either changed since step 1 (another commit, a pull, a restore, in
 *    this tab or another), the transaction is aborted — nothing of it is written — and the
 *    command is decided again on the new state (at most 3 times). Otherwise it commits.
 * Every projection write replaces the stamp (`writeProjections`), so "unchanged stamp" means
 * "the state decided on is the state written over"; the write costs one round trip, like raw.
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
  try {
    for (let attempt = 0; ; attempt++) {
      const now = clock();
      const at = now.toISOString();
      const cmdId = newId();
      // 1. The decision, on one consistent view.
      const seen = await db.transaction('r', db.writeTables, async () => {
        const [state, org, actorUser, meta, lists] = await Promise.all([
          db.projection(cmd.kind).get(cmd.recordId),
          db.org.get(ORG_ID),
          db.users.get(actor.userId),
          db.meta.get('device'),
          db.lists.bulkGet(['openVisits', 'visitOrgs', 'writeStamp']),
        ]);
        // The office's first admin acts before their user record exists.
        const allowed = command.type === 'org.setUp' ? ok(true) : mayAct(actorUser, cmd);
        if (!allowed.ok) throw new Refusal(allowed.error);
        const decided = await decideCommand(cmd, { actor, now: at, state, org, lookups: dexieLookups(db), newId: idsFrom(cmdId) });
        if (!decided.ok) throw new Refusal(decided.error);
        const states = new Map<string, unknown>([[ownKey, state]]);
        await readTouched(db, decided.data, states);
        const [openVisits, visitOrgs, stamp] = lists as [OpenVisitsRow | undefined, VisitOrgsRow | undefined, WriteStampRow | undefined];
        return { drafts: decided.data, states, meta, lists: [openVisits, visitOrgs] as ListsSnapshot, stamp: stamp?.stamp };
      });
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
      // 3. Written in one round trip, if nothing moved meanwhile.
      try {
        await db.transaction('rw', db.writeTables, async () => {
          const check = Promise.all([db.lists.get('writeStamp'), db.meta.get('device')]);
          const writes = Promise.all([
            db.events.bulkAdd(events),
            db.outbox.bulkAdd(events.map((e) => ({ eventId: e.id }))),
            db.writeProjections(projections, seen.lists),
            db.meta.put({ ...meta, seq: head.seq, lastHash: head.lastHash, hlc: head.hlc }),
          ]);
          const [[stampNow, headNow]] = await Promise.all([check, writes]);
          if ((stampNow as WriteStampRow | undefined)?.stamp !== seen.stamp || !sameHead(headNow, meta)) throw new Moved();
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
