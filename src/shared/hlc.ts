/**
 * Hybrid logical clock. Each device stamps its events with `wall:counter:device`, a string
 * that sorts in causal order even when device clocks disagree. A remote stamp far in the
 * future is absorbed (its wall time is adopted) rather than refused: clock skew is reported
 * by sync, never a reason to stop working.
 */

export interface HlcState {
  /** Milliseconds since the epoch, the largest wall time seen. */
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;

/** Encodes a clock state as a sortable string. */
export function formatHlc(s: HlcState): string {
  return `${String(s.wall).padStart(WALL_DIGITS, '0')}:${String(s.counter).padStart(COUNTER_DIGITS, '0')}:${s.node}`;
}

/** Decodes a stamp made by `formatHlc`. */
export function parseHlc(stamp: string): HlcState {
  const [wall, counter, ...node] = stamp.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

/** A fresh clock for a device. */
export function initialHlc(node: string): HlcState {
  return { wall: 0, counter: 0, node };
}

/** Advances the clock for a local event at wall time `now`. */
export function tickHlc(s: HlcState, now: number): HlcState {
  return now > s.wall ? { wall: now, counter: 0, node: s.node } : { wall: s.wall, counter: s.counter + 1, node: s.node };
}

/** Merges a stamp received from another device, so later local events sort after it. */
export function receiveHlc(s: HlcState, remoteStamp: string, now: number): HlcState {
  const r = parseHlc(remoteStamp);
  const wall = Math.max(s.wall, r.wall, now);
  let counter = 0;
  if (wall === s.wall && wall === r.wall) counter = Math.max(s.counter, r.counter) + 1;
  else if (wall === s.wall) counter = s.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  return { wall, counter, node: s.node };
}
