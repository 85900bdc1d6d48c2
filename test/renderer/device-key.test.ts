/**
 * This console's device key (fake-indexeddb, Node's WebCrypto): made once, non-extractable,
 * kept in the `meta` table across restarts (a CryptoKey is stored by structured clone), one key
 * even when two tabs ask at once; sign-ins prove it over the server's challenge and pushes are
 * signed with it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { deviceMeta } from '@renderer/store/commit';
import { openOffice } from '../fixtures/office';
import { deviceSigner, type DeviceKeyRow } from '@renderer/store/device-key';
import { signInDevice } from '@renderer/sync/enrol';
import { pushOutbox } from '@renderer/sync/sync-client';
import { deviceAuthMessage, pushAuthMessage, verifyDeviceSignature } from '@shared/sync/device-auth';
import { newId } from '@shared/ids';
import type { DomainEvent } from '@shared/events';
import { webTransport } from '../fixtures/transport';

const opened: ConsoleDb[] = [];
const open = (name: string) => {
  const db = new ConsoleDb(name);
  opened.push(db);
  return db;
};

afterEach(() => {
  vi.unstubAllGlobals();
  for (const db of opened.splice(0)) db.close();
});

const keyRow = (db: ConsoleDb) => (db.meta as unknown as { get(k: string): Promise<DeviceKeyRow | undefined> }).get('device-key');

describe('device key', () => {
  it('is made once, non-extractable, and survives a restart', async () => {
    const name = `key-${newId()}`;
    const db = open(name);
    expect(await keyRow(db)).toBeUndefined();
    const signer = await deviceSigner(db);
    expect(signer.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const row = (await keyRow(db))!;
    expect(row.publicKey).toBe(signer.publicKey);
    expect(row.privateKey).toBeInstanceOf(CryptoKey);
    expect(row.privateKey.extractable).toBe(false);
    expect(row.privateKey.algorithm.name).toBe('Ed25519');
    await expect(crypto.subtle.exportKey('pkcs8', row.privateKey)).rejects.toThrow();
    const message = new TextEncoder().encode('halo');
    expect(await verifyDeviceSignature(signer.publicKey, message, await signer.sign(message))).toBe(true);

    // The app is closed and opened again: the same key, read back from IndexedDB, still signs.
    db.close();
    const again = open(name);
    const reread = await deviceSigner(again);
    expect(reread.publicKey).toBe(signer.publicKey);
    expect(await verifyDeviceSignature(signer.publicKey, message, await reread.sign(message))).toBe(true);
    // Another console has another key.
    expect((await deviceSigner(open(`key-${newId()}`))).publicKey).not.toBe(signer.publicKey);
  });

  it('two tabs asking at first run end up with one key', async () => {
    const name = `key-${newId()}`;
    const [a, b] = await Promise.all([deviceSigner(open(name)), deviceSigner(open(name))]);
    expect(a.publicKey).toBe(b.publicKey);
    const message = new TextEncoder().encode('x');
    expect(await verifyDeviceSignature(a.publicKey, message, await b.sign(message))).toBe(true);
  });

  it('a platform without Ed25519 is told so, not given a server error', async () => {
    vi.spyOn(crypto.subtle, 'generateKey').mockRejectedValueOnce(new DOMException('Unrecognized name.', 'NotSupportedError'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    const db = open(`key-${newId()}`);
    await expect(signInDevice(db, webTransport('http://sync.test'), '', { username: 'admin', password: 'x', deviceName: 'Meja' })).rejects.toMatchObject({
      code: 'device-key-unsupported',
      messageKey: 'sync.errors.deviceKeyUnsupported',
    });
    expect(await keyRow(db)).toBeUndefined();
    vi.restoreAllMocks();
    // Nothing was cached: the next attempt makes the key.
    expect((await deviceSigner(db)).publicKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("signs the server's challenge at sign-in and every push batch", async () => {
    const db = open(`key-${newId()}`);
    const deviceId = (await deviceMeta(db)).deviceId;
    const bodies: Record<string, Record<string, unknown>> = {};
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const path = new URL(url).pathname;
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      bodies[path] = body;
      if (path === '/api/auth/challenge') return Response.json({ challenge: 'c0'.repeat(32) });
      if (path === '/api/auth/sign-in') return Response.json({ token: 'tok', userId: 'u1' });
      if (path === '/api/sync/push') return Response.json({ results: (body['events'] as DomainEvent[]).map((e, i) => ({ id: e.id, status: 'accepted', serverVersion: i + 1 })) });
      return Response.json({ error: { code: 'not-found', message: 'x' } }, { status: 404 });
    });
    const transport = webTransport('http://sync.test');
    await signInDevice(db, transport, '', { username: 'admin', password: 'Rahasia123', deviceName: 'Meja depan' });
    const signIn = bodies['/api/auth/sign-in']!;
    const publicKey = (await deviceSigner(db)).publicKey;
    expect(signIn).toMatchObject({ deviceId, devicePublicKey: publicKey, challenge: 'c0'.repeat(32), username: 'admin' });
    expect(await verifyDeviceSignature(publicKey, deviceAuthMessage('c0'.repeat(32), deviceId), String(signIn['deviceSignature']))).toBe(true);
    expect(bodies['/api/auth/challenge']).toMatchObject({ deviceId });

    await openOffice({ db });
    const made = await db.events.orderBy('[deviceId+deviceSeq]').toArray(); // the set-up's two events
    expect(await pushOutbox(db, { transport, cursor: 0 })).toBe(2);
    const push = bodies['/api/sync/push']!;
    expect(await verifyDeviceSignature(publicKey, pushAuthMessage(deviceId, made.at(-1)!.hash), String(push['deviceSignature']))).toBe(true);
    expect(await verifyDeviceSignature(publicKey, pushAuthMessage(deviceId, made[0]!.hash), String(push['deviceSignature']))).toBe(false);
  });
});
