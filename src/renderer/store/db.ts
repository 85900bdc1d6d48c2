/**
 * The local store (IndexedDB through Dexie): the append-only event log, the outbox of events
 * the server has not acknowledged, device metadata, and one projection table per record kind
 * holding the folded state with the indexes screens query. Only commit() and ingest() write.
 */
import Dexie, { type Table } from 'dexie';
import type { DomainEvent, RecordKind } from '../../shared/events';
import type { StateOf } from '../../shared/domain/registry';
import type { OrgState } from '../../shared/domain/org/state';
import type { UserState } from '../../shared/domain/user/state';
import type { VisitState } from '../../shared/domain/visit/state';
import type { HlcState } from '../../shared/hlc';

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
}

export class ConsoleDb extends Dexie {
  sync!: Table<SyncMeta, string>;
  events!: Table<DomainEvent, string>;
  outbox!: Table<OutboxRow, number>;
  meta!: Table<DeviceMeta, string>;
  org!: Table<OrgState, string>;
  users!: Table<UserState, string>;
  visits!: Table<VisitState, string>;

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
  }

  /** The projection table of a record kind. */
  projection<K extends RecordKind>(kind: K): Table<StateOf[K], string> {
    const tables = { org: this.org, user: this.users, visit: this.visits } as const;
    return tables[kind] as unknown as Table<StateOf[K], string>;
  }

  /** Every table commit() and ingest() write in one transaction. */
  get writeTables(): Table[] {
    return [this.events, this.outbox, this.meta, this.org, this.users, this.visits] as Table[];
  }
}
