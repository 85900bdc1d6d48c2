/** Picks the storage: PostgreSQL when a URL is given, else PGlite in DATA_DIR/pglite. */
import { join } from 'node:path';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type { Db, Queryable, Row } from './db';

export function openDb(config: { dataDir: string; databaseUrl?: string }): Db {
  if (config.databaseUrl) return openPostgres({ connectionString: config.databaseUrl });
  return openPglite({ dir: join(config.dataDir, 'pglite') });
}
