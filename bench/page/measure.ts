/** Timing helpers of the benchmark page. */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles, in the unit of the samples (ms). */
export function stats(samples: readonly number[]): Stats {
  const xs = [...samples].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] ?? NaN;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: xs.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(xs.reduce((s, x) => s + x, 0) / (xs.length || 1)),
    min: round(xs[0] ?? NaN),
    max: round(xs[xs.length - 1] ?? NaN),
  };
}

/** Runs f and returns its duration in ms with its result. */
export async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await f();
  return [performance.now() - t0, result];
}

/** Logs a progress line; the runner forwards the page's console to its stdout. */
export function log(...parts: unknown[]): void {
  console.log('[bench]', ...parts);
}
