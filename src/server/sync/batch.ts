/**
 * The state one push touches, loaded once per push and kept in memory while its commands are
 * re-checked (issue 10, "push throughput"): the office, every user (with their keys), every
 * record the push's commands address or their events change, and the device's head. Commands
 * run in order against this overlay — what an earlier command of the same push changed is what
 * the next one sees — and the writes (events, projections, the head) go out in a few
 * multi-row statements at the end, all inside the push's one transaction under the write lock.
 *
 * The domain's cross-record questions (`Lookups`) are answered from the overlay first and from
 * SQL for the rest, with SQL answers about records the push changed corrected by the overlay.
 */
import { ORG_ID, type OrgState } from '../../shared/domain/org/state';
import type { Lookups } from '../../shared/domain/types';
import type { UserState } from '../../shared/domain/user/state';
import { heldIdDocument, holdsIdDocument, idDocumentKey, type VisitState } from '../../shared/domain/visit/state';
import type { DomainEvent, RecordKind } from '../../shared/events';
import { jsonTextOf } from '../../shared/sync/replay';
import type { Queryable } from '../db/db';

const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** Value → the ids that have it now, kept in step as ids change value (each id has at most one). */
class ValueIndex {
  private readonly valueOf = new Map<string, string>();
  private readonly idsOf = new Map<string, Set<string>>();

  move(id: string, value: string | undefined): void {
    const before = this.valueOf.get(id);
    if (before === value) return;
    if (before !== undefined) {
      this.idsOf.get(before)?.delete(id);
      this.valueOf.delete(id);
    }
    if (value === undefined) return;
    this.valueOf.set(id, value);
    let ids = this.idsOf.get(value);
    if (!ids) this.idsOf.set(value, (ids = new Set()));
    ids.add(id);
  }

  /** The first id (in the order they took it) that has the value now. */
  first(value: string): string | undefined {
    for (const id of this.idsOf.get(value) ?? []) return id;
    return undefined;
  }
}

/** Records by "kind:id": loaded from the projections, then changed by the push's commands. */
export class Overlay {
  /** Every state known: as loaded (undefined = no such record) or as changed by this push. */
  private readonly states = new Map<string, unknown>();
  /** The keys this push changed. */
  readonly changed = new Set<string>();
  /** The accepted events of this push, by record (for a re-fold of a late event). */
  readonly acceptedByRecord = new Map<string, DomainEvent[]>();

  constructor(private readonly q: Queryable) {}

  /** Loads the records not yet known, in one statement. */
  async load(records: readonly { kind: RecordKind; id: string }[]): Promise<void> {
    const wanted = records.filter((r) => !this.states.has(keyOf(r.kind, r.id)));
    if (wanted.length === 0) return;
    const rows = await this.q.query<{ kind: string; record_id: string; state: unknown }>(
      `SELECT kind, record_id, state FROM projections WHERE (kind, record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [wanted.map((r) => r.kind), wanted.map((r) => r.id)],
    );
    for (const r of wanted) this.states.set(keyOf(r.kind, r.id), undefined);
    for (const r of rows) this.states.set(keyOf(r.kind, r.record_id), r.state);
  }

  /** Loads every user (an office has tens to hundreds): actors, countersigners, escorts. */
  async loadUsers(): Promise<void> {
    const rows = await this.q.query<{ record_id: string; state: unknown }>(`SELECT record_id, state FROM projections WHERE kind = 'user'`);
    for (const r of rows) if (!this.states.has(keyOf('user', r.record_id))) this.states.set(keyOf('user', r.record_id), r.state);
    this.usersLoaded = true;
  }

  private usersLoaded = false;

  /** Every user's keys, as loaded (`loadUsers`). */
  userKeys(): Map<string, UserState['keys'] | undefined> {
    const keys = new Map<string, UserState['keys'] | undefined>();
    for (const [key, v] of this.states) if (key.startsWith('user:') && v) keys.set(key.slice(5), (v as UserState).keys);
    return keys;
  }
  /** Badge → visit id of every visit holding a badge when the push began (an office's pool is small). */
  private badges: Map<string, string> | undefined;

  /** Loads which visits hold a badge (one indexed query), so badge checks need no query each. */
  /** The visits holding a visitor's ID card (a few dozen at most), by ID number: one query per push. */
  private held?: Map<string, { record_id: string; state: VisitState }[]>;

  async loadHeldIds(): Promise<void> {
    // Uses the partial index projections_id_held (migration 9): only visits holding an ID.
    const rows = await this.q.query<{ record_id: string; state: VisitState }>(`SELECT record_id, state FROM projections WHERE kind = 'visit' AND (state->>'idHeld') = 'true'`);
    this.held = new Map();
    for (const r of rows) {
      const n = (r.state as { idNumber?: string }).idNumber ?? '';
      this.held.set(n, [...(this.held.get(n) ?? []), r]);
    }
  }

  async loadBadges(): Promise<void> {
    const rows = await this.q.query<{ record_id: string; badge: string }>(`SELECT record_id, state->>'badgeOut' AS badge FROM projections WHERE kind = 'visit' AND state->>'badgeOut' IS NOT NULL`);
    this.badges = new Map(rows.map((r) => [r.badge, r.record_id]));
  }

  has(kind: string, id: string): boolean {
    return this.states.has(keyOf(kind, id));
  }

  /** A record's state (loading it when it is not known yet). */
  async get<T>(kind: RecordKind, id: string): Promise<T | undefined> {
    if (!this.states.has(keyOf(kind, id))) await this.load([{ kind, id }]);
    return this.states.get(keyOf(kind, id)) as T | undefined;
  }

  /** A state known already (loaded or changed), without a query. */
  peek<T>(kind: string, id: string): T | undefined {
    return this.states.get(keyOf(kind, id)) as T | undefined;
  }

  set(kind: string, id: string, state: unknown): void {
    const key = keyOf(kind, id);
    this.states.set(key, state);
    this.changed.add(key);
    let ids = this.changedIds.get(kind);
    if (!ids) this.changedIds.set(kind, (ids = new Set()));
    ids.add(id);
    if (kind === 'visit') {
      const v = state as VisitState | undefined;
      this.badgesChanged.move(id, v?.badgeOut);
      this.heldChanged.move(id, heldIdDocument(v));
    }
  }

  /** Badge → the visits this push changed that hold it now (a lookup, not a scan of every changed visit). */
  private readonly badgesChanged = new ValueIndex();
  /** ID document (`idDocumentKey`) → the visits this push changed that hold it now. */
  private readonly heldChanged = new ValueIndex();

  /** The ids this push changed, by kind. */
  private readonly changedIds = new Map<string, Set<string>>();

  /** The states this push changed, of one kind (id, state). */
  *changedOf<T>(kind: string): Generator<[string, T]> {
    for (const id of this.changedIds.get(kind) ?? []) yield [id, this.states.get(keyOf(kind, id)) as T];
  }

  org(): Promise<OrgState | undefined> {
    return this.get<OrgState>('org', ORG_ID);
  }

  private answers?: Lookups;

  /** The domain's cross-record questions, answered from the overlay first (one object per push). */
  lookups(): Lookups {
    return (this.answers ??= this.makeLookups());
  }

  private makeLookups(): Lookups {
    const q = this.q;
    return {
      badgeHolder: async (badge) => {
        const changedHolder = this.badgesChanged.first(badge);
        if (changedHolder) return changedHolder;
        const ids = this.badges
          ? [this.badges.get(badge)].filter((x): x is string => !!x)
          : (await q.query<{ record_id: string }>(`SELECT record_id FROM projections WHERE kind = 'visit' AND state->>'badgeOut' = $1`, [badge])).map((r) => r.record_id);
        // A visit this push changed answers from the overlay (it may have given the badge back).
        return ids.find((id) => !this.changed.has(keyOf('visit', id)));
      },
      idDocumentHolder: async (idType, idNumber) => {
        const changedHolder = this.heldChanged.first(idDocumentKey(idType, idNumber));
        if (changedHolder) return changedHolder;
        const rows =
          this.held?.get(idNumber) ??
          (this.held
            ? []
            : // Uses the partial index projections_id_held (migration 9): only visits holding an ID.
              await q.query<{ record_id: string; state: VisitState }>(`SELECT record_id, state FROM projections WHERE kind = 'visit' AND (state->>'idHeld') = 'true' AND state->>'idNumber' = $1`, [idNumber]));
        // A visit this push changed answers from the overlay (it may have given the ID back).
        return rows.find((r) => !this.changed.has(keyOf('visit', r.record_id)) && holdsIdDocument(r.state, idType, idNumber))?.record_id;
      },
      user: (id) => this.get<UserState>('user', id),
      userByUsername: async (username) => {
        const name = username.trim().toLowerCase();
        if (!this.usersLoaded) await this.loadUsers();
        for (const [key, v] of this.states) if (key.startsWith('user:') && (v as UserState | undefined)?.username === name) return v as UserState;
        return undefined;
      },
      countUsers: async () => {
        if (!this.usersLoaded) await this.loadUsers();
        let n = 0;
        for (const [key, v] of this.states) if (key.startsWith('user:') && v) n++;
        return n;
      },
      record: (kind, id) => this.get(kind, id),
      idsByKey: async (kind, keys) => {
        if (keys.length === 0) return {};
        const wanted = new Set(keys);
        const out: Record<string, string> = {};
        // Uses the GIN index projections_keys (migration 2).
        const rows = await q.query<{ record_id: string; keys: string[] }>(`SELECT record_id, state->'keys' AS keys FROM projections WHERE kind = $1 AND state->'keys' ?| $2::text[]`, [kind, [...keys]]);
        for (const r of rows) {
          if (this.changed.has(keyOf(kind, r.record_id))) continue;
          for (const k of r.keys) if (wanted.has(k)) out[k] = r.record_id;
        }
        for (const [id, v] of this.changedOf<{ keys?: string[] }>(kind)) for (const k of v?.keys ?? []) if (wanted.has(k)) out[k] = id;
        return out;
      },
    };
  }
}

/** One event row to insert. */
export interface EventInsert {
  e: DomainEvent;
  status: 'accepted' | 'rejected';
  reason: string | null;
  field: string | null;
  version: number;
  envelope: string | null;
}

/** Inserts event rows in one statement per 1,000 (parameters as arrays: one round trip). */
export async function insertEvents(q: Queryable, rows: readonly EventInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const page = rows.slice(i, i + 1000);
    const col = <T>(f: (r: EventInsert) => T) => page.map(f);
    await q.query(
      `INSERT INTO events (id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at, at_text, prev_hash, hash, status, reason, server_version, envelope, reason_field)
       SELECT id, device_id, device_seq, kind, record_id, type, payload::jsonb, actor_id, hlc, at_text::timestamptz, at_text, prev_hash, hash, status, reason, server_version, envelope::jsonb, reason_field
       FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::text[])
         AS t(id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at_text, prev_hash, hash, status, reason, server_version, envelope, reason_field)`,
      [
        col((r) => r.e.id),
        col((r) => r.e.deviceId),
        col((r) => r.e.deviceSeq),
        col((r) => r.e.kind),
        col((r) => r.e.recordId),
        col((r) => r.e.type),
        col((r) => jsonTextOf(r.e.payload)),
        col((r) => r.e.actorId),
        col((r) => r.e.hlc),
        col((r) => r.e.at),
        col((r) => r.e.prevHash),
        col((r) => r.e.hash),
        col((r) => r.status),
        col((r) => r.reason),
        col((r) => r.version),
        col((r) => r.envelope),
        col((r) => r.field),
      ],
    );
  }
}

/** Upserts projection rows in one statement per 1,000. */
export async function upsertProjections(q: Queryable, rows: readonly { kind: string; id: string; state: unknown; version: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const page = rows.slice(i, i + 1000);
    await q.query(
      `INSERT INTO projections (kind, record_id, state, version)
       SELECT kind, record_id, state::jsonb, version FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS t(kind, record_id, state, version)
       ON CONFLICT (kind, record_id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version`,
      [page.map((r) => r.kind), page.map((r) => r.id), page.map((r) => JSON.stringify(r.state)), page.map((r) => r.version)],
    );
  }
}
