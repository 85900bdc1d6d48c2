/**
 * The one write path. commit() validates a command (its zod schema, the actor's roles, the
 * record's current state), then in ONE IndexedDB transaction appends its events to this
 * device's hash chain, updates the projections and queues the outbox. A refused command
 * throws inside the transaction, so it leaves no event, projection or outbox row behind.
 */
import type { z } from 'zod';
import { commands, folds, type Command } from '../../shared/domain/registry';
import type { CommandHandler, Lookups } from '../../shared/domain/types';
import { ORG_ID } from '../../shared/domain/org/state';
import { CHAIN_START, type DomainEvent, type EventDraft, type RecordKind } from '../../shared/events';
import { stampEvents } from '../../shared/sync/stamp';
import { initialHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import type { Actor } from '../../shared/roles';
import type { ConsoleDb, DeviceMeta } from './db';

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.code);
  }
}

/** Answers the domain's cross-record questions from the projections. */
export function dexieLookups(db: ConsoleDb): Lookups {
  return {
    badgeHolder: async (badge) => (await db.lists.get('openVisits'))?.badges?.[badge],
    user: (id) => db.users.get(id),
    userByUsername: (username) => db.users.where('username').equals(username.toLowerCase()).first(),
    countUsers: () => db.users.count(),
    record: (kind, id) => db.projection(kind).get(id),
    idsByKey: async (kind, keys) => {
      const wanted = new Set(keys);
      const out: Record<string, string> = {};
      const rows = (await db.projection(kind).where('keys').anyOf([...wanted]).toArray()) as { id: string; keys: string[] }[];
      for (const r of rows) for (const k of r.keys) if (wanted.has(k)) out[k] = r.id;
      return out;
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

/** A zod issue message is an i18n key when it looks like one ("visit.errors.name"). */
function zodFailure(error: z.ZodError): Failure {
  const issue = error.issues[0];
  const isKey = !!issue && /^[a-zA-Z]+(\.[a-zA-Z0-9-]+)+$/.test(issue.message);
  return { code: 'invalid-input', message: isKey ? issue.message : 'errors.invalidInput', field: issue?.path.join('.') };
}

/** Above this many records of one kind, append() reads them with a cursor rather than bulkGet. */
const BULK_GET_MAX = 64;

/** Stamps drafts onto this device's chain (stampEvents) and folds them into the projections. */
async function append(db: ConsoleDb, actorId: string, drafts: EventDraft[], now: Date, states: Map<string, unknown>, head0?: DeviceMeta): Promise<DomainEvent[]> {
  const meta = head0 ?? (await deviceMeta(db));
  const { events, head } = stampEvents(meta, actorId, drafts, now);
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

/**
 * Runs a command as the actor. Returns the events written, or the refusal (with an i18n key
 * and, for form input, the field) — in which case nothing at all was written.
 */
export async function commit(db: ConsoleDb, actor: Actor, command: Command, clock: () => Date = () => new Date()): Promise<Result<DomainEvent[]>> {
  const handler = commands[command.type] as unknown as CommandHandler<unknown, unknown>;
  if (!handler) return fail('unknown-command', 'errors.invalidInput');
  const parsed = handler.input.safeParse(command.input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const recordId = handler.recordId(parsed.data);
  try {
    const events = await db.transaction('rw', db.writeTables, async () => {
      const now = clock();
      // The reads every command needs, issued together.
      const [state, org, head] = await Promise.all([db.projection(handler.kind).get(recordId), db.org.get(ORG_ID), db.meta.get('device')]);
      const decided = await handler.decide(parsed.data, { actor, now: now.toISOString(), state, org, lookups: dexieLookups(db), newId });
      if (!decided.ok) throw new Refusal(decided.error);
      if (decided.data.length === 0) return [];
      return append(db, actor.userId, decided.data, now, new Map([[`${handler.kind}:${recordId}`, state]]), head);
    });
    return ok(events);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.failure };
    console.error('commit failed', e);
    return fail('store-failed', 'errors.storeFailed');
  }
}
