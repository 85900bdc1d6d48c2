/**
 * BENCH_ONLY=trust (bench/run.ts): what signed events cost (issue 10).
 *
 *  1. In Chromium (the page, bench/page/signing.ts): µs per event to sign and to verify
 *     an event's content hash with WebCrypto's Ed25519 (what the console uses) and with
 *     @noble/curves (the JavaScript alternative).
 *  2. In Node: µs per check with what the sync server uses (libsodium where its addon loads),
 *     node:crypto (OpenSSL) and @noble/curves.
 *  3. The embedded server's push throughput: a desk's 10,002 signed visit events (1,667 visits
 *     of six commands each, made by the shared commands in memory) pushed over HTTP in the
 *     client's batches, each command re-checked by replay with its signatures — beside raw
 *     writes of the same event rows and final projections into a fresh PGlite (multi-row
 *     inserts, no checks), in the same run. Targets: ≥ 2,000 events/s and ≤ 3× raw.
 *     BENCH_TRUST_ROUNDS rounds (3), push and raw alternating, each into a fresh database,
 *     after BENCH_TRUST_WARMUP rounds (1) that warm the JIT of both sides and are not counted;
 *     the median round and the median of the rounds' ratios are reported, with each round and
 *     the process's CPU time (every thread) beside its wall time. The request bodies are made
 *     before the clock starts (the desk's work; reported apart).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { buildServer } from '../src/server/app';
import { openPglite } from '../src/server/db/pglite';
import { migrate } from '../src/server/db/migrations';
import { insertEvents, upsertProjections } from '../src/server/sync/batch';
import { ED25519_IMPLEMENTATION, verifyEd25519, verifyEd25519Node } from '../src/server/sync/verify';
import { syncHttp, wireEvent } from '../src/shared/sync/http-client';
import { SCHEMA_VERSION, type PushResponse } from '../src/shared/sync/protocol';
import { warmPushChecks } from '../src/server/sync/push-checks';

/** The sync API as a tool calls it: Node's fetch, the token in hand. */
const api = syncHttp((url, init) => fetch(url, init as RequestInit));
import { splitBatches } from '../src/renderer/sync/sync-client';
import { newDeviceSigner, proveDevice, signPush } from '../src/shared/sync/device-auth';
import { folds, type Command } from '../src/shared/domain/registry';
import { contentHash, type DomainEvent } from '../src/shared/events';
import { newId } from '../src/shared/ids';
import { hashPassword } from '../src/shared/password';
import type { Actor } from '../src/shared/roles';
import { newUserKey, signedMessage, signHash } from '../src/shared/signing';

interface MemoryConsoleLike {
  head: { seq: number; lastHash: string };
  run(actor: Actor, command: Command, now: Date): Promise<DomainEvent[]>;
  forget(kind: string, id: string): void;
}

export interface TrustResult {
  node: { implementation: string; verifyUs: number; verifyNodeUs: number; nobleVerifyUs: number; webSignUs: number };
  push: { events: number; visits: number; requests: number; prepareMs: number; rounds: PushRound[]; ms: number; rawMs: number; rejected: number; ratio: number; cpuMs: number; rawCpuMs: number };
}

const pageModule = './page/memory-console';
const cycleModule = './page/visit-cycle';
const us = (ms: number, n: number) => Math.round(((ms * 1000) / n) * 10) / 10;

/** Node-side signature costs. */
async function nodeCosts(n = 2000): Promise<TrustResult['node']> {
  const { material, key } = await newUserKey('bench-password-1', 1000);
  const hashes = Array.from({ length: n }, (_, i) => contentHash({ id: newId(), kind: 'visit', recordId: newId(), type: 'visit.activityNoted', payload: { text: `catatan ${i}` }, actorId: 'u', deviceId: 'd', at: new Date().toISOString() }));
  let t = performance.now();
  const sigs = await Promise.all(hashes.map((h) => signHash(key, h)));
  const webSignUs = us(performance.now() - t, n);
  const timeVerify = (check: typeof verifyEd25519) => {
    check(material.publicKey, signedMessage(hashes[0]!), sigs[0]!);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (!check(material.publicKey, signedMessage(hashes[i]!), sigs[i]!)) throw new Error('verify failed');
    return us(performance.now() - t0, n);
  };
  // What the server uses (libsodium where its addon loads), and node:crypto beside it.
  const verifyUs = timeVerify(verifyEd25519);
  const verifyNodeUs = timeVerify(verifyEd25519Node);
  const pub = Buffer.from(material.publicKey, 'hex');
  const m = 300;
  t = performance.now();
  for (let i = 0; i < m; i++) if (!ed25519.verify(Buffer.from(sigs[i]!, 'hex'), signedMessage(hashes[i]!), pub)) throw new Error('noble verify failed');
  const nobleVerifyUs = us(performance.now() - t, m);
  return { implementation: ED25519_IMPLEMENTATION, verifyUs, verifyNodeUs, nobleVerifyUs, webSignUs };
}


/**
 * BENCH_CPU_PROFILE=1: a V8 CPU profile of the push loop alone (client and embedded server share the
 * process), written to bench/results/push.cpuprofile for Chromium's DevTools or a script.
 */
async function startProfile(): Promise<() => Promise<string>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const file = 'bench/results/push.cpuprofile';
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return file;
  };
}

/** One round's figures: the push through a fresh server, and raw writes into a fresh PGlite. */
export interface PushRound {
  ms: number;
  rawMs: number;
  rejected: number;
  /** CPU time of the whole process (every thread: the main one, the push workers, libuv's pool), user + system. */
  cpuMs: number;
  rawCpuMs: number;
}

/** A fresh embedded server with the office set up and its two users pushed, ready for the timed push. */
async function freshServer(dataDir: string, deviceId: string, signer: Awaited<ReturnType<typeof newDeviceSigner>>, setup: DomainEvent[], users: DomainEvent[]) {
  const server = await buildServer({ webRoot: join(dataDir, 'none'), dataDir });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const { challenge } = await api.challenge({ base }, deviceId);
  const { token } = await api.bootstrap({ base }, { deviceId, deviceName: 'Meja (bench)', events: setup, ...(await proveDevice(signer, deviceId, challenge)) });
  await api.push({ base, token }, { deviceId, events: users, deviceSignature: await signPush(signer, deviceId, users) });
  // The push workers start with the first push: up before the clock starts, as on a running server.
  await warmPushChecks();
  return { server, base, token };
}

/**
 * The embedded server's push throughput beside raw writes of the same rows, in BENCH_TRUST_ROUNDS
 * rounds (3), alternating: each round pushes the whole outbox into a fresh server, then writes
 * the same rows into a fresh raw PGlite. The request bodies (the events as JSON, with the
 * device's signature of each batch) are made before the clock starts: that is the desk's work,
 * done in its own browser, and is reported apart (`prepareMs`). The timed part is what the
 * server does: the HTTP request, the checks, the replay, the writes, the answer.
 */
async function pushThroughput(target: number, rounds: number, warmup: number, log: (s: string) => void): Promise<TrustResult['push']> {
  // The in-memory console lives with the page (outside tsconfig.node.json): imported at run time.
  const { MemoryConsole } = (await import(pageModule)) as { MemoryConsole: new (deviceId: string) => MemoryConsoleLike };
  const { visitCycle } = (await import(cycleModule)) as { visitCycle: (s: { officer: Actor; approver: Actor; escort: string }, id: string, n: number, badge: string) => [Actor, Command][] };
  const deviceId = newId();
  const desk = new MemoryConsole(deviceId);
  const admin: Actor = { userId: newId(), roles: ['admin'] };
  const officer: Actor = { userId: newId(), roles: ['officer'] };
  const approver: Actor = { userId: newId(), roles: ['approver'] };
  const password = await hashPassword('Rahasia123', 1000);
  const start = Date.now() - 86_400_000;
  const setup = await desk.run(admin, {
    type: 'org.setUp',
    input: { profile: { name: 'Dinas Kominfo (bench)', unit: 'TIK', address: 'Jl. Merdeka 1', timeZone: 'WIB', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 }, admin: { id: admin.userId, username: 'admin', displayName: 'Admin Bench', roles: ['admin'], password } },
  } as Command, new Date(start));
  const signer = await newDeviceSigner();
  const users = [
    ...(await desk.run(admin, { type: 'user.create', input: { id: officer.userId, username: 'petugas', displayName: 'Petugas Satu', roles: ['officer'], password } } as Command, new Date(start + 1))),
    ...(await desk.run(admin, { type: 'user.create', input: { id: approver.userId, username: 'penyetuju', displayName: 'Penyetuju Satu', roles: ['approver'], password } } as Command, new Date(start + 2))),
  ];
  const out: DomainEvent[] = [];
  const visits = Math.ceil(target / 6);
  const t0 = performance.now();
  for (let c = 0; c < visits; c++) {
    const id = newId();
    for (const [k, [actor, command]] of visitCycle({ officer, approver, escort: officer.userId }, id, c, 'B-01').entries()) out.push(...(await desk.run(actor, command, new Date(start + 10 + (c * 6 + k) * 5))));
    desk.forget('visit', id);
  }
  log(`trust: ${out.length} signed events (${visits} visits) made in ${Math.round(performance.now() - t0)} ms`);
  // The desk's part: batches as its sync client cuts them, each as the JSON it sends, signed by the device.
  const tPrep = performance.now();
  const batches = splitBatches(out);
  const bodies: string[] = [];
  for (const batch of batches) bodies.push(JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId, events: batch.map(wireEvent), deviceSignature: await signPush(signer, deviceId, batch) }));
  const prepareMs = Math.round(performance.now() - tPrep);
  log(`trust: ${bodies.length} push requests prepared in ${prepareMs} ms (the desk's work, not timed below)`);

  const results: PushRound[] = [];
  // The first `warmup` rounds warm the JIT of both sides (as on a server that has run a while) and are not counted.
  for (let round = -warmup; round < rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'meja-trust-'));
    const rawDir = mkdtempSync(join(tmpdir(), 'meja-trust-raw-'));
    const { server, base, token } = await freshServer(dataDir, deviceId, signer, setup, users);
    try {
      let rejected = 0;
      const profile = process.env.BENCH_CPU_PROFILE && round === rounds - 1 ? await startProfile() : undefined;
      const cp = process.cpuUsage();
      const tp = performance.now();
      for (const body of bodies) {
        const res = await fetch(`${base}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
        const answer = (await res.json()) as PushResponse;
        rejected += answer.results.filter((r) => r.status !== 'accepted').length;
        if (answer.expectedSeq !== undefined) throw new Error(`push stopped at a gap: ${answer.expectedSeq}`);
      }
      const ms = performance.now() - tp;
      const cpu = process.cpuUsage(cp);
      if (profile) log(`trust: CPU profile of the last round's push written to ${await profile()}`);
      await server.close();
      // Raw: the same event rows and the final projections, written with no checks.
      const raw = openPglite({ dir: join(rawDir, 'pglite') });
      await migrate(raw);
      const states = new Map<string, unknown>();
      const cr = process.cpuUsage();
      const tr = performance.now();
      let version = 0;
      for (const batch of batches) {
        await raw.transaction(async (tx) => {
          await insertEvents(tx, batch.map((e) => ({ e, status: 'accepted', reason: null, field: null, version: ++version, envelope: JSON.stringify({ cmd: e.cmd, command: e.command, sig: e.sig }) })));
          const touched = new Set<string>();
          for (const e of batch) {
            states.set(e.recordId, folds.visit(states.get(e.recordId) as never, e as never));
            touched.add(e.recordId);
          }
          await upsertProjections(tx, [...touched].map((id) => ({ kind: 'visit', id, state: states.get(id), version })));
        });
      }
      const rawMs = performance.now() - tr;
      const rawCpu = process.cpuUsage(cr);
      await raw.close();
      const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
      const rawCpuMs = Math.round((rawCpu.user + rawCpu.system) / 1000);
      if (round >= 0) results.push({ ms: Math.round(ms), rawMs: Math.round(rawMs), rejected, cpuMs, rawCpuMs });
      log(`trust: ${round < 0 ? 'warm-up round (not counted)' : `round ${round + 1}/${rounds}`}: push ${Math.round(ms)} ms (${Math.round((out.length / ms) * 1000)}/s, CPU ${cpuMs} ms on all threads), raw ${Math.round(rawMs)} ms (CPU ${rawCpuMs} ms), ratio ${(ms / rawMs).toFixed(2)}`);
    } finally {
      await server.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(rawDir, { recursive: true, force: true });
    }
  }
  return { events: out.length, visits, requests: bodies.length, prepareMs, rounds: results, ...medianRound(results) };
}

/** The median round by push time, and the median of the rounds' ratios (each round's push beside its own raw). */
function medianRound(rounds: PushRound[]): { ms: number; rawMs: number; rejected: number; ratio: number; cpuMs: number; rawCpuMs: number } {
  const mid = <T>(xs: T[]) => xs[Math.floor((xs.length - 1) / 2)]!;
  const byMs = [...rounds].sort((a, b) => a.ms - b.ms);
  const ratios = rounds.map((r) => r.ms / r.rawMs).sort((a, b) => a - b);
  const rawMs = mid([...rounds].sort((a, b) => a.rawMs - b.rawMs)).rawMs;
  const cpuMs = mid(rounds.map((r) => r.cpuMs).sort((a, b) => a - b));
  const rawCpuMs = mid(rounds.map((r) => r.rawCpuMs).sort((a, b) => a - b));
  return { ms: mid(byMs).ms, rawMs, rejected: rounds.reduce((n, r) => n + r.rejected, 0), ratio: mid(ratios), cpuMs, rawCpuMs };
}

export async function trustBench(target: number, rounds: number, warmup: number, log: (s: string) => void): Promise<TrustResult> {
  const node = await nodeCosts();
  log(`trust: server verify (${node.implementation}) ${node.verifyUs} µs, node:crypto verify ${node.verifyNodeUs} µs, noble verify ${node.nobleVerifyUs} µs, WebCrypto sign (parallel) ${node.webSignUs} µs per event`);
  const push = await pushThroughput(target, rounds, warmup, log);
  return { node, push };
}

