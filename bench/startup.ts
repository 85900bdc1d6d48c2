/**
 * BENCH_ONLY=startup (bench/run.ts): how fast the console opens (issue 13).
 *
 * Each run starts a new Chromium with a new, empty profile (nothing cached), opens the console
 * served by the product's own server and times, in the page, from navigation start to:
 * - the first interactive screen: the first-run setup form on screen with its first field
 *   editable. Since session 7 that is index.html's prerendered copy of the screen
 *   (src/renderer/entry/handoff.ts), which takes typing before the application has loaded;
 * - the application live: its own setup screen has taken over (`#entry` emptied, the field
 *   inside `#root`), so the buttons work too. Both are reported.
 * Beside it, in the same run and alternating with it, a blank page served by the same server
 * (one editable field), timed the same way. Also counts the JavaScript the page fetched until the
 * application was live (resource timing, decoded bytes as served, requests started before that
 * moment — not the screens prefetched later in the background). Targets: first interactive
 * screen ≤ 2× the blank page and ≤ 800 KB of JavaScript. Then, after a first-run setup, the time
 * to open each sidebar screen.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartupRun {
  /** Navigation start to the first editable field on screen. */
  ms: number;
  /** Navigation start to the application's own screen in place (equal to `ms` for the blank page). */
  liveMs: number;
  jsBytes: number;
  jsFiles: number;
}

export interface StartupResult {
  runs: number;
  app: StartupRun[];
  blank: StartupRun[];
  /** After the first-run setup (signed in as the office's admin): each sidebar entry opened in turn. */
  screens?: ScreenOpen[];
}

export interface ScreenOpen {
  path: string;
  /** Click to the screen's heading on screen, ms (median of the rounds). */
  ms: number;
}

/**
 * Records, from the page's own clock, when an enabled text field first shows, and when one shows
 * with no prerendered screen left in `#entry` (the application's own, or the blank page's).
 */
const WATCH = `(() => {
  const check = () => {
    if (window.__liveAt !== undefined) return;
    const input = document.querySelector('input:not([disabled]):not([type=hidden])');
    if (!input || input.getBoundingClientRect().height === 0) return;
    const now = performance.now();
    if (window.__interactiveAt === undefined) window.__interactiveAt = now;
    const entry = document.getElementById('entry');
    if (!entry || entry.childElementCount === 0) window.__liveAt = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

export const BLANK_HTML = '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>kosong</title></head><body><input aria-label="kosong"></body></html>';

async function once(url: string, executablePath: string, args: string[]): Promise<StartupRun> {
  const profile = mkdtempSync(join(tmpdir(), 'meja-startup-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.addInitScript(WATCH);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __liveAt?: number }).__liveAt !== undefined, undefined, { timeout: 60_000 });
    // Every script requested until the app was live, once its response is complete.
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const w = window as unknown as { __interactiveAt: number; __liveAt: number };
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
        .filter((e) => e.startTime <= w.__liveAt) as PerformanceResourceTiming[];
      return { ms: w.__interactiveAt, liveMs: w.__liveAt, jsBytes: scripts.reduce((s, e) => s + e.decodedBodySize, 0), jsFiles: scripts.length };
    });
    return { ms: Math.round(r.ms), liveMs: Math.round(r.liveMs), jsBytes: r.jsBytes, jsFiles: r.jsFiles };
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The time to open each feature's first screen after sign-in: a new Chromium sets up an office
 * through the first-run form (its admin signed in), waits 3 s (the other screens' chunks are
 * fetched in the background, as at any desk), then clicks every sidebar entry in turn, `rounds`
 * times, timing in the page from the click to the new screen's heading on screen.
 */
async function screensAfterSignIn(url: string, executablePath: string, args: string[], rounds: number): Promise<ScreenOpen[]> {
  const profile = mkdtempSync(join(tmpdir(), 'meja-screens-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    const fill = async (id: string, value: string) => page.locator(`#${id}`).fill(value);
    await fill('name', 'Dinas Kominfo (bench)');
    await fill('unit', 'Bidang TIK');
    await fill('address', 'Jl. Merdeka No. 1');
    await fill('adminName', 'Admin Bench');
    await fill('adminUsername', 'admin');
    await fill('password', 'Rahasia123!');
    await fill('passwordAgain', 'Rahasia123!');
    await page.locator('form button[type=submit]').click();
    await page.locator('nav.sidebar a[href^="#/"]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    const paths = await page.locator('nav.sidebar a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    const times = new Map<string, number[]>();
    for (let r = 0; r < rounds; r++) {
      for (const path of paths) {
        // Timed in the page: from the click to a heading of the new screen (not the old one).
        const ms = await page.evaluate(`new Promise((resolve, reject) => {
          const main = document.querySelector('main');
          const before = main.querySelector('h1');
          const link = document.querySelector('nav.sidebar a[href="#${path}"]');
          const t0 = performance.now();
          const done = () => {
            const h = main.querySelector('h1');
            if (h && h !== before && h.getBoundingClientRect().height > 0) { obs.disconnect(); clearTimeout(timer); resolve(performance.now() - t0); }
          };
          const obs = new MutationObserver(done);
          obs.observe(main, { childList: true, subtree: true });
          const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no heading for ${path}')); }, 15000);
          link.click();
        })`);
        (times.get(path) ?? times.set(path, []).get(path)!).push(ms as number);
      }
    }
    return paths.map((path) => {
      const list = [...times.get(path)!].sort((a, b) => a - b);
      return { path, ms: Math.round(list[Math.floor(list.length / 2)]! * 10) / 10 };
    });
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `runs` cold starts of the console and of the blank page, alternating. */
export async function startupBench(base: string, opts: { runs: number; executablePath: string; args: string[] }, log: (s: string) => void): Promise<StartupResult> {
  const out: StartupResult = { runs: opts.runs, app: [], blank: [] };
  for (let i = 0; i < opts.runs; i++) {
    const db = `startup-${Date.now().toString(36)}-${i}`;
    const app = await once(`${base}/?db=${db}`, opts.executablePath, opts.args);
    const blank = await once(`${base}/__blank`, opts.executablePath, opts.args);
    out.app.push(app);
    out.blank.push(blank);
    log(`startup run ${i + 1}: console interactive ${app.ms} ms, live ${app.liveMs} ms (${Math.round(app.jsBytes / 1024)} KB of JavaScript in ${app.jsFiles} files), blank page ${blank.ms} ms`);
  }
  out.screens = await screensAfterSignIn(`${base}/?db=screens-${Date.now().toString(36)}`, opts.executablePath, opts.args, 3);
  log(`screens after sign-in: ${out.screens.map((x) => `${x.path} ${x.ms} ms`).join(', ')}`);
  return out;
}
