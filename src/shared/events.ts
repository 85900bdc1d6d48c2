/**
 * The event: the one unit of change. Every SOP step is an event appended to the log; records
 * are folds of their events. Each device numbers its events (deviceSeq) and chains them by
 * hash (prevHash → hash), so a missing, reordered or altered event is detectable.
 */
import { canonicalJson, canonicalJsonReusing, sha256Hex } from './hash';

/** The record kinds the console keeps: the one list. Each kind is defined once, in
 *  `domain/<kind>/index.ts`, and filed in `domain/registry.ts` (which checks every kind has one). */
export const RECORD_KINDS = ['org', 'user', 'visit', 'employee', 'asset', 'handover', 'ticket', 'incident', 'access', 'opsday', 'restore'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** An event before the store stamps it with identity, clock and chain. */
export interface EventDraft {
  kind: RecordKind;
  recordId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Where an event sits in the command that made it: the command's first event's id, its index, the count. */
export interface CommandRef {
  id: string;
  i: number;
  n: number;
}

/** A command as its first event carries it: what a replay runs. */
export interface CommandCall {
  type: string;
  input: unknown;
}

/** A person's Ed25519 signature over an event's content hash (see signing.ts). */
export interface EventSignature {
  /** The signer's user id. */
  by: string;
  /** The id of the signer's key (keyIdOf its public key). */
  key: string;
  /** Hex, 64 bytes. */
  sig: string;
}

/** An event as stored and synced. */
export interface DomainEvent extends EventDraft {
  /** UUIDv7. */
  id: string;
  actorId: string;
  deviceId: string;
  /** 1, 2, 3… per device, without gaps. */
  deviceSeq: number;
  /** Hybrid logical clock stamp (see hlc.ts). */
  hlc: string;
  /** The device's wall time when the event was made (ISO 8601, UTC). */
  at: string;
  /** Hash of this device's previous event; '' for its first. */
  prevHash: string;
  hash: string;
  /** Since schema 3 (signed events): the command this event belongs to. Absent on events made
   *  before signing ("sebelum penandatanganan"). */
  cmd?: CommandRef;
  /** On a command's first event (cmd.i = 0): the command, so that anyone can replay it. */
  command?: CommandCall;
  /** The actor's signature. */
  sig?: EventSignature;
  /** Countersignatures of the other people a step needs present (the wipe's verifier). */
  cosigs?: EventSignature[];
  /** Set locally when the sync server refused the event: kept for the conflict inbox, never
   *  folded. Not part of the hash. */
  status?: 'rejected';
  /** i18n key of the reason for refusing (the server's, or this console's when the content did not parse). */
  reason?: string;
  /** The field a refusal names (a replay that differs, a payload that does not parse). */
  reasonField?: string;
}

/** The genesis value of every device's chain. */
export const CHAIN_START = '';

/** Computes an event's hash over everything but the hash itself (and the local status).
 *  Fields an event made before signing lacks are left out, so its hash is unchanged. */
export function eventHash(e: Omit<DomainEvent, 'hash'>): string {
  const { id, kind, recordId, type, payload, actorId, deviceId, deviceSeq, hlc, at, prevHash, cmd, command, sig, cosigs } = e;
  return sha256Hex(canonicalJson({ id, kind, recordId, type, payload, actorId, deviceId, deviceSeq, hlc, at, prevHash, cmd, command, sig, cosigs }));
}

/**
 * The hash a person signs: what the event says and who says it, without its place in the
 * device's chain (deviceSeq, hlc, prevHash), which is only known inside the write transaction.
 * The chain hash covers the signature in turn.
 */
export function contentHash(e: Pick<DomainEvent, 'id' | 'kind' | 'recordId' | 'type' | 'payload' | 'actorId' | 'deviceId' | 'at' | 'cmd' | 'command'>): string {
  const { id, kind, recordId, type, payload, actorId, deviceId, at, cmd, command } = e;
  return sha256Hex(canonicalJson({ v: 'meja-it/event/v1', id, kind, recordId, type, payload, actorId, deviceId, at, cmd, command }));
}

/**
 * Both hashes of a whole event (one that has its chain fields and signatures), with its
 * payload and command serialised once for the two: the sync server checks both on every
 * pushed event. Equal to `{ content: contentHash(e), chain: eventHash(e) }`. `known` receives
 * the canonical JSON of the payload and the command (keyed by those objects), for reuse.
 */
export function eventHashes(e: Omit<DomainEvent, 'hash'>, known = new Map<unknown, string>()): { content: string; chain: string } {
  const { id, kind, recordId, type, payload, actorId, deviceId, deviceSeq, hlc, at, prevHash, cmd, command, sig, cosigs } = e;
  if (payload !== null && typeof payload === 'object') known.set(payload, canonicalJson(payload));
  if (command !== undefined) known.set(command, canonicalJson(command));
  return {
    content: sha256Hex(canonicalJsonReusing({ v: 'meja-it/event/v1', id, kind, recordId, type, payload, actorId, deviceId, at, cmd, command }, known)),
    chain: sha256Hex(canonicalJsonReusing({ id, kind, recordId, type, payload, actorId, deviceId, deviceSeq, hlc, at, prevHash, cmd, command, sig, cosigs }, known)),
  };
}

/** What `verifyChain` found wrong, if anything. */
export type ChainProblem =
  | { kind: 'missing'; deviceId: string; expectedSeq: number; foundSeq: number }
  | { kind: 'altered'; deviceId: string; seq: number; eventId: string }
  | { kind: 'broken-link'; deviceId: string; seq: number; eventId: string };

/**
 * Checks each device's chain: sequence numbers 1..n without gaps, every hash matching its
 * content, every prevHash matching the previous event's hash. Returns every problem found.
 */
export function verifyChain(events: readonly DomainEvent[]): ChainProblem[] {
  const byDevice = new Map<string, DomainEvent[]>();
  for (const e of events) {
    const list = byDevice.get(e.deviceId) ?? [];
    list.push(e);
    byDevice.set(e.deviceId, list);
  }
  const problems: ChainProblem[] = [];
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.deviceSeq - b.deviceSeq);
    let expectedSeq = 1;
    let prevHash = CHAIN_START;
    for (const e of list) {
      if (e.deviceSeq !== expectedSeq) {
        problems.push({ kind: 'missing', deviceId, expectedSeq, foundSeq: e.deviceSeq });
      } else if (e.prevHash !== prevHash) {
        problems.push({ kind: 'broken-link', deviceId, seq: e.deviceSeq, eventId: e.id });
      }
      if (eventHash(e) !== e.hash) problems.push({ kind: 'altered', deviceId, seq: e.deviceSeq, eventId: e.id });
      expectedSeq = e.deviceSeq + 1;
      prevHash = e.hash;
    }
  }
  return problems;
}
