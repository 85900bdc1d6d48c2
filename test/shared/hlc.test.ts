import { describe, expect, it } from 'vitest';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '@shared/hlc';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0);

/** True when each stamp sorts strictly after the previous one. */
function strictlyIncreasing(stamps: string[]): boolean {
  return stamps.every((s, i) => i === 0 || (stamps[i - 1] as string) < s);
}

describe('tickHlc', () => {
  it('adopts a wall clock that moves forward and resets the counter', () => {
    const a = tickHlc(initialHlc('dev-a'), T0);
    expect(a).toEqual({ wall: T0, counter: 0, node: 'dev-a' });
    expect(tickHlc(a, T0 + 5)).toEqual({ wall: T0 + 5, counter: 0, node: 'dev-a' });
  });

  it('counts up within the same millisecond', () => {
    const a = tickHlc(tickHlc(tickHlc(initialHlc('dev-a'), T0), T0), T0);
    expect(a).toEqual({ wall: T0, counter: 2, node: 'dev-a' });
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    let s = tickHlc(initialHlc('dev-a'), T0);
    const stamps = [formatHlc(s)];
    for (const now of [T0 - 1000, T0 - DAY, T0 - 1, T0]) {
      s = tickHlc(s, now);
      expect(s.wall).toBe(T0);
      stamps.push(formatHlc(s));
    }
    expect(s.counter).toBe(4);
    s = tickHlc(s, T0 + 1);
    stamps.push(formatHlc(s));
    expect(s).toEqual({ wall: T0 + 1, counter: 0, node: 'dev-a' });
    expect(strictlyIncreasing(stamps)).toBe(true);
  });
});

describe('receiveHlc', () => {
  it('absorbs a remote clock 3 days ahead, so later local events sort after it', () => {
    const local = tickHlc(initialHlc('dev-a'), T0);
    const remote = formatHlc({ wall: T0 + 3 * DAY, counter: 5, node: 'dev-b' });
    const merged = receiveHlc(local, remote, T0 + 10);
    expect(merged).toEqual({ wall: T0 + 3 * DAY, counter: 6, node: 'dev-a' });
    expect(formatHlc(merged) > remote).toBe(true);
    // The local wall clock is still behind: new local events keep counting after the remote stamp.
    const next = tickHlc(merged, T0 + 20);
    expect(next).toEqual({ wall: T0 + 3 * DAY, counter: 7, node: 'dev-a' });
    expect(formatHlc(next) > formatHlc(merged)).toBe(true);
  });

  it('keeps its own time for a remote clock 3 days behind', () => {
    const local = tickHlc(initialHlc('dev-a'), T0);
    const remote = formatHlc({ wall: T0 - 3 * DAY, counter: 9, node: 'dev-b' });
    // Wall clock has moved on: adopt it.
    expect(receiveHlc(local, remote, T0 + 10)).toEqual({ wall: T0 + 10, counter: 0, node: 'dev-a' });
    // Wall clock has not moved: count on from the local state.
    const same = receiveHlc(local, remote, T0);
    expect(same).toEqual({ wall: T0, counter: 1, node: 'dev-a' });
    expect(formatHlc(same) > remote).toBe(true);
    expect(formatHlc(same) > formatHlc(local)).toBe(true);
  });

  it('takes the larger counter plus one when both walls are equal', () => {
    const local: HlcState = { wall: T0, counter: 2, node: 'dev-a' };
    expect(receiveHlc(local, formatHlc({ wall: T0, counter: 7, node: 'dev-b' }), T0 - 50)).toEqual({ wall: T0, counter: 8, node: 'dev-a' });
    expect(receiveHlc({ ...local, counter: 9 }, formatHlc({ wall: T0, counter: 7, node: 'dev-b' }), T0 - 50)).toEqual({ wall: T0, counter: 10, node: 'dev-a' });
  });
});

describe('formatHlc / parseHlc', () => {
  it('round-trips', () => {
    for (const s of [
      { wall: T0, counter: 0, node: 'dev-a' },
      { wall: 0, counter: 0, node: '' },
      { wall: T0 + 3 * DAY, counter: 123456, node: '0190aaaa-0000-7000-8000-00000000000a' },
      { wall: 1, counter: 42, node: 'node:with:colons' },
    ]) {
      expect(parseHlc(formatHlc(s))).toEqual(s);
    }
    expect(formatHlc({ wall: 1, counter: 2, node: 'n' })).toBe('000000000000001:000002:n');
  });

  it('sorts lexicographically in causal order across two devices exchanging stamps', () => {
    let a = initialHlc('dev-a');
    let b = initialHlc('dev-b');
    // Device b's clock runs 3 days fast; device a's clock jumps back once.
    const causal: string[] = [];
    const stampA = (now: number) => { a = tickHlc(a, now); causal.push(formatHlc(a)); return formatHlc(a); };
    const stampB = (now: number) => { b = tickHlc(b, now); causal.push(formatHlc(b)); return formatHlc(b); };
    stampA(T0);
    stampA(T0 + 1);
    b = receiveHlc(b, causal[causal.length - 1] as string, T0 + 3 * DAY);
    const fromB = stampB(T0 + 3 * DAY + 1);
    a = receiveHlc(a, fromB, T0 + 2);
    stampA(T0 - 60_000);
    stampA(T0 + 3);
    b = receiveHlc(b, causal[causal.length - 1] as string, T0 + 3 * DAY + 2);
    stampB(T0 + 3 * DAY + 2);
    expect(strictlyIncreasing(causal)).toBe(true);
    expect([...causal].sort()).toEqual(causal);
  });

  it('pads wall time and counter so string order equals numeric order', () => {
    const s = (wall: number, counter: number) => formatHlc({ wall, counter, node: 'x' });
    expect(s(999, 0) < s(1000, 0)).toBe(true);
    expect(s(1000, 9) < s(1000, 10)).toBe(true);
    expect(s(1000, 999) < s(1001, 0)).toBe(true);
    expect([s(T0 + 10, 0), s(9, 0), s(T0, 11), s(T0, 2)].sort()).toEqual([s(9, 0), s(T0, 2), s(T0, 11), s(T0 + 10, 0)]);
  });
});
