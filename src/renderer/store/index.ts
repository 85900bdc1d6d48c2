/**
 * The console's database. Its name can be overridden with `?db=NAME` in the URL so that
 * end-to-end tests and benchmarks each work on their own database in one browser profile.
 */
import { ConsoleDb } from './db';

function dbName(): string {
  const fromUrl = new URLSearchParams(location.search).get('db');
  return fromUrl && /^[\w-]{1,64}$/.test(fromUrl) ? `meja-it-${fromUrl}` : 'meja-it';
}

export const db = new ConsoleDb(dbName());
