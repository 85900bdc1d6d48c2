/** Exporting and importing file bundles against the local store. */
import type { DomainEvent } from '@shared/events';
import { makeBundle, readBundle, type Bundle } from '@shared/sync/bundle';
import { fail, ok, type Result } from '@shared/result';
import { ORG_ID } from '@shared/domain/org/state';
import type { UserState } from '@shared/domain/user/state';
import { webVerifier, type UserKey, type VerifySignature } from '@shared/signing';
import { applyKeyEvents, checkGroupShape, groupByCommand, keysWithBatch, parseCommand, replayGroup, requiredCosigners, verifyGroupSignatures, type KeysOf, type ParsedCommand } from '@shared/sync/replay';
import type { ConsoleDb } from '../store/db';
import { deviceMeta, dexieLookups } from '../store/commit';
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

/**
 * Imports a bundle's text; returns how many events were new (and how many of those were
 * refused by the rules), or the refusal. A bundle is another machine's word, so nothing in it
 * is believed:
 * 1. every event must be signed and belong to a whole command, or the bundle is refused;
 * 2. every signature (and countersignature) is checked against the key its signer held at the
 *    event's time; one that fails refuses the whole bundle, and nothing is written;
 * 3. each new command is replayed on this console's state (the server's check, `replayGroup`):
 *    accepted ones are folded, refused ones are kept as refused (the conflict inbox), like the
 *    server's refusals.
 */
export async function importBundle(db: ConsoleDb, text: string): Promise<Result<{ imported: number; total: number; refused: number }>> {
  const read = readBundle(text, await officeId(db));
  if (!read.ok) return read;
  const all = [...read.data.events].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.deviceSeq - b.deviceSeq));
  const groups = groupByCommand(all);
  for (const g of groups) {
    const shape = checkGroupShape(g);
    if (!shape.ok) return fail(shape.error.code, shape.error.code === 'unsigned' ? 'sync.bundle.errors.unsigned' : 'sync.bundle.errors.damaged');
  }
  // An event this console holds already must be the same event: an altered copy is a forgery.
  const held = await db.events.bulkGet(all.map((e) => e.id));
  if (held.some((h, i) => h && h.hash !== all[i]!.hash)) return fail('forged', 'sync.bundle.errors.forged');
  const stored = await db.events.bulkGet(groups.map((g) => g[0]!.id));
  const fresh = groups.filter((_, i) => !stored[i]).sort((a, b) => (a[0]!.hlc < b[0]!.hlc ? -1 : a[0]!.hlc > b[0]!.hlc ? 1 : 0));
  if (fresh.length === 0) return ok({ imported: 0, total: all.length, refused: 0 });
  // Signatures, all before anything is written: each command with the keys its signers hold
  // at that point of the bundle (a password changed in the bundle retires the old key for what
  // follows it, as on the server).
  const users = new Map((await db.users.toArray()).map((u) => [u.id, u.keys ?? []]));
  const known: KeysOf = (id) => users.get(id);
  const keys = new Map<string, UserKey[]>();
  const keysOf: KeysOf = (id) => keys.get(id) ?? known(id);
  verifier ??= webVerifier();
  const parsed: ParsedCommand[] = [];
  for (const g of fresh) {
    const cmd = parseCommand(g[0]!.command!.type, g[0]!.command!.input);
    if (!cmd.ok) return fail('forged', 'sync.bundle.errors.forged');
    parsed.push(cmd.data);
    // The office's first admin signs the setup with the key the setup introduces, and a
    // pre-upgrade user their first key's enrolment with that key.
    const selfCertified = cmd.data.type === 'org.setUp' || cmd.data.type === 'user.enrolKey';
    const signed = await verifyGroupSignatures(g, selfCertified ? keysWithBatch(keysOf, g) : keysOf, verifier, requiredCosigners(cmd.data, g[0]!.actorId));
    if (!signed.ok) return fail('forged', 'sync.bundle.errors.forged');
    applyKeyEvents(keys, known, g);
  }
  // Replay, command by command, on this console's state as it grows.
  let imported = 0;
  let refused = 0;
  for (let i = 0; i < fresh.length; i++) {
    const g = fresh[i]!;
    const cmd = parsed[i]!;
    const head = g[0]!;
    const setUp = cmd.type === 'org.setUp';
    const [state, org, actorUser] = await Promise.all([db.projection(cmd.kind).get(cmd.recordId), db.org.get(ORG_ID), db.users.get(head.actorId)]);
    const actor = setUp ? { userId: head.actorId, roles: ['admin' as const] } : { userId: head.actorId, roles: actorUser?.roles ?? [] };
    const verdict = await replayGroup(g, { actor, actorUser: setUp ? ({ id: head.actorId, active: true } as UserState) : actorUser, state, org, lookups: dexieLookups(db) }, cmd);
    const events = verdict.ok ? g : g.map((e) => ({ ...e, status: 'rejected' as const, reason: verdict.error.message, ...(verdict.error.field ? { reasonField: verdict.error.field } : {}) }));
    if (!verdict.ok) refused += g.length;
    imported += await ingest(db, events);
  }
  return ok({ imported, total: all.length, refused });
}

let verifier: VerifySignature | undefined;
