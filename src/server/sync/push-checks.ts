/**
 * The checks of a push that need no state (issue 10, "push throughput"): both hashes of every
 * pushed event, its content check, and the Ed25519 checks of its signatures. They run on worker
 * threads (./push-worker.ts: one on a 2-core machine, two on more), started before the push's
 * transaction, while the main thread loads the push's state, replays its commands and writes.
 * The push goes to the workers in chunks and each chunk's results come back as soon as it is
 * done. The main thread never sits idle waiting for them: when it needs a chunk no worker has
 * started, it checks that chunk itself; when it must wait, it checks chunks from the push's end.
 *
 * A large push is decided ahead of its checks (SyncService.processBatch): the replay takes each
 * hash, content check and signature verdict as passed, then `drain` hands the events over as
 * their checks come in and the server writes their rows meanwhile, after looking at each one;
 * every deferred signature is looked at before the commit. A failed check sends the whole push
 * back to be decided again in order, each check in its place (`ready`), in a fresh transaction.
 *
 * What is checked does not change: every chain link and hash, every signature against a key its
 * signer may use (decided on the main thread, command by command: the workers only answer "does
 * this signature verify with this key"), the replay. The workers hash an exact copy of the
 * server's events (structured clone), and their hashes are what `contentHashOf` and
 * `chainHashOf` then answer for those event objects.
 *
 * Small pushes (fewer than `minEvents`), a server whose workers are not up yet (they start with
 * the first push) are checked on the main thread, in order: the hashes here, the signatures on
 * libuv's thread pool (./verify.ts prefetchedVerifier); a chunk whose worker failed is checked
 * here. `MEJA_PUSH_WORKERS` sets how many workers (0: none), `MEJA_PUSH_WORKERS_MIN` the
 * smallest push they take (64 events; tests set 1 to send every push through them).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DomainEvent } from '../../shared/events';
import { signedMessage, type VerifySignature } from '../../shared/signing';
import { contentHashOf, hashWhole, rememberHashes } from '../../shared/sync/replay';
import { prefetchedVerifier, verifyEd25519 } from './verify';
import { rememberEventTexts } from './event-texts';
import { CLAIMED_HERE, type CheckReply, type CheckRequest, type SigJob } from './push-check-types';

export type { SigJob };

export interface PushCheckSettings {
  /** Worker threads; 0 checks every push on the main thread. */
  workers: number;
  /** The smallest push handed to the workers. */
  minEvents: number;
  /** Events per message to a worker. */
  chunk: number;
}

/** A whole number ≥ 0 from the environment, else `fallback`. */
function envCount(name: string, fallback: number): number {
  const n = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

const settings: PushCheckSettings = {
  workers: envCount('MEJA_PUSH_WORKERS', Math.min(2, Math.max(1, availableParallelism() - 1))),
  minEvents: envCount('MEJA_PUSH_WORKERS_MIN', 64),
  chunk: 32,
};

/** Changes the settings (tests); returns the previous ones. Workers already running stay. */
export function configurePushChecks(next: Partial<PushCheckSettings>): PushCheckSettings {
  const previous = { ...settings };
  Object.assign(settings, next);
  return previous;
}

/** A worker thread running ./push-worker.ts (from source through tsx's loader, as the server runs). */
function spawn(): Worker {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const file = new URL(fromSource ? './push-worker.ts' : './push-worker.js', here);
  if (!fromSource) return new Worker(file);
  const api = import.meta.resolve('tsx/esm/api');
  const href = JSON.stringify(file.href);
  return new Worker(`import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${href}, ${href}))`, { eval: true });
}

/** Starts the workers and resolves when one is up (true) or none can start (false). */
export async function warmPushChecks(timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!pool.up()) {
    if (pool.failed() || settings.workers === 0 || Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Stops the workers (tests: a worker lost mid-push); the next push starts them again. */
export function stopPushWorkers(): Promise<void> {
  return pool.stop();
}

interface Slot {
  worker: Worker;
  pending: Map<number, (reply: CheckReply | undefined) => void>;
}

/** A turn of the event loop: the workers' answers waiting in their ports are taken in. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The fewest chunks `drain` hands over at once while there is other work to do. */
const DRAIN_CHUNKS = 4;

/** The worker threads, started with the first push; a worker that dies is replaced on the next push. */
class Pool {
  private slots: Slot[] = [];
  private starting = 0;
  private broken = false;
  private turn = 0;
  private ids = 0;

  /** Whether a worker is up; starts them in the background when none is. */
  up(): boolean {
    if (this.slots.length > 0) return true;
    if (!this.broken && this.starting === 0 && settings.workers > 0) for (let k = 0; k < settings.workers; k++) this.start();
    return false;
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = spawn();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.starting++;
    const slot: Slot = { worker, pending: new Map() };
    let state: 'starting' | 'up' | 'gone' = 'starting';
    worker.on('message', (m: CheckReply | { ready: true }) => {
      if ('ready' in m) {
        if (state !== 'starting') return;
        state = 'up';
        this.starting--;
        this.slots.push(slot);
        return;
      }
      const done = slot.pending.get(m.id);
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) worker.unref();
      done?.(m);
    });
    const gone = (error?: unknown) => {
      if (state === 'gone') return;
      if (state === 'starting') {
        this.starting--;
        this.fail(error ?? new Error('exited while starting'));
      }
      state = 'gone';
      this.slots = this.slots.filter((s) => s !== slot);
      // Its chunks are checked on the main thread instead.
      for (const done of slot.pending.values()) done(undefined);
      slot.pending.clear();
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    // After the listeners (a 'message' listener keeps the process alive again): an idle pool
    // never holds the server's process open.
    worker.unref();
  }

  failed(): boolean {
    return this.broken;
  }

  async stop(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** A worker that cannot start (no tsx, no threads): every push is checked on the main thread. */
  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    process.emitWarning(`push checks stay on the main thread: a worker did not start (${String(error)})`, 'MejaPushWorkers');
  }

  /** Sends a chunk to the next worker; undefined when none can take it. */
  run(request: Omit<CheckRequest, 'id'>): Promise<CheckReply | undefined> {
    const slot = this.slots[this.turn++ % Math.max(1, this.slots.length)];
    if (!slot) return Promise.resolve(undefined);
    const id = ++this.ids;
    return new Promise((resolve) => {
      // Referenced while it owes answers: whoever awaits them keeps the process alive.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, resolve);
      try {
        slot.worker.postMessage({ id, ...request } satisfies CheckRequest);
      } catch {
        slot.pending.delete(id);
        if (slot.pending.size === 0) slot.worker.unref();
        resolve(undefined);
      }
    });
  }
}

const pool = new Pool();
let pushes = 0;

/** The checks of one push, under way. */
export interface PushChecks {
  /**
   * Undefined when events `from`…`to` are hashed and their signatures checked; else a promise
   * of that. Their hashes then answer `contentHashOf` / `chainHashOf`.
   */
  ready(from: number, to: number): Promise<unknown> | undefined;
  /** Answers the push's signature checks from the results; checks anything else on the spot. */
  verify: VerifySignature;
  /**
   * Whether the checks run beside the caller (worker threads): it may then go ahead without
   * them and look at them all at the end (`drain`, `verify`). False when they are made on the spot.
   */
  readonly beside: boolean;
  /**
   * Hands the push's events to `take` as their checks are done, a run of chunks at a time (each
   * event once, in no set order), until every event has been taken; when none is done and not
   * taken, this thread checks a chunk from the push's end itself, or waits for a worker. The
   * caller writes what it is given meanwhile, so a worker's last chunks overlap those writes.
   */
  drain(take: (events: readonly DomainEvent[]) => Promise<void>): Promise<void>;
  /** Resolves when every chunk has been answered, by a worker or here (tests). */
  answered(): Promise<unknown>;
}

/** The workers' answers: by public key and signature, the content hash checked and the verdict. */
type Verdicts = Map<string, { hash: string; ok: boolean }[]>;

const verdictKey = (publicKey: string, sig: string) => `${publicKey}:${sig}`;

function addVerdict(verdicts: Verdicts, publicKey: string, sig: string, hash: string, ok: boolean): void {
  const key = verdictKey(publicKey, sig);
  const list = verdicts.get(key);
  if (list) list.push({ hash, ok });
  else verdicts.set(key, [{ hash, ok }]);
}

/** The bytes before the content hash in a signed message. */
const PREFIX = signedMessage('');

/** Whether `message` is the signed message of `hash` (compared in place, nothing decoded). */
function isMessageOf(message: Uint8Array, hash: string): boolean {
  if (message.length !== PREFIX.length + hash.length) return false;
  for (let i = 0; i < PREFIX.length; i++) if (message[i] !== PREFIX[i]) return false;
  for (let i = 0; i < hash.length; i++) if (message[PREFIX.length + i] !== hash.charCodeAt(i)) return false;
  return true;
}

/**
 * Starts the checks of a push: `events` as the server holds them (not changed afterwards),
 * `jobs` (in event order) every signature to check and the key to check it with.
 */
export function startPushChecks(events: readonly DomainEvent[], jobs: readonly SigJob[]): PushChecks {
  // Any push starts the workers, so that they are up for the first large one.
  if (!pool.up() || events.length < settings.minEvents) return onMainThread(events, jobs);
  const verdicts: Verdicts = new Map();
  const size = settings.chunk;
  const chunks: Chunk[] = [];
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.ceil(events.length / size)));
  const push = ++pushes;
  /** Checks chunk k here if no one has claimed it yet; whether this thread took it. */
  const claimHere = (k: number): boolean => {
    if (Atomics.compareExchange(claims, k, 0, CLAIMED_HERE) !== 0) return false;
    checkHere(chunks[k]!, verdicts);
    return true;
  };
  // The last chunk no one has claimed: taken from the end while this thread waits for a worker.
  let tail = Math.ceil(events.length / size) - 1;
  const stealFromEnd = (after: number): boolean => {
    for (; tail > after; tail--) if (claimHere(tail)) return true;
    return false;
  };
  /**
   * Waits for chunks a worker has: rather than sit idle, this thread checks chunks from the
   * push's end (those after `after`), one at a time, looking in between whether the answers came.
   */
  const finish = async (awaited: Chunk[], after: number): Promise<void> => {
    while (!awaited.every((c) => c.done)) {
      if (!stealFromEnd(after)) {
        await Promise.all(awaited.map((c) => c.answered));
        return;
      }
      await nextTurn();
    }
  };
  let j = 0;
  for (let base = 0; base < events.length; base += size) {
    const end = Math.min(events.length, base + size);
    const first = j;
    while (j < jobs.length && jobs[j]!.i < end) j++;
    const chunk: Chunk = { k: chunks.length, base, events: events.slice(base, end), jobs: jobs.slice(first, j), done: false };
    chunk.answered = pool.run({ push, k: chunk.k, claims, base, events: chunk.events, jobs: chunk.jobs }).then((reply) => {
      if (chunk.done) return;
      if (reply && 'content' in reply) return takeReply(chunk, reply, verdicts);
      // Left to this thread (it is ahead of the worker), or the worker failed or died: checked here.
      if (!reply || 'error' in reply) Atomics.store(claims, chunk.k, CLAIMED_HERE);
      else if (Atomics.compareExchange(claims, chunk.k, 0, CLAIMED_HERE) !== 0) return;
      checkHere(chunk, verdicts);
    });
    chunks.push(chunk);
  }
  return {
    ready(from, to) {
      const last = Math.floor(to / size);
      let waiting: Chunk[] | undefined;
      for (let k = Math.floor(from / size); k <= last; k++) {
        const chunk = chunks[k]!;
        // Not started by a worker yet: checked here at once rather than waited for (a busy
        // machine's worker falls behind; this thread then does the work itself).
        if (!chunk.done && !claimHere(k)) (waiting ??= []).push(chunk);
      }
      return waiting && finish(waiting, last);
    },
    beside: true,
    async drain(take) {
      const taken = new Array<boolean>(chunks.length).fill(false);
      let left = chunks.length;
      // The answers that came while the caller never gave the event loop a turn (its database
      // calls resolve as microtasks): taken in all at once, not one per statement written.
      await nextTurn();
      while (left > 0) {
        const done = chunks.filter((c) => c.done && !taken[c.k]);
        // Half of what is left (few, large statements: each costs the database a round of its
        // own), or nothing else to do meanwhile.
        if (done.length >= Math.max(DRAIN_CHUNKS, Math.ceil(left / 2)) || (done.length > 0 && (done.length === left || tail < 0))) {
          for (const c of done) taken[c.k] = true;
          left -= done.length;
          await take(done.length === 1 ? done[0]!.events : done.flatMap((c) => c.events));
        } else if (!stealFromEnd(-1) && done.length === 0) {
          await Promise.race(chunks.filter((c) => !c.done).map((c) => c.answered));
          await nextTurn();
        }
      }
    },
    answered: () => Promise.all(chunks.map((c) => c.answered)),
    verify(publicKey, message, sig) {
      const known = verdicts.get(verdictKey(publicKey, sig))?.find((v) => isMessageOf(message, v.hash));
      return known ? known.ok : verifyEd25519(publicKey, message, sig);
    },
  };
}

interface Chunk {
  k: number;
  base: number;
  events: readonly DomainEvent[];
  jobs: readonly SigJob[];
  /** Hashed and every signature answered. */
  done: boolean;
  /** The worker's answer taken in (or the chunk checked here instead). */
  answered?: Promise<void>;
}

/**
 * Checks a chunk on this thread, at once: the hashes and the signatures (synchronously: on two
 * cores the other one is the worker's, so the thread pool would only compete with it).
 */
function checkHere(chunk: Chunk, verdicts: Verdicts): void {
  const { base, events, jobs } = chunk;
  for (const e of events) hashWhole(e);
  for (const job of jobs) {
    const hash = contentHashOf(events[job.i - base]!);
    addVerdict(verdicts, job.publicKey, job.sig, hash, verifyEd25519(job.publicKey, signedMessage(hash), job.sig));
  }
  chunk.done = true;
}

/** Takes a worker's answer in. */
function takeReply(chunk: Chunk, reply: Extract<CheckReply, { content: string[] }>, verdicts: Verdicts): void {
  const { base, events, jobs } = chunk;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    rememberHashes(e, reply.content[k]!, reply.chain[k]!, reply.payloadJson[k]);
    rememberEventTexts(e, reply.envelope[k]!, reply.checked[k]!);
  }
  for (let n = 0; n < jobs.length; n++) {
    const job = jobs[n]!;
    addVerdict(verdicts, job.publicKey, job.sig, reply.content[job.i - base]!, reply.ok[n] === 1);
  }
  chunk.done = true;
}

/** The checks on the main thread: hashes now, signatures on libuv's thread pool. */
function onMainThread(events: readonly DomainEvent[], jobs: readonly SigJob[]): PushChecks {
  for (const e of events) hashWhole(e);
  return {
    ready: () => undefined,
    beside: false,
    drain: (take) => take(events),
    answered: () => Promise.resolve(),
    verify: prefetchedVerifier(jobs.map((job) => ({ publicKey: job.publicKey, message: signedMessage(contentHashOf(events[job.i]!)), sig: job.sig }))),
  };
}
