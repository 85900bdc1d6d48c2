/** Exporting and importing file bundles against the local store. */
import type { DomainEvent } from '../../shared/events';
import { makeBundle, readBundle, type Bundle } from '../../shared/sync/bundle';
import type { Result } from '../../shared/result';
import type { ConsoleDb } from '../store/db';
import { deviceMeta } from '../store/commit';
import { ingest } from '../store/ingest';

/** The office's identity: the id of its org.setUp event (undefined before setup or join). */
export async function officeId(db: ConsoleDb): Promise<string | undefined> {
  return (await db.events.where('[kind+recordId]').equals(['org', 'org']).filter((e) => e.type === 'org.setUp').first())?.id;
}

/**
 * The events since this device's last bundle (by HLC), all devices' included, so a bundle
 * can carry others' work onward between buildings. `since` '' exports everything.
 */
export async function exportBundle(db: ConsoleDb, since: string, now = new Date()): Promise<{ bundle: Bundle; upTo: string } | null> {
  const office = await officeId(db);
  if (!office) return null;
  const events = (await db.events.where('hlc').above(since).toArray()).filter((e: DomainEvent) => e.status !== 'rejected');
  const device = await deviceMeta(db);
  const upTo = events.reduce((max, e) => (e.hlc > max ? e.hlc : max), since);
  return { bundle: makeBundle(office, device.deviceId, events, now), upTo };
}

/** Imports a bundle's text; returns how many events were new, or the refusal. */
export async function importBundle(db: ConsoleDb, text: string): Promise<Result<{ imported: number; total: number }>> {
  const read = readBundle(text, await officeId(db));
  if (!read.ok) return read;
  const imported = await ingest(db, read.data.events);
  return { ok: true, data: { imported, total: read.data.events.length } };
}
