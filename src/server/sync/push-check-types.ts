/** What the main thread and the push workers exchange (./push-checks.ts, ./push-worker.ts). */
import type { DomainEvent } from '../../shared/events';
import type { Result } from '../../shared/result';

/** One signature check: event `i`'s signature `sig` against `publicKey`. */
export interface SigJob {
  i: number;
  publicKey: string;
  sig: string;
}

/**
 * A chunk for a worker: events `base`… of the push and the signature checks among them. The
 * worker checks it only if it claims `claims[k]` first (the main thread may have taken it).
 */
export interface CheckRequest {
  id: number;
  /** The push (its chunks share `claims`). */
  push: number;
  k: number;
  claims: Int32Array;
  base: number;
  events: readonly DomainEvent[];
  jobs: readonly SigJob[];
}

/**
 * A worker's answer: both hashes of each event, its payload's canonical JSON (as hashed), its
 * envelope text and its content check (./event-texts.ts), and 1/0 for each signature check.
 */
export type CheckReply =
  | { id: number; content: string[]; chain: string[]; payloadJson: (string | undefined)[]; envelope: (string | null)[]; checked: Result<true>[]; ok: Uint8Array }
  | { id: number; error: string }
  | { id: number; skipped: true };

/**
 * When the main thread has claimed a chunk (it caught up with the worker), the worker leaves it
 * this many more chunks before it claims again, so that the two do not queue behind each other.
 */
export const LEAVE_TO_MAIN = 4;

/** A chunk's claim in `CheckRequest.claims`: 0 while open; whoever claims it first checks it. */
export const CLAIMED_BY_WORKER = 1;
export const CLAIMED_HERE = 2;
