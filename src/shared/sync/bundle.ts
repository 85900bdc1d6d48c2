/**
 * File bundles: for sites with no network between buildings, a device writes the events
 * since its last bundle to a file; another device imports it. The file names its office (the
 * id of the office's org.setUp event) and carries a SHA-256 of its events, so a damaged file
 * or one from another office is refused before anything is written. Import is idempotent by
 * event id, so the same bundle can be imported twice.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../hash';
import { eventHash, type DomainEvent } from '../events';
import { fail, ok, type Result } from '../result';
import { eventSchema, SCHEMA_VERSION } from './protocol';

export const BUNDLE_FORMAT = 'meja-it-bundle';

const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.number().int(),
  officeId: z.string().min(1),
  deviceId: z.string().min(1),
  createdAt: z.string().datetime(),
  eventsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  events: z.array(eventSchema),
});
export type Bundle = z.infer<typeof bundleSchema>;

const wire = (e: DomainEvent): DomainEvent => {
  const { status: _s, reason: _r, ...rest } = e;
  return rest;
};

/** Makes a bundle of events for an office. */
export function makeBundle(officeId: string, deviceId: string, events: DomainEvent[], now: Date): Bundle {
  const list = events.map(wire);
  return { format: BUNDLE_FORMAT, schemaVersion: SCHEMA_VERSION, officeId, deviceId, createdAt: now.toISOString(), eventsSha256: sha256Hex(canonicalJson(list)), events: list };
}

/**
 * Reads a bundle file's text. Refuses (with an i18n key) anything that is not a bundle, a
 * bundle of a newer schema, a damaged one (checksum or an event's own hash), or one from
 * another office (when this device already belongs to one).
 */
export function readBundle(text: string, officeId: string | undefined): Result<Bundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('not-a-bundle', 'sync.bundle.errors.notBundle');
  }
  if ((raw as { format?: unknown })?.format !== BUNDLE_FORMAT) return fail('not-a-bundle', 'sync.bundle.errors.notBundle');
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) return fail('damaged', 'sync.bundle.errors.damaged');
  const b = parsed.data;
  if (b.schemaVersion > SCHEMA_VERSION) return fail('newer', 'sync.bundle.errors.newer');
  if (sha256Hex(canonicalJson(b.events)) !== b.eventsSha256) return fail('damaged', 'sync.bundle.errors.damaged');
  if (b.events.some((e) => eventHash(e) !== e.hash)) return fail('damaged', 'sync.bundle.errors.damaged');
  if (officeId && b.officeId !== officeId) return fail('foreign', 'sync.bundle.errors.foreign');
  return ok(b);
}
