/**
 * A worker thread of the push checks (./push-checks.ts): for each chunk of a push it receives
 * (an exact structured-clone copy of the events the server holds), both hashes of each event
 * (`eventHashes`, the one definition), its payload's JSON text, envelope text and content check
 * (./event-texts.ts: the same functions the main thread would run) and the Ed25519 checks of the signatures the main thread
 * asked for, against the keys it named. It decides nothing: which key may sign, whether a chain
 * links, whether a command is accepted stay on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { eventHashes, type DomainEvent } from '../../shared/events';
import { signedMessage } from '../../shared/signing';
import { checkContent } from '../../shared/domain/event-schemas';
import type { Result } from '../../shared/result';
import { envelopeOf } from './event-texts';
// Also installs node:crypto's SHA-256 for eventHashes.
import { verifyEd25519 } from './verify';
import { CLAIMED_BY_WORKER, LEAVE_TO_MAIN, type CheckReply, type CheckRequest } from './push-check-types';

const port = parentPort;
if (!port) throw new Error('push-worker runs in a worker thread');

function check(req: CheckRequest): CheckReply {
  const events = req.events as DomainEvent[];
  const n = events.length;
  const content: string[] = new Array<string>(n);
  const chain: string[] = new Array<string>(n);
  const payloadJson: (string | undefined)[] = new Array<string | undefined>(n);
  const envelope: (string | null)[] = new Array<string | null>(n);
  const checked: Result<true>[] = new Array<Result<true>>(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const known = new Map<unknown, string>();
    const h = eventHashes(e, known);
    content[i] = h.content;
    chain[i] = h.chain;
    payloadJson[i] = known.get(e.payload);
    envelope[i] = envelopeOf(e);
    checked[i] = checkContent(e);
  }
  const ok = new Uint8Array(req.jobs.length);
  for (let j = 0; j < req.jobs.length; j++) {
    const job = req.jobs[j]!;
    ok[j] = verifyEd25519(job.publicKey, signedMessage(content[job.i - req.base]!), job.sig) ? 1 : 0;
  }
  return { id: req.id, content, chain, payloadJson, envelope, checked, ok };
}

/** The chunks left to the main thread: up to `until` of push `push`. */
const left = { push: -1, until: -1 };

port.on('message', (req: CheckRequest) => {
  // The main thread takes a chunk itself when it gets there first; then it is ahead of this
  // worker, which leaves it the next few chunks and goes on beyond them.
  const leave = left.push === req.push && req.k <= left.until;
  if (leave || Atomics.compareExchange(req.claims, req.k, 0, CLAIMED_BY_WORKER) !== 0) {
    if (!leave) Object.assign(left, { push: req.push, until: req.k + LEAVE_TO_MAIN });
    port.postMessage({ id: req.id, skipped: true } satisfies CheckReply);
    return;
  }
  let reply: CheckReply;
  try {
    reply = check(req);
  } catch (error) {
    reply = { id: req.id, error: String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
