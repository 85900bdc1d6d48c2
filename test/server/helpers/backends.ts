/**
 * The databases the sync suite runs against: PGlite (always) and a real PostgreSQL when one is
 * reachable (a fresh database per run, dropped afterwards). With CI set, an unreachable
 * PostgreSQL fails the run instead of skipping it.
 */
import { PGlite } from '@electric-sql/pglite';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../../../src/server/db/db';
import { openPglite } from '../../../src/server/db/pglite';
import { openPostgres } from '../../../src/server/db/postgres';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A database for the suite (clean it with `reset`). */
  db: Db;
  /** Options for buildServer() that open their own connection to a database on the same data. */
  persistentOptions(dataDir: string): Promise<{ dataDir: string; databaseUrl?: string }>;
  close(): Promise<void>;
}

/** Empties every sync table. */
export async function reset(db: Db): Promise<void> {
  await db.query(`TRUNCATE events, projections, devices, device_heads, key_proofs, auth_challenges, signin_throttle, auth_audit, event_tickets RESTART IDENTITY`);
  await db.query(`UPDATE sync_state SET version = 0`);
}

/**
 * PGlite's initdb takes ~10 s; a dump of a fresh cluster loads in under one. The dump is
 * cached in the temp directory, keyed by PGlite's version.
 */
async function pgliteTemplate(): Promise<Blob> {
  const pkg = JSON.parse(await readFile(new URL('../../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string };
  const file = join(tmpdir(), `meja-it-pglite-template-${pkg.version}.tar`);
  if (!existsSync(file)) {
    const fresh = await PGlite.create();
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    const part = `${file}.${process.pid}.part`;
    await writeFile(part, new Uint8Array(await dump.arrayBuffer()));
    await rename(part, file);
  }
  return new Blob([await readFile(file)]);
}

export async function pgliteBackend(): Promise<Backend> {
  const template = await pgliteTemplate();
  const db = openPglite({ loadDataDir: template });
  await db.ready();
  return {
    name: 'pglite',
    db,
    async persistentOptions(dataDir) {
      // Seed DATA_DIR/pglite from the template, as the server would find it after its first start.
      await mkdir(dataDir, { recursive: true });
      const seeded = await PGlite.create(join(dataDir, 'pglite'), { loadDataDir: template });
      await seeded.close();
      return { dataDir };
    },
    close: () => db.close(),
  };
}

/** The admin URL of the test PostgreSQL (TEST_DATABASE_URL, else the local trust-auth server). */
export const POSTGRES_ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the test PostgreSQL, or null when none is reachable (an error under CI). */
export async function postgresBackend(): Promise<Backend | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    if (process.env['CI']) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (required under CI): ${String(error)}`);
    return null;
  }
  const name = `meja_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = openPostgres({ connectionString: databaseUrl });
  await db.ready();
  return {
    name: 'postgres',
    db,
    async persistentOptions(dataDir) {
      return { dataDir, databaseUrl };
    },
    async close() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
