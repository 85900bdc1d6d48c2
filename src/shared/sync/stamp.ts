/**
 * Stamping: turns a command's drafts into events of one device's chain — a fresh id, the
 * actor, the next deviceSeq, a ticked HLC, the device's wall time, prevHash and hash. Pure:
 * the caller keeps the chain head (commit() keeps it in Dexie's meta table; tests and tools in
 * memory). Mirrors src/renderer/store/commit.ts `append()`.
 */
import { CHAIN_START, eventHash, type DomainEvent, type EventDraft } from '../events';
import { formatHlc, initialHlc, tickHlc, type HlcState } from '../hlc';
import { newId as defaultNewId } from '../ids';

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

/** Stamps drafts in order; returns the events and the new head. */
export function stampEvents(
  head: ChainHead,
  actorId: string,
  drafts: readonly EventDraft[],
  now: Date,
  newId: () => string = defaultNewId,
): { events: DomainEvent[]; head: ChainHead } {
  let { seq, lastHash, hlc } = head;
  const events: DomainEvent[] = [];
  for (const draft of drafts) {
    hlc = tickHlc(hlc, now.getTime());
    seq += 1;
    const unsigned = { ...draft, id: newId(), actorId, deviceId: head.deviceId, deviceSeq: seq, hlc: formatHlc(hlc), at: now.toISOString(), prevHash: lastHash };
    const e: DomainEvent = { ...unsigned, hash: eventHash(unsigned) };
    lastHash = e.hash;
    events.push(e);
  }
  return { events, head: { deviceId: head.deviceId, seq, lastHash, hlc } };
}
