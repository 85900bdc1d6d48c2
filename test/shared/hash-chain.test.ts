import { describe, expect, it } from 'vitest';
import { CHAIN_START, contentHash, eventHash, eventHashes, verifyChain, type DomainEvent } from '@shared/events';
import { canonicalJson, sha256Hex } from '@shared/hash';
import { formatHlc } from '@shared/hlc';

const DEV_A = '0190aaaa-0000-7000-8000-00000000000a';
const DEV_B = '0190bbbb-0000-7000-8000-00000000000b';

/** A valid chain of `n` events for one device, linked from CHAIN_START. */
function chain(deviceId: string, n: number, wall0: number): DomainEvent[] {
  const out: DomainEvent[] = [];
  let prevHash = CHAIN_START;
  for (let seq = 1; seq <= n; seq++) {
    const unsigned = {
      id: `${deviceId}-e${seq}`,
      kind: 'visit' as const,
      recordId: `visit-${deviceId.slice(-1)}`,
      type: 'visit.activityNoted',
      payload: { text: `catatan ${seq}`, nested: { n: seq, list: [seq, 'x'] } },
      actorId: 'user-1',
      deviceId,
      deviceSeq: seq,
      hlc: formatHlc({ wall: wall0 + seq * 1000, counter: 0, node: deviceId }),
      at: new Date(wall0 + seq * 1000).toISOString(),
      prevHash,
    };
    const e: DomainEvent = { ...unsigned, hash: eventHash(unsigned) };
    out.push(e);
    prevHash = e.hash;
  }
  return out;
}

/** Recomputes an event's hash after an edit, as a forger would. */
function rehash(e: DomainEvent): DomainEvent {
  const { hash: _old, ...unsigned } = e;
  return { ...unsigned, hash: eventHash(unsigned) };
}

const at = <T>(list: readonly T[], i: number): T => {
  const v = list[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
};

describe('verifyChain', () => {
  const a = chain(DEV_A, 5, Date.UTC(2026, 2, 2, 1));
  const b = chain(DEV_B, 4, Date.UTC(2026, 2, 2, 1, 0, 500));

  it('links each device’s chain from CHAIN_START', () => {
    expect(at(a, 0).prevHash).toBe(CHAIN_START);
    expect(at(a, 1).prevHash).toBe(at(a, 0).hash);
    expect(at(a, 0).hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(a.map((e) => e.hash)).size).toBe(a.length);
  });

  it('finds nothing wrong with two intact chains, in any order', () => {
    expect(verifyChain([...a, ...b])).toEqual([]);
    const interleaved = [...a, ...b].sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
    expect(verifyChain(interleaved)).toEqual([]);
    expect(verifyChain([...a, ...b].reverse())).toEqual([]);
    expect(verifyChain([])).toEqual([]);
  });

  it('does not mutate the caller’s array order', () => {
    const reversed = [...a].reverse();
    const ids = reversed.map((e) => e.id);
    verifyChain(reversed);
    expect(reversed.map((e) => e.id)).toEqual(ids);
  });

  it('detects an altered payload', () => {
    const tampered = a.map((e) => (e.deviceSeq === 3 ? { ...e, payload: { ...e.payload, text: 'diubah' } } : e));
    expect(verifyChain([...tampered, ...b])).toEqual([{ kind: 'altered', deviceId: DEV_A, seq: 3, eventId: at(a, 2).id }]);
  });

  it('detects an altered actor or time even when the payload is untouched', () => {
    const tampered = a.map((e) => (e.deviceSeq === 2 ? { ...e, actorId: 'user-2' } : e.deviceSeq === 4 ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e));
    expect(verifyChain(tampered)).toEqual([
      { kind: 'altered', deviceId: DEV_A, seq: 2, eventId: at(a, 1).id },
      { kind: 'altered', deviceId: DEV_A, seq: 4, eventId: at(a, 3).id },
    ]);
  });

  it('detects an altered event whose hash was recomputed, at the next link', () => {
    const tampered = a.map((e) => (e.deviceSeq === 3 ? rehash({ ...e, payload: { text: 'diubah' } }) : e));
    expect(verifyChain(tampered)).toEqual([{ kind: 'broken-link', deviceId: DEV_A, seq: 4, eventId: at(a, 3).id }]);
  });

  it('detects a missing event on one device without blaming the other', () => {
    const withoutSecond = a.filter((e) => e.deviceSeq !== 2);
    expect(verifyChain([...withoutSecond, ...b])).toEqual([{ kind: 'missing', deviceId: DEV_A, expectedSeq: 2, foundSeq: 3 }]);
  });

  it('detects a missing first event', () => {
    expect(verifyChain(b.slice(1))).toEqual([{ kind: 'missing', deviceId: DEV_B, expectedSeq: 1, foundSeq: 2 }]);
  });

  it('detects a relinked prevHash (re-signed) as a broken link', () => {
    // Event 3 is relinked to event 1, as if event 2 had been cut out and the rest renumbered.
    const relinked = a.map((e) => (e.deviceSeq === 3 ? rehash({ ...e, prevHash: at(a, 0).hash }) : e));
    const problems = verifyChain(relinked);
    expect(problems).toContainEqual({ kind: 'broken-link', deviceId: DEV_A, seq: 3, eventId: at(a, 2).id });
    expect(problems.some((p) => p.kind === 'altered')).toBe(false);
  });

  it('detects a first event that does not start from CHAIN_START', () => {
    const forged = [rehash({ ...at(b, 0), prevHash: 'f'.repeat(64) }), ...b.slice(1)];
    expect(verifyChain(forged)).toContainEqual({ kind: 'broken-link', deviceId: DEV_B, seq: 1, eventId: at(b, 0).id });
  });

  it('detects two events swapped in sequence', () => {
    const e2 = at(a, 1);
    const e3 = at(a, 2);
    const swapped = [at(a, 0), { ...e3, deviceSeq: 2 }, { ...e2, deviceSeq: 3 }, ...a.slice(3)];
    const problems = verifyChain(swapped);
    expect(problems).toContainEqual({ kind: 'altered', deviceId: DEV_A, seq: 2, eventId: e3.id });
    expect(problems).toContainEqual({ kind: 'altered', deviceId: DEV_A, seq: 3, eventId: e2.id });
    expect(problems).toContainEqual({ kind: 'broken-link', deviceId: DEV_A, seq: 2, eventId: e3.id });
    // The same swap with every hash recomputed still breaks the links.
    const resigned = swapped.map(rehash);
    expect(verifyChain(resigned).filter((p) => p.kind === 'broken-link').map((p) => (p.kind === 'broken-link' ? p.seq : 0))).toEqual([2, 3, 4]);
  });
});

describe('canonicalJson', () => {
  it('is independent of key order at every level', () => {
    const x = { b: 1, a: { d: [1, { z: 'z', y: null }], c: 'c' }, e: true };
    const y = { e: true, a: { c: 'c', d: [1, { y: null, z: 'z' }] }, b: 1 };
    expect(canonicalJson(x)).toBe(canonicalJson(y));
    expect(canonicalJson(x)).toBe('{"a":{"c":"c","d":[1,{"y":null,"z":"z"}]},"b":1,"e":true}');
  });

  it('keeps array order significant and drops undefined properties', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson('teks "kutip"')).toBe(JSON.stringify('teks "kutip"'));
  });

  it('makes eventHash independent of payload key order', () => {
    const e = at(chain(DEV_A, 1, 0), 0);
    const { hash, ...unsigned } = e;
    const reordered = { ...unsigned, payload: { nested: { list: [1, 'x'], n: 1 }, text: 'catatan 1' } };
    expect(eventHash(reordered)).toBe(hash);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('computes both hashes of a whole event at once, equal to each computed alone', () => {
    const base = at(chain(DEV_A, 1, 0), 0);
    const signed: DomainEvent = {
      ...base,
      cmd: { id: base.id, i: 0, n: 1 },
      command: { type: 'visit.noteActivity', input: { text: 'catatan', list: [undefined, { b: 2, a: 1 }] } },
      sig: { by: 'user-1', key: 'k1', sig: 'ab'.repeat(64) },
      cosigs: [{ by: 'user-2', key: 'k2', sig: 'cd'.repeat(64) }],
    } as DomainEvent;
    for (const e of [base, signed, { ...signed, payload: 'teks' } as unknown as DomainEvent, { ...signed, payload: null } as unknown as DomainEvent]) {
      const { hash: _h, ...unsigned } = e;
      expect(eventHashes(unsigned)).toEqual({ content: contentHash(e), chain: eventHash(unsigned) });
    }
  });
});

