/**
 * Making events: a command's drafts become events in three steps.
 * 1. prepareEvents: ids (the first event's id is the command's id), the actor, the device,
 *    the time, the command reference, and the command itself on the first event.
 * 2. signPrepared: the actor (and any countersigner) signs each event's content hash. Async
 *    (WebCrypto), so commit() does it before its IndexedDB transaction.
 * 3. chainEvents: the device's chain: the next deviceSeq, a ticked HLC, prevHash and the hash
 *    (which covers the signatures). Pure and synchronous: it runs inside the transaction.
 * The caller keeps the chain head (commit() in Dexie's meta table; tests and tools in memory).
 */
import { CHAIN_START, contentHash, eventHash, type CommandCall, type DomainEvent, type EventDraft, type EventSignature } from '../events';
import { formatHlc, initialHlc, tickHlc, type HlcState } from '../hlc';
import { newId as defaultNewId } from '../ids';
import { signHash, type SigningKey } from '../signing';

/** A device's chain head: its last sequence number and hash, and its clock. */
export interface ChainHead {
  deviceId: string;
  seq: number;
  lastHash: string;
  hlc: HlcState;
}

/** The head of a device that has made no event yet. */
export function newChainHead(deviceId: string): ChainHead {
  return { deviceId, seq: 0, lastHash: CHAIN_START, hlc: initialHlc(deviceId) };
}

/** An event before its place in the device's chain is known. */
export type PreparedEvent = Omit<DomainEvent, 'deviceSeq' | 'hlc' | 'prevHash' | 'hash'>;

/** Someone who signs: a user and their unwrapped key. */
export interface Signer {
  userId: string;
  key: SigningKey;
}

/** Step 1: the command's events with ids, actor, device, time and the command reference. */
export function prepareEvents(
  drafts: readonly EventDraft[],
  o: { cmdId: string; command: CommandCall; actorId: string; deviceId: string; at: string; newId?: () => string },
): PreparedEvent[] {
  const n = drafts.length;
  const id = o.newId ?? defaultNewId;
  return drafts.map((d, i) => ({
    kind: d.kind,
    recordId: d.recordId,
    type: d.type,
    payload: d.payload,
    id: i === 0 ? o.cmdId : id(),
    actorId: o.actorId,
    deviceId: o.deviceId,
    at: o.at,
    cmd: { id: o.cmdId, i, n },
    ...(i === 0 ? { command: o.command } : {}),
  }));
}

/** Step 2: the actor's signature and the countersignatures on every event. */
export async function signPrepared(events: readonly PreparedEvent[], actor: Signer, cosigners: readonly Signer[] = []): Promise<PreparedEvent[]> {
  return Promise.all(
    events.map(async (e) => {
      const hash = contentHash(e);
      const sig: EventSignature = { by: actor.userId, key: actor.key.keyId, sig: await signHash(actor.key, hash) };
      const cosigs = await Promise.all(cosigners.map(async (c): Promise<EventSignature> => ({ by: c.userId, key: c.key.keyId, sig: await signHash(c.key, hash) })));
      return { ...e, sig, ...(cosigs.length > 0 ? { cosigs } : {}) };
    }),
  );
}

/** Step 3: places the events in the device's chain; returns them and the new head. */
export function chainEvents(head: ChainHead, prepared: readonly PreparedEvent[], now: Date): { events: DomainEvent[]; head: ChainHead } {
  let { seq, lastHash, hlc } = head;
  const events: DomainEvent[] = [];
  for (const p of prepared) {
    hlc = tickHlc(hlc, now.getTime());
    seq += 1;
    const unhashed = { ...p, deviceSeq: seq, hlc: formatHlc(hlc), prevHash: lastHash };
    const e: DomainEvent = { ...unhashed, hash: eventHash(unhashed) };
    lastHash = e.hash;
    events.push(e);
  }
  return { events, head: { deviceId: head.deviceId, seq, lastHash, hlc } };
}

/** All three steps at once, for tools and tests that keep the chain in memory. */
export async function makeEvents(
  head: ChainHead,
  actor: Signer,
  command: CommandCall,
  drafts: readonly EventDraft[],
  now: Date,
  o: { cmdId?: string; cosigners?: readonly Signer[] } = {},
): Promise<{ events: DomainEvent[]; head: ChainHead }> {
  const prepared = prepareEvents(drafts, { cmdId: o.cmdId ?? defaultNewId(), command, actorId: actor.userId, deviceId: head.deviceId, at: now.toISOString() });
  return chainEvents(head, await signPrepared(prepared, actor, o.cosigners), now);
}
