/**
 * Desk backups against the store (fake-indexeddb, Node's WebCrypto): a backup restores the
 * whole console on a fresh one — events with their status, outbox, chain head, sync row,
 * evidence files, and the same projections — and every refusal (wrong passphrase, a flipped
 * byte, another office's file, a console that is not fresh, forged content, not a backup at
 * all) leaves the database exactly as it was.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleDb } from '@renderer/store/db';
import { deviceMeta } from '@renderer/store/commit';
import { deviceSigner } from '@renderer/store/device-key';
import { backupKey, collectBackup, makeBackup, restoreBackup, restoredMarker, setBackupPassphrase } from '@renderer/store/backup';
import { ingest } from '@renderer/store/ingest';
import { storeFile } from '@renderer/sync/blobs';
import { eventHash, RECORD_KINDS } from '@shared/events';
import { sealBackup, type BackupContent } from '@shared/backup';
import { newId } from '@shared/ids';
import { openOffice } from '../fixtures/office';
import { passportFor } from '../fixtures/cards';

const PASS = 'cadangan-meja-depan-2026';
const opened: ConsoleDb[] = [];
const open = (prefix: string) => {
  const db = new ConsoleDb(`${prefix}-${newId()}`);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Every table's rows: the whole database, for before/after comparisons. */
async function dump(db: ConsoleDb) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

/** What must come back after a restore: everything but the device key, the backup key, the restore marker and the write stamp (commit.ts: a marker each write replaces, not state). */
async function records(db: ConsoleDb) {
  const all = await dump(db);
  all['meta'] = (all['meta'] as { key: string }[]).filter((r) => r.key === 'device');
  all['lists'] = (all['lists'] as { key: string }[]).filter((r) => r.key !== 'writeStamp');
  return all;
}

async function office(name = 'Dinas Kominfo') {
  // The admin also works the desk: the office's events are its set-up and two visits.
  const o = await openOffice({ db: open('backup-src'), adminRoles: ['admin', 'officer'], profile: { name, badgePool: ['B-01', 'B-02'] } });
  const { db, admin } = o;
  const adminId = admin.userId;
  for (const visitorName of ['Rina Marlina', 'Joko Santoso']) {
    const r = await o.commit(admin, {
      type: 'visit.register',
      input: { id: newId(), visitorName, idType: 'passport', idNumber: passportFor(visitorName), organisation: 'PT Awan', phone: '081298765432', purpose: 'Audit rak server', workPlan: 'Memeriksa kabel', plannedMinutes: 60, devices: [] },
    });
    expect(r.ok).toBe(true);
  }
  const png = new Uint8Array(2048).map((_, i) => i % 251);
  expect((await storeFile(db, { name: 'bukti.png', type: 'image/png', bytes: png })).ok).toBe(true);
  await db.sync.put({ key: 'sync', serverUrl: 'https://server.kantor.lan', cursor: 7, userId: adminId });
  await deviceSigner(db); // the device key exists, and must not travel
  await setBackupPassphrase(db, PASS);
  return { db, adminId };
}

/** A console never set up, with the few rows a first run leaves (its own device key, a sign-in throttle row). */
async function freshConsole() {
  const db = open('backup-dst');
  await deviceSigner(db);
  await db.signInThrottle.put({ key: 'signin-throttle:budi', failures: 2 });
  return db;
}

describe('desk backups: make and restore', () => {
  it('restore the whole console on a fresh one, projections folded again', async () => {
    const { db } = await office();
    const made = await makeBackup(db, new Date('2026-03-04T05:06:07Z'));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    // Named by the office's time (WIB: 12.06 for 05.06 UTC).
    expect(made.data.fileName).toBe('meja-it-backup-20260304-120607.mjbak');
    expect((await collectBackup(db))?.projections).toBeUndefined();

    const target = await freshConsole();
    const ownKey = (await deviceSigner(target)).publicKey;
    const restored = await restoreBackup(target, made.data.bytes, PASS);
    expect(restored).toMatchObject({ ok: true, data: { events: 4, outbox: 4, files: 1 } });
    expect(await records(target)).toEqual(await records(db));
    // The console keeps its own device key (the old one cannot leave the old disk) and its throttle rows…
    expect((await deviceSigner(target)).publicKey).toBe(ownKey);
    expect(await target.signInThrottle.get('signin-throttle:budi')).toMatchObject({ failures: 2 });
    // …takes the restore passphrase for its own next backups, and marks itself restored.
    expect((await backupKey(target))?.check).toBe((await backupKey(db))?.check);
    expect(await restoredMarker(target)).toMatchObject({ deviceId: (await deviceMeta(db)).deviceId, backupCreatedAt: '2026-03-04T05:06:07.000Z' });
    expect((await makeBackup(target)).ok).toBe(true);
  });

  it('carry the projection rows of a console whose older history has not all arrived', async () => {
    const { db } = await office();
    await db.sync.update('sync', { history: { upTo: 40, cursor: 10 } });
    const content = await collectBackup(db);
    expect(content?.projections?.map((p) => p.kind).sort()).toEqual([...RECORD_KINDS].sort());
    const made = await makeBackup(db);
    const target = await freshConsole();
    expect((await restoreBackup(target, made.ok ? made.data.bytes : new Uint8Array(), PASS)).ok).toBe(true);
    expect(await records(target)).toEqual(await records(db));
  });

  it('refuse without a passphrase set, or before the office exists', async () => {
    const { db } = await office();
    await db.meta.delete('backup-key');
    expect(await makeBackup(db)).toMatchObject({ ok: false, error: { code: 'no-key', message: 'backup.errors.noKey' } });
    const empty = await freshConsole();
    await setBackupPassphrase(empty, PASS);
    expect(await makeBackup(empty)).toMatchObject({ ok: false, error: { code: 'no-office', message: 'backup.errors.noOffice' } });
  });

  it('every refusal writes nothing', async () => {
    const { db } = await office();
    const made = await makeBackup(db);
    if (!made.ok) throw new Error('no backup');
    const bytes = made.data.bytes;
    const flipped = bytes.slice();
    flipped[bytes.length - 10] = flipped[bytes.length - 10]! ^ 0x40;

    // Forged content sealed with the right key: an event's payload changed (hash recomputed, signature now wrong)…
    const key = (await backupKey(db))!;
    const content = (await collectBackup(db))!;
    const seal = (c: BackupContent) => sealBackup(c, { officeId: c.events.find((e) => e.type === 'org.setUp')!.id, deviceId: c.device.deviceId, createdAt: new Date() }, key);
    const visit = content.events.find((e) => e.type === 'visit.registered')!;
    visit.payload = { ...visit.payload, visitorName: 'Orang Lain' };
    visit.hash = eventHash(visit);
    const brokenChain = await seal(content);
    // …the newest event changed and the head moved with it: the chain holds, the actor's signature does not.
    const signed = (await collectBackup(db))!;
    const last = signed.events.find((e) => e.deviceSeq === signed.device.seq)!;
    last.payload = { ...last.payload, visitorName: 'Orang Lain' };
    last.hash = eventHash(last);
    signed.device.lastHash = last.hash;
    const badSignature = await seal(signed);
    // …and an outbox naming an event that is not there.
    const content2 = (await collectBackup(db))!;
    content2.outbox.push({ seq: 99, eventId: newId() });
    const badOutbox = await seal(content2);

    const fresh = await freshConsole();
    const { db: other } = await office('Dinas Lain');
    const cases: [string, ConsoleDb, Uint8Array, string, string][] = [
      ['wrong passphrase', fresh, bytes, 'cadangan-meja-depan-2025', 'backup.errors.wrongPassphrase'],
      ['flipped byte', fresh, flipped, PASS, 'backup.errors.damaged'],
      ['truncated', fresh, bytes.slice(0, bytes.length / 2), PASS, 'backup.errors.damaged'],
      ['not a backup', fresh, new TextEncoder().encode('{"format":"meja-it-bundle"}'), PASS, 'backup.errors.notBackup'],
      ['an event changed (chain)', fresh, brokenChain, PASS, 'backup.errors.invalidContent'],
      ['an event changed (signature)', fresh, badSignature, PASS, 'backup.errors.invalidContent'],
      ['outbox of nothing', fresh, badOutbox, PASS, 'backup.errors.invalidContent'],
      ["another office's file", other, bytes, PASS, 'backup.errors.foreign'],
      ['a console of the same office with records', db, bytes, PASS, 'backup.errors.notFresh'],
    ];
    for (const [what, target, file, passphrase, message] of cases) {
      const before = await dump(target);
      const r = await restoreBackup(target, file, passphrase);
      expect(r, what).toMatchObject({ ok: false, error: { message } });
      expect(await dump(target), what).toEqual(before);
    }
  });

  it('a console that took records meanwhile is refused inside the transaction, writing nothing', async () => {
    const { db } = await office();
    const made = await makeBackup(db);
    if (!made.ok) throw new Error('no backup');
    const target = await freshConsole();
    // A pull lands after the first checks, while the file is decrypted: the transaction sees a
    // console that is no longer fresh.
    const events = await db.events.toArray();
    const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
    let landed = false;
    const spy = vi.spyOn(crypto.subtle, 'decrypt').mockImplementation(async (...args: Parameters<SubtleCrypto['decrypt']>) => {
      await ingest(target, events.slice(0, 2));
      landed = true;
      return decrypt(...args);
    });
    try {
      const r = restoreBackup(target, made.data.bytes, PASS);
      const settled = await r;
      expect(landed).toBe(true);
      expect(settled).toMatchObject({ ok: false, error: { code: 'not-fresh' } });
    } finally {
      spy.mockRestore();
    }
    expect(await target.events.count()).toBe(2);
    expect(await target.outbox.count()).toBe(0);
    expect(await target.meta.get('restored' as never)).toBeUndefined();
  });
});
