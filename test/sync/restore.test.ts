/**
 * A desk restored from a backup, through the real server (PGlite): its unsent events reach the
 * server exactly once, whether the dead desk had pushed some of them after the backup or none,
 * and the restored desk's next events follow the chain the server holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '@shared/ids';
import { makeBackup, restoreBackup, restoredMarker, setBackupPassphrase, clearRestoredMarker } from '@renderer/store/backup';
import { signInDevice } from '@renderer/sync/enrol';
import { deviceMeta } from '@renderer/store/commit';
import { type SyncError } from '@renderer/sync/api';
import { pgliteBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, PASSWORD, startServer, visitInput } from './clients';

const PASS = 'cadangan-meja-depan-2026';

describe('a desk restored from a backup (pglite)', () => {
  let backend: Backend | null;
  let server: { app: FastifyInstance; url: string };
  beforeAll(async () => {
    backend = await pgliteBackend();
    if (backend) server = await startServer(backend.db);
  }, 60_000);
  afterAll(async () => {
    await server?.app.close();
    await backend?.close();
  });

  async function office() {
    await reset(backend!.db);
    const desk = new Client('Meja depan', server.url);
    const adminId = await desk.setUpOffice();
    const officer = await desk.createUser(adminId, 'budi', ['officer']);
    await desk.sync();
    const laptop = new Client('Laptop admin', server.url);
    await laptop.join('admin');
    return { desk, laptop, adminId, officer };
  }

  /** Restores `file` on a new console and connects it as `username` (asking the server to re-bind the device id). */
  async function restoreOn(file: Uint8Array, username: string) {
    const restored = new Client('Meja depan (pulih)', server.url);
    expect((await restoreBackup(restored.db, file, PASS)).ok).toBe(true);
    expect(await restoredMarker(restored.db)).toBeDefined();
    // Through the console's sync transport, which forwards replaceKey and keeps the new token.
    restored.signedIn = await signInDevice(restored.db, restored.transport, restored.serverUrl, { username, password: PASSWORD, deviceName: restored.name, replaceKey: true });
    await clearRestoredMarker(restored.db);
    const cursor = (await restored.db.sync.get('sync'))?.cursor ?? 0;
    restored.session = { transport: restored.transport, cursor };
    return restored;
  }

  /** The ids the server stores for a device, in chain order. */
  const serverChain = async (deviceId: string) =>
    (await backend!.db.query<{ id: string; status: string }>(`SELECT id, status FROM events WHERE device_id = $1 ORDER BY device_seq`, [deviceId])).map((r) => [r.id, r.status]);

  it('offline work never pushed: restored, connected by an admin, pushed once', async (ctx) => {
    if (!backend) return ctx.skip();
    const { desk, laptop, officer } = await office();
    desk.online = false;
    const visits = [newId(), newId(), newId()];
    for (const [i, id] of visits.entries()) expect((await desk.run(officer, ['officer'], { type: 'visit.register', input: visitInput(id, `Tamu ${i}`) })).ok).toBe(true);
    await setBackupPassphrase(desk.db, PASS);
    const made = await makeBackup(desk.db);
    if (!made.ok) throw new Error(made.error.code);
    const deviceId = await desk.deviceId();
    const before = await serverChain(deviceId);
    // The desk's disk dies here.

    // A user who is not an admin cannot re-bind the device id.
    const other = new Client('Meja lain', server.url);
    expect((await restoreBackup(other.db, made.data.bytes, PASS)).ok).toBe(true);
    await expect(signInDevice(other.db, other.transport, other.serverUrl, { username: 'budi', password: PASSWORD, deviceName: 'x', replaceKey: true })).rejects.toMatchObject({ messageKey: 'sync.errors.replaceKeyAdminOnly' } satisfies Partial<SyncError>);

    const restored = await restoreOn(made.data.bytes, 'admin');
    expect(await restored.db.outbox.count()).toBe(3);
    await restored.sync();
    await restored.sync();
    expect(await restored.db.outbox.count()).toBe(0);
    const chain = await serverChain(deviceId);
    expect(chain.slice(0, before.length)).toEqual(before);
    expect(chain.slice(before.length).map(([id]) => id)).toHaveLength(3);
    expect(chain.every(([, status]) => status === 'accepted')).toBe(true);
    expect(new Set(chain.map(([id]) => id)).size).toBe(chain.length);
    await laptop.sync();
    expect((await laptop.state()).visits.map((v) => v.visitorName).sort()).toEqual(['Tamu 0', 'Tamu 1', 'Tamu 2']);
    expect(await laptop.state()).toEqual(await restored.state());
  });

  it('a backup older than the last push: the outbox again is stored once, and the head follows the server', async (ctx) => {
    if (!backend) return ctx.skip();
    const { desk, laptop, officer } = await office();
    desk.online = false;
    const [v1, v2, v3, v4] = [newId(), newId(), newId(), newId()];
    await desk.run(officer, ['officer'], { type: 'visit.register', input: visitInput(v1!, 'Tamu satu') });
    await desk.run(officer, ['officer'], { type: 'visit.register', input: visitInput(v2!, 'Tamu dua') });
    await setBackupPassphrase(desk.db, PASS);
    const made = await makeBackup(desk.db);
    if (!made.ok) throw new Error(made.error.code);
    // Back online before it died: it pushed both, and one more made after the backup.
    desk.online = true;
    await desk.sync();
    await desk.run(officer, ['officer'], { type: 'visit.register', input: visitInput(v3!, 'Tamu tiga') });
    await desk.sync();
    const deviceId = await desk.deviceId();
    const pushed = await serverChain(deviceId);

    const restored = await restoreOn(made.data.bytes, 'admin');
    expect(await restored.db.outbox.count()).toBe(2);
    await restored.sync();
    // Nothing stored twice; the third visit came back from the server and the chain head moved past it.
    expect(await serverChain(deviceId)).toEqual(pushed);
    expect(await restored.db.outbox.count()).toBe(0);
    const head = await deviceMeta(restored.db);
    expect([head.seq, head.lastHash]).toEqual([(await deviceMeta(desk.db)).seq, (await deviceMeta(desk.db)).lastHash]);
    // The restored desk's next event follows on the server's chain.
    expect((await restored.run(officer, ['officer'], { type: 'visit.register', input: visitInput(v4!, 'Tamu empat') })).ok).toBe(true);
    await restored.sync();
    const after = await serverChain(deviceId);
    expect(after.slice(0, pushed.length)).toEqual(pushed);
    expect(after).toHaveLength(pushed.length + 1);
    expect(after.every(([, status]) => status === 'accepted')).toBe(true);
    await laptop.sync();
    expect((await laptop.state()).visits.map((v) => v.visitorName).sort()).toEqual(['Tamu dua', 'Tamu empat', 'Tamu satu', 'Tamu tiga']);
  });
});
