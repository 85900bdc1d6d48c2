/**
 * A real PostgreSQL server through a `pg` pool (DATABASE_URL). Several server instances may
 * share the database: writes serialise on the sync_state row (see SyncService), and a commit
 * on any instance reaches every instance's listeners through LISTEN/NOTIFY on 'meja_sync'
 * (one dedicated connection per instance LISTENs, reconnecting if it drops).
 */
import pg from 'pg';
import { DbClosedError, Listeners, SYNC_CHANNEL, type Db, type Queryable } from './db';
import { migrate } from './migrations';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size (default 10). */
  max?: number;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const listeners = new Listeners();
  let migrated: Promise<void> | undefined;
  let closed = false;
  let listener: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;

  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await client.query(sql, [...params])).rows as T[];

  const rawTransaction = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    if (closed) throw new DbClosedError();
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn({ query: (sql, params) => run(client, sql, params) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  };

  const ready = (): Promise<void> => {
    if (closed) return Promise.reject(new DbClosedError());
    migrated ??= migrate({ query: (sql, params) => run(pool, sql, params), transaction: rawTransaction }).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };

  const listen = (): Promise<void> => {
    listening ??= (async () => {
      const client = new pg.Client({ connectionString: options.connectionString });
      let dropped = false;
      const again = () => {
        if (dropped) return;
        dropped = true;
        if (listener === client) listener = undefined;
        listening = undefined;
        client.removeAllListeners();
        void client.end().catch(() => undefined);
        if (!closed) retry = setTimeout(() => void listen().catch(() => undefined), 1000);
      };
      client.on('error', again);
      client.on('end', again);
      client.on('notification', (n) => {
        const version = Number(n.payload);
        if (n.channel === SYNC_CHANNEL && Number.isFinite(version)) listeners.emit(version);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${SYNC_CHANNEL}`);
        listener = client;
      } catch (error) {
        again();
        throw error;
      }
    })();
    return listening;
  };

  return {
    kind: 'postgres',
    label: `PostgreSQL (${redactUrl(options.connectionString)})`,
    async query<T>(sql: string, params?: readonly unknown[]) {
      await ready();
      if (closed) throw new DbClosedError();
      return run<T>(pool, sql, params);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      await ready();
      return rawTransaction(fn);
    },
    async ready() {
      await ready();
      // Once something listens for pokes, "ready" includes the LISTEN connection.
      if (listening) await listening.catch(() => undefined);
    },
    async notify(version) {
      if (closed) return;
      await ready();
      await pool.query(`SELECT pg_notify($1, $2)`, [SYNC_CHANNEL, String(version)]);
    },
    subscribe(fn) {
      const off = listeners.add(fn);
      void listen().catch(() => undefined);
      return off;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      const l = listener;
      listener = undefined;
      if (l) {
        l.removeAllListeners();
        l.on('error', () => undefined);
        await l.end().catch(() => undefined);
      }
      // Waits for checked-out clients (a running transaction) to be released.
      await pool.end();
    },
  };
}
