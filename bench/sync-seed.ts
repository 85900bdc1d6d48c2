/**
 * Seeds the sync server for the sync benchmark (bench/run.ts, BENCH_ONLY=sync), in Node:
 *
 *  1. the office's setup through the real API: org.setUp + the first admin's user.created
 *     (POST /api/auth/bootstrap), then the nine staff users (POST /api/sync/push from the
 *     admin's device), each checked by the server like any push;
 *  2. the generated office history (bench/page/generate.ts, the same generator as the
 *     store benchmark: two desks and three approvers' laptops, real hash chains) inserted
 *     DIRECTLY into the server's Db in batches — events as 'accepted' with consecutive server
 *     versions, the visits' projections, the devices' chain heads and sync_state. The push
 *     endpoint (one transaction and one rule check per event) would take far longer on PGlite
 *     and is not what the initial-sync figure measures; the push path is timed separately
 *     (10k events, in the page).
 */
import type { Db } from '../src/server/db/db';
import { syncHttp } from '../src/shared/sync/http-client';

/** The sync API as a tool calls it: Node's fetch, the token in hand. */
const api = syncHttp((url, init) => fetch(url, init as RequestInit));
import { newDeviceSigner, proveDevice, signPush } from '../src/shared/sync/device-auth';
import type { Command } from '../src/shared/domain/registry';
import type { VisitState } from '../src/shared/domain/visit/state';
import type { DomainEvent } from '../src/shared/events';
import { hashPassword } from '../src/shared/password';
import type { Actor, Role } from '../src/shared/roles';
import { Keyring } from '../src/shared/sync/keyring';
import type { SigningKey } from '../src/shared/signing';

// The generator and the in-memory console live with the page (bench/page), outside
// tsconfig.node.json's files: imported at run time (tsx), typed here by what this file uses.
interface Staff {
  admin: string;
  officers: string[];
  approvers: string[];
}
interface Rng {
  next(): number;
}
interface HistoryLike {
  visitCount: number;
  expectedEvents: number;
  firstDay: number;
  statusCounts: Record<string, number>;
  batches(size: number): Generator<{ events: DomainEvent[]; rows: VisitState[] }>;
}
interface MemoryConsoleLike {
  run(actor: Actor, command: Command, now: Date): Promise<DomainEvent[]>;
}
interface GenerateModule {
  History: new (o: { visits: number; now: number; seed: number; staff: Staff; badges: string[]; docPrefix: string; utcOffsetHours: number }) => HistoryLike;
  HistorySigner: new (keyOf: (userId: string) => Promise<SigningKey>) => { sign(events: readonly DomainEvent[]): Promise<DomainEvent[]> };
  makeRng(seed: number): Rng;
  uuid7(ms: number, r: Rng): string;
}
const pageModule = (name: string) => `./page/${name}`;
let generate: GenerateModule;
let MemoryConsole: new (deviceId: string) => MemoryConsoleLike;
async function loadPageModules(): Promise<void> {
  generate = (await import(pageModule('generate'))) as GenerateModule;
  MemoryConsole = ((await import(pageModule('memory-console'))) as { MemoryConsole: typeof MemoryConsole }).MemoryConsole;
}

const DAY = 86_400_000;
export const BADGES = Array.from({ length: 60 }, (_, i) => `B-${String(i + 1).padStart(3, '0')}`);
export const PASSWORD = 'Rahasia123';

export interface SeedResult {
  visits: number;
  events: number;
  /** Setup events pushed through the API (org, users). */
  setupEvents: number;
  lastVersion: number;
  generateMs: number;
  insertMs: number;
  statuses: Record<string, number>;
  firstDay: string;
}

/** The office: org.setUp + admin via bootstrap, nine users via push. */
async function setUpOffice(base: string, staff: Staff, at: number): Promise<number> {
  const password = await hashPassword(PASSWORD, 1000);
  const r = generate.makeRng(99);
  const deviceId = generate.uuid7(at, r);
  const desk = new MemoryConsole(deviceId);
  const admin: Actor = { userId: staff.admin, roles: ['admin'] };
  const now = new Date(at);
  const setup = await desk.run(admin, {
    type: 'org.setUp',
    input: {
      profile: {
        name: 'Dinas Komunikasi dan Informatika Kota Makassar', unit: 'Bidang Teknologi Informasi dan Komunikasi', address: 'Jl. Jend. Ahmad Yani No. 2, Makassar 90111',
        timeZone: 'WITA', badgePool: BADGES, docPrefix: 'DKI-MKS', idleLockMinutes: 15,
      },
      admin: { id: staff.admin, username: 'andi.pratama', displayName: 'Andi Pratama', roles: ['admin'], password },
    },
  } as Command, now);
  // The desk's key lives in memory for the seeding only: it proves the bootstrap and signs the push.
  const signer = await newDeviceSigner();
  const { challenge } = await api.challenge({ base }, deviceId);
  const { token } = await api.bootstrap({ base }, { deviceId, deviceName: 'Meja depan (bench)', events: setup, ...(await proveDevice(signer, deviceId, challenge)) });
  const people: [string, string, string, Role][] = [
    ...staff.officers.map((id, i) => [id, `petugas${i + 1}`, `Petugas ${i + 1}`, 'officer'] as [string, string, string, Role]),
    ...staff.approvers.map((id, i) => [id, `penyetuju${i + 1}`, `Penyetuju ${i + 1}`, 'approver'] as [string, string, string, Role]),
  ];
  const users: DomainEvent[] = [];
  for (const [id, username, displayName, role] of people) {
    users.push(...(await desk.run(admin, { type: 'user.create', input: { id, username, displayName, roles: [role], password } } as Command, now)));
  }
  const res = await api.push({ base, token }, { deviceId, events: users, deviceSignature: await signPush(signer, deviceId, users) });
  const refused = res.results.filter((x) => x.status !== 'accepted');
  if (refused.length > 0 || res.results.length !== users.length) throw new Error(`setup push refused: ${JSON.stringify(refused)}`);
  return setup.length + users.length;
}

export async function seedServer(db: Db, base: string, o: { visits: number; seed: number; batch: number; log: (s: string) => void }): Promise<SeedResult> {
  await loadPageModules();
  const { makeRng, uuid7, History, HistorySigner } = generate;
  // Signed as consoles sign now (issue 10), with the bench keyring's keys (the same the page derives).
  const keyring = new Keyring();
  const signer = new HistorySigner(async (id) => (await keyring.of(id)).key);
  const now = Date.now();
  const r = makeRng(o.seed ^ 0x5eed);
  const staff: Staff = {
    admin: uuid7(now - 4 * 365 * DAY, r),
    officers: Array.from({ length: 6 }, () => uuid7(now - 4 * 365 * DAY, r)),
    approvers: Array.from({ length: 3 }, () => uuid7(now - 4 * 365 * DAY, r)),
  };
  const history = new History({ visits: o.visits, now, seed: o.seed, staff, badges: BADGES, docPrefix: 'DKI-MKS', utcOffsetHours: 8 });
  const setupEvents = await setUpOffice(base, staff, history.firstDay - 30 * DAY);
  const [{ version: v0 }] = (await db.query<{ version: string }>(`SELECT version FROM sync_state WHERE id`)) as [{ version: string }];
  let version = Number(v0);
  let insertMs = 0;
  let events = 0;
  const heads = new Map<string, { seq: number; hash: string }>();
  const t0 = performance.now();
  let nextReport = 0;
  for (const unsigned of history.batches(o.batch)) {
    const b = { ...unsigned, events: await signer.sign(unsigned.events) };
    const rows = b.events.map((e) => ({
      id: e.id, device_id: e.deviceId, device_seq: e.deviceSeq, kind: e.kind, record_id: e.recordId, type: e.type, payload: e.payload, actor_id: e.actorId,
      hlc: e.hlc, at: e.at, at_text: e.at, prev_hash: e.prevHash, hash: e.hash, server_version: ++version, envelope: { cmd: e.cmd, sig: e.sig },
    }));
    for (const e of b.events) heads.set(e.deviceId, { seq: e.deviceSeq, hash: e.hash });
    const projections = b.rows.map((v) => ({ record_id: v.id, state: v }));
    const t = performance.now();
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO events (id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at, at_text, prev_hash, hash, status, server_version, envelope)
         SELECT id, device_id, device_seq, kind, record_id, type, payload, actor_id, hlc, at, at_text, prev_hash, hash, 'accepted', server_version, envelope
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, device_id uuid, device_seq bigint, kind text, record_id text, type text, payload jsonb, actor_id text,
           hlc text, at timestamptz, at_text text, prev_hash text, hash text, server_version bigint, envelope jsonb)`,
        [JSON.stringify(rows)],
      );
      await tx.query(
        `INSERT INTO projections (kind, record_id, state) SELECT 'visit', record_id, state FROM jsonb_to_recordset($1::jsonb) AS x(record_id text, state jsonb)
         ON CONFLICT (kind, record_id) DO UPDATE SET state = EXCLUDED.state`,
        [JSON.stringify(projections)],
      );
      await tx.query(`UPDATE sync_state SET version = $1 WHERE id`, [version]);
    });
    insertMs += performance.now() - t;
    events += b.events.length;
    if (events >= nextReport) {
      o.log(`server seed: ${events}/~${history.expectedEvents} events, ${Math.round((performance.now() - t0) / 1000)} s (insert ${Math.round(insertMs / 1000)} s)`);
      nextReport += Math.round(history.expectedEvents / 10);
    }
  }
  await db.transaction(async (tx) => {
    for (const [deviceId, h] of heads) {
      await tx.query(`INSERT INTO device_heads (device_id, last_seq, last_hash) VALUES ($1, $2, $3) ON CONFLICT (device_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash`, [deviceId, h.seq, h.hash]);
    }
  });
  await db.query('VACUUM ANALYZE events').catch(() => undefined);
  await db.query('VACUUM ANALYZE projections').catch(() => undefined);
  const totalMs = performance.now() - t0;
  return {
    visits: history.visitCount, events, setupEvents, lastVersion: version, generateMs: Math.round(totalMs - insertMs), insertMs: Math.round(insertMs),
    statuses: history.statusCounts, firstDay: new Date(history.firstDay).toISOString(),
  };
}
