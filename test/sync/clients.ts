/**
 * Consoles for sync tests: each is a real ConsoleDb (fake-indexeddb) with its own device
 * chain and clock, talking to a real sync server over HTTP with the renderer's sync client.
 * Commits are signed like the console signs them, with each user's test key.
 */
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { ConsoleDb } from '@renderer/store/db';
import { deviceMeta } from '@renderer/store/commit';
import { catchUp, pushOutbox, type SyncSession } from '@renderer/sync/sync-client';
import { backfillHistory } from '@renderer/sync/snapshot';
import { bootstrapDevice, signInDevice } from '@renderer/sync/enrol';
import type { Role } from '@shared/roles';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import { commitAs, type TestCommand } from '../fixtures/signing';
import { webTransport } from '../fixtures/transport';
import type { SignedIn, SyncTransport } from '@shared/sync/transport';
import { nikFor } from '../fixtures/cards';

export const PASSWORD = 'Rahasia123';

export async function startServer(db: Db): Promise<{ app: FastifyInstance; url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'meja-sync-'));
  const app = await buildServer({ webRoot: dataDir, dataDir, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}` };
}

export class Client {
  readonly dbName = `sync-${crypto.randomUUID()}`;
  db = new ConsoleDb(this.dbName);
  session: SyncSession | null = null;
  /** The console's sync transport (by default the browser's: same-origin fetch to the server; it keeps the token). */
  readonly transport: SyncTransport;
  /** What the console names as its server when it connects ('' in a browser: the page's own origin). */
  readonly serverUrl: string;
  /** Milliseconds added to the real clock: a device whose clock is wrong. */
  skewMs = 0;
  online = true;

  constructor(readonly name: string, readonly url: string, opts: { transport?: SyncTransport; serverUrl?: string } = {}) {
    this.transport = opts.transport ?? webTransport(url);
    this.serverUrl = opts.serverUrl ?? '';
  }

  clock = () => new Date(Date.now() + this.skewMs);

  /** commit() as the user, signed with their test key (countersigned by `cosigners`), on this console's clock. */
  async run(userId: string, roles: Role[], command: TestCommand, opts: { cosigners?: readonly string[] } = {}) {
    return commitAs(this.db, { userId, roles }, command, this.clock, opts);
  }

  async deviceId() {
    return (await deviceMeta(this.db)).deviceId;
  }

  /** First device: sets the office up and bootstraps the empty server. */
  async setUpOffice(): Promise<string> {
    const adminId = newId();
    const password = await hashPassword(PASSWORD, 1000);
    const r = await this.run(adminId, ['admin'], {
      type: 'org.setUp',
      input: {
        profile: { name: 'Dinas Kominfo Kota Bandung', unit: 'Bidang TIK', address: 'Jl. Wastukencana 2, Bandung', timeZone: 'WIB', badgePool: ['B-01', 'B-02', 'B-03'], docPrefix: 'TIK', idleLockMinutes: 10 },
        admin: { id: adminId, username: 'admin', displayName: 'Admin Kantor', roles: ['admin', 'officer'], password },
      },
    });
    if (!r.ok) throw new Error(r.error.code);
    const res = await bootstrapDevice(this.db, this.transport, this.serverUrl, { deviceName: this.name, events: r.data });
    this.signedIn = res;
    this.session = { transport: this.transport, cursor: 0 };
    await this.db.sync.put({ key: 'sync', serverUrl: this.url, userId: res.userId, cursor: 0 });
    return adminId;
  }

  async createUser(adminId: string, username: string, roles: Role[]): Promise<string> {
    const id = newId();
    const r = await this.run(adminId, ['admin'], { type: 'user.create', input: { id, username, displayName: `Pengguna ${username}`, roles, password: await hashPassword(PASSWORD, 1000) } });
    if (!r.ok) throw new Error(r.error.code);
    return id;
  }

  /** What the last sign-in or bootstrap answered the console. */
  signedIn: SignedIn | null = null;

  /** Another device joins: signs in on the server and loads the office (a snapshot, then pulls). */
  async join(username: string, opts: { backfill?: boolean; password?: string } = {}): Promise<void> {
    const res = await signInDevice(this.db, this.transport, this.serverUrl, { username, password: opts.password ?? PASSWORD, deviceName: this.name });
    this.signedIn = res;
    await this.db.sync.put({ key: 'sync', serverUrl: this.url, userId: res.userId, cursor: 0 });
    this.session = { transport: this.transport, cursor: 0 };
    await this.sync(opts);
  }

  /** The app is closed and opened again: a new connection to the same IndexedDB database. */
  async restart(): Promise<void> {
    this.db.close();
    this.db = new ConsoleDb(this.dbName);
    await this.db.open();
  }

  /** Push, catch up (snapshot when fresh, then pull) and, unless told not to, fetch all older history. */
  async sync(opts: { backfill?: boolean } = {}): Promise<void> {
    if (!this.session || !this.online) return;
    await pushOutbox(this.db, this.session);
    const meta = await this.db.sync.get('sync');
    await catchUp(this.db, { ...this.session, cursor: meta?.cursor ?? 0 });
    if (opts.backfill !== false) await backfillHistory(this.db, this.session, Infinity);
  }

  /** Everything a screen could show: the projections, without local bookkeeping. */
  async state() {
    const [org, users, visits] = await Promise.all([this.db.org.toArray(), this.db.users.orderBy('id').toArray(), this.db.visits.orderBy('id').toArray()]);
    return { org, users, visits };
  }

  async rejected() {
    return this.db.events.where('status').equals('rejected').toArray();
  }
}

export const visitInput = (id: string, name = 'Budi Santoso') => ({
  id,
  visitorName: name,
  idType: 'ktp' as const,
  idNumber: nikFor(id),
  organisation: 'PT Data Nusantara',
  phone: '081234567890',
  purpose: 'Perbaikan server aplikasi',
  workPlan: 'Mengganti disk yang rusak',
  plannedMinutes: 60,
  devices: [{ kind: 'laptop' as const, brandModel: 'Lenovo T14', serial: 'PF-2ABC12' }],
});
