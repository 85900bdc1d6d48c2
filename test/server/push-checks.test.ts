// The push's hash and signature checks on worker threads (src/server/sync/push-checks.ts): the
// same hashes as eventHashes, the same verdicts as node:crypto, and the main thread taking over
// a chunk whose worker is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configurePushChecks, startPushChecks, stopPushWorkers, warmPushChecks, type PushCheckSettings, type SigJob } from '../../src/server/sync/push-checks';
import { CHAIN_START, contentHash, eventHash, type DomainEvent } from '@shared/events';
import { formatHlc } from '@shared/hlc';
import { signedMessage, signHash } from '@shared/signing';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { chainHashOf, contentHashOf, jsonTextOf } from '@shared/sync/replay';
import { checkContent } from '@shared/domain/event-schemas';
import { canonicalJson } from '@shared/hash';
import { contentCheckOf, envelopeOf, envelopeTextOf } from '../../src/server/sync/event-texts';
import { freshTestKey } from '../fixtures/signing';
import { ED25519_IMPLEMENTATION, verifyEd25519, verifyEd25519Node } from '../../src/server/sync/verify';

const DEVICE = '0190aaaa-0000-7000-8000-00000000000a';

/** A signed chain of `n` events with varied payloads (unicode, nesting, an undefined field, a countersignature). */
async function signedChain(n: number): Promise<{ events: DomainEvent[]; publicKey: string; cosignKey: string }> {
  const [actor, cosigner] = await Promise.all([freshTestKey(), freshTestKey()]);
  const events: DomainEvent[] = [];
  let prevHash = CHAIN_START;
  for (let seq = 1; seq <= n; seq++) {
    const id = `0190aaaa-0000-7000-8000-${String(seq).padStart(12, '0')}`;
    const draft = {
      id,
      kind: 'visit' as const,
      recordId: `visit-${seq % 3}`,
      type: 'visit.activityNoted',
      payload: { text: `catatan ${seq} — ruang server “B” ✓`, nested: { n: seq, list: [seq, 'x', null, { z: 1, a: [] }] }, skipped: undefined },
      actorId: 'user-1',
      deviceId: DEVICE,
      at: new Date(1_760_000_000_000 + seq * 1000).toISOString(),
      cmd: { id, i: 0, n: 1 },
      command: { type: 'visit.noteActivity', input: { id: `visit-${seq % 3}`, text: `catatan ${seq}` } },
    };
    const hash = contentHash(draft);
    const sig = { by: 'user-1', key: actor.key.keyId, sig: await signHash(actor.key, hash) };
    const cosigs = seq % 4 === 0 ? [{ by: 'user-2', key: cosigner.key.keyId, sig: await signHash(cosigner.key, hash) }] : undefined;
    const chained = { ...draft, sig, ...(cosigs ? { cosigs } : {}), deviceSeq: seq, hlc: formatHlc({ wall: 1_760_000_000_000 + seq * 1000, counter: 0, node: DEVICE }), prevHash };
    const e: DomainEvent = { ...chained, hash: eventHash(chained) };
    events.push(e);
    prevHash = e.hash;
  }
  return { events, publicKey: actor.material.publicKey, cosignKey: cosigner.material.publicKey };
}

function jobsOf(events: readonly DomainEvent[], publicKey: string, cosignKey: string): SigJob[] {
  const jobs: SigJob[] = [];
  events.forEach((e, i) => {
    jobs.push({ i, publicKey, sig: e.sig!.sig });
    for (const c of e.cosigs ?? []) jobs.push({ i, publicKey: cosignKey, sig: c.sig });
  });
  return jobs;
}

/** A copy, so every run hashes new event objects (the hashes are remembered per object). */
const copy = (events: readonly DomainEvent[]): DomainEvent[] => structuredClone(events) as DomainEvent[];

describe('signedMessage', () => {
  it('is the UTF-8 of its text, for a hex hash (written byte by byte) and for anything else', () => {
    for (const hash of [contentHash({ id: 'a', kind: 'visit', recordId: 'r', type: 't', payload: {}, actorId: 'u', deviceId: 'd', at: 'x' }), '', 'ABC', 'hash “ü” ✓'])
      expect(signedMessage(hash)).toEqual(utf8ToBytes(`meja-it/event/v1\n${hash}`));
  });
});

describe('push checks on worker threads', () => {
  let previous: PushCheckSettings;
  let chain: Awaited<ReturnType<typeof signedChain>>;

  beforeAll(async () => {
    previous = configurePushChecks({ workers: 1, minEvents: 1, chunk: 4 });
    chain = await signedChain(30);
    expect(await warmPushChecks()).toBe(true);
  }, 60_000);
  afterAll(() => {
    configurePushChecks(previous);
  });

  it('gives every event the hashes eventHashes gives, chunk by chunk', async () => {
    const events = copy(chain.events);
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    await checks.answered();
    expect(checks.ready(0, events.length - 1)).toBeUndefined();
    for (const e of events) {
      expect(chainHashOf(e)).toBe(e.hash);
      expect(contentHashOf(e)).toBe(contentHash(e));
    }
  });

  it('the main thread checks the chunks no worker has started when it needs them, with the same answers', async () => {
    const events = copy(chain.events);
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    for (let i = 0; i < events.length; i++) {
      const waiting = checks.ready(i, i);
      if (waiting) await waiting;
      expect(chainHashOf(events[i]!)).toBe(events[i]!.hash);
      expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(events[i]!)), events[i]!.sig!.sig)).toBe(true);
    }
    await checks.answered();
  });

  it('answers each signature as node:crypto does: a good one passes, an altered one, another key or another message does not', async () => {
    const events = copy(chain.events);
    const altered = events[9]!.sig!.sig.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const jobs = jobsOf(events, chain.publicKey, chain.cosignKey);
    jobs.push({ i: 9, publicKey: chain.publicKey, sig: altered }, { i: 10, publicKey: chain.cosignKey, sig: events[10]!.sig!.sig });
    jobs.sort((a, b) => a.i - b.i);
    const checks = startPushChecks(events, jobs);
    await checks.answered();
    for (const e of events) {
      expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(e)), e.sig!.sig)).toBe(true);
      for (const c of e.cosigs ?? []) expect(await checks.verify(chain.cosignKey, signedMessage(contentHashOf(e)), c.sig)).toBe(true);
    }
    expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(events[9]!)), altered)).toBe(false);
    expect(await checks.verify(chain.cosignKey, signedMessage(contentHashOf(events[10]!)), events[10]!.sig!.sig)).toBe(false);
    // A check nobody asked the workers for is made on the spot.
    expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(events[11]!)), events[12]!.sig!.sig)).toBe(false);
    expect(await checks.verify(chain.publicKey, signedMessage(contentHash(events[12]!)), events[12]!.sig!.sig)).toBe(true);
  });

  it("gives every event the content check, envelope and payload text the main thread would make, a payload its schema refuses included", async () => {
    const events = copy(chain.events);
    // Event 3 keeps only its text: a payload the event type accepts. The others carry fields the schema refuses.
    events[3]!.payload = { text: 'catatan 3' };
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    await checks.answered();
    for (const e of events) {
      expect(contentCheckOf(e)).toEqual(checkContent(e));
      expect(envelopeTextOf(e)).toBe(envelopeOf(e));
      expect(jsonTextOf(e.payload)).toBe(canonicalJson(e.payload));
    }
    expect(contentCheckOf(events[3]!).ok).toBe(true);
    const refused = contentCheckOf(events[4]!);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBeTruthy();
  });

  it('a forged event gets its own hash, not the one it claims', async () => {
    const events = copy(chain.events);
    (events[5]!.payload as { text: string }).text = 'diubah';
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    await checks.answered();
    expect(chainHashOf(events[5]!)).not.toBe(events[5]!.hash);
    expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(events[5]!)), events[5]!.sig!.sig)).toBe(false);
    expect(chainHashOf(events[6]!)).toBe(events[6]!.hash);
  });

  it('drain hands every event over once, hashed and with its signatures answered, while the main thread takes chunks from the end', async () => {
    const events = copy(chain.events);
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    expect(checks.beside).toBe(true);
    const taken: DomainEvent[] = [];
    await checks.drain(async (done) => {
      for (const e of done) {
        // Each event handed over is checked already: its hash is the worker's (or this thread's).
        expect(chainHashOf(e)).toBe(e.hash);
        taken.push(e);
      }
    });
    expect(taken).toHaveLength(events.length);
    expect(new Set(taken)).toEqual(new Set(events));
    for (const e of events) expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(e)), e.sig!.sig)).toBe(true);
    await checks.answered();
  });

  it('drain with the worker gone: the main thread checks the rest and still hands each event over once', async () => {
    const events = copy(chain.events);
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    await stopPushWorkers();
    const taken: DomainEvent[] = [];
    await checks.drain(async (done) => void taken.push(...done));
    expect(taken).toHaveLength(events.length);
    expect(new Set(taken)).toEqual(new Set(events));
    for (const e of events) expect(chainHashOf(e)).toBe(e.hash);
    expect(await warmPushChecks()).toBe(true);
  });

  it('a worker lost mid-push: its chunks are checked on the main thread, with the same answers', async () => {
    const events = copy(chain.events);
    const checks = startPushChecks(events, jobsOf(events, chain.publicKey, chain.cosignKey));
    await stopPushWorkers();
    await checks.ready(0, events.length - 1);
    for (const e of events) {
      expect(chainHashOf(e)).toBe(e.hash);
      expect(await checks.verify(chain.publicKey, signedMessage(contentHashOf(e)), e.sig!.sig)).toBe(true);
    }
    // The next push starts them again.
    expect(await warmPushChecks()).toBe(true);
  });
});

describe('Ed25519 on the server: libsodium and node:crypto give the same verdicts', () => {
  it('for a good signature, one altered byte of it, another key, another message and malformed input', async () => {
    expect(ED25519_IMPLEMENTATION).toBe('libsodium');
    const [a, b] = await Promise.all([freshTestKey(), freshTestKey()]);
    const message = signedMessage(contentHash({ id: 'a', kind: 'visit', recordId: 'r', type: 't', payload: {}, actorId: 'u', deviceId: 'd', at: 'x' }));
    const sig = await signHash(a.key, contentHash({ id: 'a', kind: 'visit', recordId: 'r', type: 't', payload: {}, actorId: 'u', deviceId: 'd', at: 'x' }));
    const flipped = `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`;
    const cases: [string, Uint8Array, string, boolean][] = [
      [a.material.publicKey, message, sig, true],
      [a.material.publicKey, message, flipped, false],
      [b.material.publicKey, message, sig, false],
      [a.material.publicKey, signedMessage('another'), sig, false],
      [a.material.publicKey, message, sig.toUpperCase(), false],
      [a.material.publicKey, message, sig.slice(2), false],
      ['00'.repeat(32), message, sig, false],
      // S ≥ the group order (S + L): both refuse a malleated signature.
      [a.material.publicKey, message, `${sig.slice(0, 64)}${addOrder(sig.slice(64))}`, false],
    ];
    for (const [key, msg, s, expected] of cases) {
      expect(verifyEd25519(key, msg, s)).toBe(expected);
      expect(verifyEd25519Node(key, msg, s)).toBe(expected);
    }
  });
});

/** A signature's S (little-endian hex) plus the group order L: the same point, a non-canonical scalar. */
function addOrder(sHex: string): string {
  const le = (hex: string) => BigInt(`0x${hex.match(/../g)!.reverse().join('')}`);
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const sum = (le(sHex) + L).toString(16).padStart(64, '0');
  return sum.match(/../g)!.reverse().join('');
}
