/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a data directory: `npm run serve` works with
 * nothing installed. One process owns the directory; PGlite runs one statement or transaction
 * at a time, so notifications stay in-process.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { DbClosedError, Listeners, type Db, type Queryable } from './db';
import { migrate } from './migrations';

export interface PgliteOptions {
  /** The database directory; in memory when omitted. */
  dir?: string;
  /** A tarball made by PGlite's dumpDataDir() to start from (tests: skips the slow initdb). */
  loadDataDir?: Blob;
}

const wrap = (q: PGlite | Transaction): Queryable => ({
  async query<T>(sql: string, params: readonly unknown[] = []) {
    return (await q.query<T>(sql, [...params])).rows;
  },
});

export function openPglite(options: PgliteOptions = {}): Db {
  const listeners = new Listeners();
  let opened: Promise<PGlite> | undefined;
  let closed = false;

  const open = (): Promise<PGlite> => {
    if (closed) return Promise.reject(new DbClosedError());
    opened ??= (async () => {
      if (options.dir) mkdirSync(options.dir, { recursive: true });
      const pg = await PGlite.create(options.dir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
      await migrate({ query: (sql, params) => wrap(pg).query(sql, params), transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))) });
      return pg;
    })();
    return opened;
  };

  return {
    kind: 'pglite',
    label: options.dir ? `PGlite (${options.dir})` : 'PGlite (in memory)',
    async query<T>(sql: string, params?: readonly unknown[]) {
      const pg = await open();
      return wrap(pg).query<T>(sql, params);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const pg = await open();
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async ready() {
      await open();
    },
    async notify(version) {
      if (!closed) listeners.emit(version);
    },
    subscribe: (fn) => listeners.add(fn),
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      // PGlite.close() lets a running transaction finish first, then shuts the database down.
      const pg = await opened?.catch(() => undefined);
      if (pg && !pg.closed) await pg.close();
    },
  };
}
