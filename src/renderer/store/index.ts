/**
 * The console's database. Its name can be overridden with `?db=NAME` in the URL so that
 * end-to-end tests and benchmarks each work on their own database in one browser profile.
 */
import { ConsoleDb } from './db';

function dbName(): string {
  const fromUrl = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('db');
  return fromUrl && /^[\w-]{1,64}$/.test(fromUrl) ? `meja-it-${fromUrl}` : 'meja-it';
}

export const db = new ConsoleDb(dbName());

// Opened as soon as the code loads, not when the first screen first asks (after React's first
// render): on a new profile creating the stores takes a while, and it now overlaps the render.
// A failure shows where the first query fails, as before.
if (typeof indexedDB !== 'undefined') db.open().catch(() => undefined);
