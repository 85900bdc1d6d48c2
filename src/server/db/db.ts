/**
 * The sync server's storage: PostgreSQL, either embedded (PGlite, files in DATA_DIR/pglite, the
 * default) or a real server (a `pg` pool, when DATABASE_URL is set). Both speak the same SQL;
 * the rest of the server only sees this small interface.
 */

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with $1… parameters; returns its rows. Pass JSON as a string and cast ($1::jsonb). */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for the startup log (never a password). */
  readonly label: string;
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Opens the database and applies pending migrations (otherwise done on first use). */
  ready(): Promise<void>;
  /**
   * Tells every server instance on this database that events up to `version` are committed.
   * PostgreSQL: NOTIFY on channel 'meja_sync'; PGlite (one process): an in-process emitter.
   */
  notify(version: number): Promise<void>;
  /** Calls fn on every notification (this instance's and, on PostgreSQL, every other's). */
  subscribe(fn: (version: number) => void): () => void;
  close(): Promise<void>;
}

/** The NOTIFY channel shared by every server instance on one PostgreSQL database. */
export const SYNC_CHANNEL = 'meja_sync';

/** Thrown by a Db used after close(). */
export class DbClosedError extends Error {
  constructor() {
    super('database closed');
  }
}

/** PostgreSQL's SQLSTATE of an error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 23505: a unique constraint refused a row. */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/** A small synchronous fan-out for notifications. */
export class Listeners {
  private readonly fns = new Set<(version: number) => void>();
  add(fn: (version: number) => void): () => void {
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }
  emit(version: number): void {
    for (const fn of [...this.fns]) {
      try {
        fn(version);
      } catch {
        // a listener's failure is its own
      }
    }
  }
  clear(): void {
    this.fns.clear();
  }
}
