/**
 * The local store (IndexedDB through Dexie): the append-only event log, the outbox of events
 * the server has not acknowledged, device metadata, and one projection table per record kind
 * holding the folded state with the indexes screens query. Only commit() and ingest() write
 * (and restoreBackup(), once, on a fresh console: store/backup.ts).
 */
import Dexie, { type Table } from 'dexie';
import { RECORD_KINDS, type DomainEvent, type RecordKind } from '@shared/events';
import { kinds, type StateOf } from '@shared/domain/registry';
import type { OrgState } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { heldIdDocument, type VisitState } from '@shared/domain/visit/state';
import { newId } from '@shared/ids';
import { visitNameKey } from './visit-name-key';
import type { TicketState } from '@shared/domain/ticket/state';
import type { AssetState } from '@shared/domain/asset/state';
import type { EmployeeState } from '@shared/domain/employee/state';
import type { HandoverState } from '@shared/domain/handover/state';
import type { HlcState } from '@shared/hlc';
import type { IncidentState } from '@shared/domain/incident/state';
import type { AccessRequestState } from '@shared/domain/access/state';
import type { OpsDayState } from '@shared/domain/ops/state';
import type { RestoreState } from '@shared/domain/restore/state';
import type { ThrottleState } from '@shared/auth/throttle';

/** This device's identity and the head of its event chain. */
export interface DeviceMeta {
  key: 'device';
  deviceId: string;
  /** The last deviceSeq used. */
  seq: number;
  /** The hash of this device's last event. */
  lastHash: string;
  hlc: HlcState;
}

/**
 * Failed sign-ins for one username on this device (`src/shared/auth/throttle.ts`), kept in
 * `meta` under `signin-throttle:<username>`: device-local, never an event, never synced, and
 * it survives a reload.
 */
export interface SignInThrottleRow extends ThrottleState {
  key: `signin-throttle:${string}`;
}

export interface OutboxRow {
  seq?: number;
  eventId: string;
}

/** The sync client's state on this device (one row, key 'sync'). */
export interface SyncMeta {
  key: 'sync';
  /** The server this device syncs with ('' = the page's own origin). */
  serverUrl: string;
  userId?: string;
  /** The highest server version pulled. */
  cursor: number;
  lastSyncedAt?: string;
  /** While a fresh console loads its first snapshot: the version it reflects and where to resume. */
  snapshot?: { asOf: number; after: [RecordKind, string] | null };
  /** Events older than the snapshot, fetched in the background: complete when cursor reaches upTo. */
  history?: { upTo: number; cursor: number };
}

/**
 * The ids of the visits still open (awaiting approval, approved, inside), in one row. The
 * board, the approvals queue and the badge check read it and fetch ~30 visits by key: an
 * index range over `status` slows down with history, because Chromium's IndexedDB keeps stale
 * index entries of every status change until it compacts (measured in docs/benchmarks.md).
 */
export interface OpenVisitsRow {
  key: 'openVisits';
  ids: string[];
  /** Badge number → the visit holding it, for the "one badge, one visitor" check. */
  badges?: Record<string, string>;
  /**
   * Visit id → the ID document the desk holds for it (`idDocumentKey`: type and normalised number),
   * for the "one card, one visit" check without reading the open visits (since v11).
   */
  held?: Record<string, string>;
}

/** The visit's row as stored: its state and its `nameKey`. */
const withNameKey = (v: VisitState) => ({ ...v, nameKey: visitNameKey(v.nameLower) });

/**
 * Every organisation a visitor has come from (lower case), for the visit log's organisation
 * filter: the typed text is matched against these, then each match is read newest first from
 * the `[orgLower+registeredAt]` index. (Chromium reads an index's distinct keys by walking all
 * of its entries, so the list is kept here, not recomputed.)
 */
export interface VisitOrgsRow {
  key: 'visitOrgs';
  orgs: string[];
}

/**
 * A marker every projection write replaces (`writeProjections`): commit() notes it with the
 * state it decides on and checks it in the transaction that writes, so a decision made on
 * state that has since changed is never written (see commit.ts).
 */
export interface WriteStampRow {
  key: 'writeStamp';
  stamp: string;
}

/** The rows of the `lists` table. */
export type ListsRow = OpenVisitsRow | VisitOrgsRow | WriteStampRow;

/** The `lists` rows writeProjections keeps in step, as read before it (commit() reads them with its decision). */
export type ListsSnapshot = readonly [OpenVisitsRow | undefined, VisitOrgsRow | undefined];

/**
 * An evidence file, content-addressed: key = SHA-256 of the bytes. Events carry only the
 * reference ({hash, name, type, size}); the bytes sync on their own (src/renderer/sync/blobs.ts).
 * A row without `data` is a file some event references that has not been downloaded yet
 * (`pending` = 1 marks it for the downloader); `uploaded` = 1 once the server has it.
 */
export interface BlobRow {
  hash: string;
  size: number;
  type: string;
  data?: Uint8Array;
  pending?: 1;
  uploaded?: 1;
}

/** Statuses of a visit that is not finished. */
export const OPEN_VISIT_STATUSES: readonly VisitState['status'][] = ['awaiting_approval', 'approved', 'inside'];

export class ConsoleDb extends Dexie {
  sync!: Table<SyncMeta, string>;
  lists!: Table<ListsRow, string>;
  events!: Table<DomainEvent, string>;
  outbox!: Table<OutboxRow, number>;
  meta!: Table<DeviceMeta, string>;
  org!: Table<OrgState, string>;
  users!: Table<UserState, string>;
  visits!: Table<VisitState, string>;
  tickets!: Table<TicketState, string>;
  incidents!: Table<IncidentState, string>;
  accessRequests!: Table<AccessRequestState, string>;
  opsDays!: Table<OpsDayState, string>;
  restores!: Table<RestoreState, string>;
  blobs!: Table<BlobRow, string>;
  employees!: Table<EmployeeState, string>;
  assets!: Table<AssetState, string>;
  handovers!: Table<HandoverState, string>;

  /** The database name lets each test and each bench run use its own database. */
  constructor(name = 'meja-it') {
    super(name);
    this.version(1).stores({
      events: '&id, [kind+recordId], [deviceId+deviceSeq], hlc',
      outbox: '++seq, &eventId',
      meta: '&key',
      org: '&id',
      users: '&id, &username',
      visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut',
    });
    // v2: refused events are found by status (the conflict inbox); sync keeps its cursor in `sync`.
    this.version(2).stores({
      events: '&id, [kind+recordId], [deviceId+deviceSeq], hlc, status',
      sync: '&key',
    });
    // v3: the open-visits row, built from the visits already stored.
    this.version(3)
      .stores({ lists: '&key' })
      .upgrade(async (tx) => {
        const open = await tx.table<VisitState, string>('visits').where('status').anyOf([...OPEN_VISIT_STATUSES]).toArray();
        const badges = Object.fromEntries(open.filter((v) => v.badgeOut).map((v) => [v.badgeOut!, v.id]));
        await tx.table<OpenVisitsRow, string>('lists').put({ key: 'openVisits', ids: open.map((v) => v.id), badges });
      });
    // v4: assets and handovers (DOMAIN.md §2). `*keys` holds each record's unique keys (tag,
    // serials, NIP) for the uniqueness checks and the scanner lookup; [category+maintBase] is
    // set only while an asset is assigned, so the maintenance lists read the assigned ones only.
    this.version(4).stores({
      employees: '&id, nameLower, *keys, status',
      assets: '&id, *keys, tag, status, category, [status+category], holderId, [category+maintBase], textLower, locationLower, [status+category+locationLower]',
      handovers: '&id, employeeId, handoverId, [docType+at]',
    });
    // v5: helpdesk tickets. `queueDue` is set only while a ticket's SLA clock runs, so that
    // index holds exactly the open queue in urgency order (an index range, however long the
    // history); [assigneeId+queueDue] is "assigned to me, most urgent first";
    // [status+resolvedAt] the fixes awaiting the user's confirmation; [status+receivedAt] the
    // unclassified tickets and the log by status.
    this.version(5).stores({
      tickets: '&id, receivedAt, [status+receivedAt], queueDue, [assigneeId+queueDue], [status+resolvedAt], assetSerial',
    });
    // v6: security incidents ("waiting for my role" = [status+turnRole+stepStartedAt], the list
    // = reportedAt / [status+reportedAt]) and the content-addressed evidence files.
    this.version(6).stores({
      incidents: '&id, reportedAt, [status+reportedAt], [status+turnRole], [status+turnRole+stepStartedAt], ticketId',
      blobs: '&hash, pending',
    });
    // v7: system access requests (SOP-IT-003). [waitingRole+submittedAt] is "waiting for my
    // role" (set only while the IT Manager must decide or the IT team must provision);
    // [status+submittedAt] the list by status; employeeId what an employee holds (to revoke).
    this.version(7).stores({
      accessRequests: '&id, submittedAt, [status+submittedAt], [waitingRole+submittedAt], employeeId',
    });
    this.version(8).stores({
      opsDays: '&id, openDisruptions',
    });
    // v9: backup restore requests (SOP 4). [waitingRole+requestedAt] is "waiting for my role"
    // (the IT Manager's approval, the IT team's restore), oldest first; [status+requestedAt] the list by status.
    this.version(9).stores({
      restores: '&id, requestedAt, [status+requestedAt], [waitingRole+requestedAt]',
    });
    // v10: the visit log's filters served by an index each (docs/benchmarks.md): an organisation
    // newest first, a name prefix with its registration times in the key; and the organisations row.
    this.version(10)
      .stores({
        visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut, [orgLower+registeredAt], [nameLower+registeredAt]',
      })
      .upgrade(async (tx) => {
        const orgs = (await tx.table<VisitState, string>('visits').orderBy('orgLower').uniqueKeys()) as string[];
        await tx.table<ListsRow, string>('lists').put({ key: 'visitOrgs', orgs });
      });
    // v11: the log's name filter served by [nameKey+registeredAt] (a name's first letters and the
    // registration time: the date range of one prefix is one contiguous range, not every visit
    // of that name ever, each of which Chromium checks against its row); the ID documents held,
    // in the open-visits row. A new write stamp: what a commit() noted before is no longer current.
    this.version(11)
      .stores({
        visits: '&id, status, nameLower, orgLower, registeredAt, [status+registeredAt], badgeOut, [orgLower+registeredAt], [nameLower+registeredAt], [nameKey+registeredAt]',
      })
      .upgrade(async (tx) => {
        await tx
          .table<VisitState & { nameKey?: string }, string>('visits')
          .toCollection()
          .modify((v) => {
            v.nameKey = visitNameKey(v.nameLower ?? '');
          });
        const lists = tx.table<ListsRow, string>('lists');
        const row = (await lists.get('openVisits')) as OpenVisitsRow | undefined;
        if (row) {
          const open = await tx.table<VisitState, string>('visits').bulkGet(row.ids);
          const held: Record<string, string> = {};
          for (const v of open) {
            const key = heldIdDocument(v);
            if (key) held[v!.id] = key;
          }
          await lists.put({ ...row, held });
        }
        await lists.put({ key: 'writeStamp', stamp: newId() });
      });
    // `nameKey` belongs to the store, not to the visit's state: readers never see it.
    this.visits.hook('reading', (row: VisitState & { nameKey?: string }) => {
      if (!row || row.nameKey === undefined) return row;
      const { nameKey: _key, ...state } = row;
      return state as VisitState;
    });
  }

  /** The sign-in throttle rows, which share the `meta` table (key `signin-throttle:<username>`). */
  get signInThrottle(): Table<SignInThrottleRow, string> {
    return this.meta as unknown as Table<SignInThrottleRow, string>;
  }

  /** The projection table of a record kind: the one its definition names (checked below). */
  projection<K extends RecordKind>(kind: K): Table<StateOf[K], string> {
    return this[kinds[kind].table] as unknown as Table<StateOf[K], string>;
  }

  /**
   * Writes folded states (or deletes records with none) and keeps the open-visits row in step.
   * The only way projections are written; call inside a transaction over writeTables. Every
   * call replaces the write stamp. `lists` is the open-visits and organisations rows as read
   * earlier (by a caller that checks the stamp before its transaction commits), else read here.
   * Returns the new stamp and the two rows as they are after it (commit() keeps them).
   */
  async writeProjections(entries: { kind: RecordKind; id: string; state: unknown }[], lists?: ListsSnapshot): Promise<{ stamp: string; lists: ListsSnapshot | undefined }> {
    const visits = entries.filter((e) => e.kind === 'visit');
    // One bulkPut (and bulkDelete) per kind: an import writes thousands of rows in one request each.
    const stamp = newId();
    let after = lists;
    const ops: Promise<unknown>[] = [this.lists.put({ key: 'writeStamp', stamp })];
    const kinds = new Set(entries.map((e) => e.kind));
    for (const kind of kinds) {
      const mine = entries.filter((e) => e.kind === kind);
      const puts = mine.filter((e) => e.state).map((e) => (kind === 'visit' ? withNameKey(e.state as VisitState) : e.state) as never);
      const deletes = mine.filter((e) => !e.state).map((e) => e.id);
      if (puts.length > 0) ops.push(puts.length === 1 ? this.projection(kind).put(puts[0]!) : this.projection(kind).bulkPut(puts));
      if (deletes.length > 0) ops.push(this.projection(kind).bulkDelete(deletes));
    }
    if (visits.length > 0) {
      const [row, orgsRow] = lists ?? ((await this.lists.bulkGet(['openVisits', 'visitOrgs'])) as unknown as ListsSnapshot);
      const orgs = new Set(orgsRow?.orgs ?? []);
      const newOrgs = visits.map((v) => (v.state as VisitState | undefined)?.orgLower).filter((o): o is string => o !== undefined && !orgs.has(o));
      let orgsAfter = orgsRow;
      if (newOrgs.length > 0 || !orgsRow) ops.push(this.lists.put((orgsAfter = { key: 'visitOrgs', orgs: [...orgs, ...new Set(newOrgs)] })));
      const open = new Set(row?.ids ?? []);
      const badges = { ...(row?.badges ?? {}) };
      // A row without `held` (only before the v11 upgrade) stays without: the lookup reads the visits then.
      const held = row && !row.held ? undefined : { ...(row?.held ?? {}) };
      let changed = !row;
      for (const { id, state } of visits) {
        const isOpen = !!state && OPEN_VISIT_STATUSES.includes((state as VisitState).status);
        if (isOpen !== open.has(id)) {
          changed = true;
          if (isOpen) open.add(id);
          else open.delete(id);
        }
        const badge = isOpen ? (state as VisitState).badgeOut : undefined;
        for (const [b, holder] of Object.entries(badges)) {
          if (holder === id && b !== badge) {
            delete badges[b];
            changed = true;
          }
        }
        if (badge && badges[badge] !== id) {
          badges[badge] = id;
          changed = true;
        }
        const card = heldIdDocument(state as VisitState | undefined);
        if (held && held[id] !== card) {
          if (card) held[id] = card;
          else delete held[id];
          changed = true;
        }
      }
      let openAfter = row;
      if (changed) ops.push(this.lists.put((openAfter = { key: 'openVisits', ids: [...open], badges, ...(held ? { held } : {}) })));
      after = [openAfter, orgsAfter];
    }
    await Promise.all(ops);
    return { stamp, lists: after };
  }

  /** Every table commit() and ingest() write in one transaction. */
  get writeTables(): Table[] {
    return [this.events, this.outbox, this.meta, this.lists, ...RECORD_KINDS.map((kind) => this.projection(kind))] as Table[];
  }
}

/** The kinds whose definition names a table this class does not declare as a table of their state. */
type MisnamedTables = {
  [K in RecordKind]: (typeof kinds)[K]['table'] extends keyof ConsoleDb ? (ConsoleDb[(typeof kinds)[K]['table']] extends Table<StateOf[K], string> ? never : K) : K;
}[RecordKind];
/** Compile-time: every kind's projection table is declared above with its state type (a new kind adds its table and a version). */
const _everyKindHasItsTable: [MisnamedTables] extends [never] ? true : MisnamedTables = true;
