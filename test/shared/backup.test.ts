/**
 * The backup file format (src/shared/backup.ts): what goes in comes out, and a wrong
 * passphrase, a flipped byte anywhere, a truncated file or another kind of file are refused,
 * each with its own reason.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN, backupFileName, deriveBackupKey, openBackup, readBackupHeader, sealBackup, type BackupContent } from '@shared/backup';
import { toHex } from '@shared/hash';
import { sha256 } from '@noble/hashes/sha2.js';

const PASS = 'kuda-lumping-merah-7';
const deviceId = '0190f0a0-0000-7000-8000-000000000001';
const officeId = '0190f0a0-0000-7000-8000-0000000000aa';
const file = new Uint8Array(3000).map((_, i) => (i * 7) % 256);

function content(): BackupContent {
  return {
    device: { deviceId, seq: 0, lastHash: '', hlc: { wall: 1_700_000_000_000, counter: 0, node: deviceId } },
    events: [],
    outbox: [],
    sync: { serverUrl: 'https://server.kantor.lan', cursor: 42, userId: 'u1' },
    files: [
      { hash: toHex(sha256(file)), size: file.byteLength, type: 'image/png', uploaded: 1, data: file },
      { hash: 'ab'.repeat(32), size: 10, type: 'application/pdf', pending: 1 },
    ],
  };
}

// One derivation (600,000 iterations) for the whole file.
const keyP = deriveBackupKey(PASS);
const sealed = (async () => sealBackup(content(), { officeId, deviceId, createdAt: new Date('2026-03-04T05:06:07Z') }, await keyP))();

describe('backup files', () => {
  it('round-trip: header readable without the passphrase, content with it', async () => {
    const bytes = await sealed;
    const head = readBackupHeader(bytes);
    expect(head.ok && head.data.header).toMatchObject({ format: 'meja-it-backup', version: 1, officeId, deviceId, createdAt: '2026-03-04T05:06:07.000Z', compression: 'gzip', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 }, cipher: { name: 'AES-GCM' } });
    const opened = await openBackup(bytes, PASS);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.data.content).toEqual(content());
    expect(opened.data.key.check).toBe((await keyP).check);
  });

  it('is encrypted: neither the office address nor the file bytes appear in the file', async () => {
    const text = Buffer.from(await sealed).toString('latin1');
    expect(text).not.toContain('server.kantor.lan');
    expect(Buffer.from(await sealed).indexOf(Buffer.from(file.slice(100, 140)))).toBe(-1);
  });

  it('refuses a wrong passphrase', async () => {
    expect(await openBackup(await sealed, 'kuda-lumping-merah-8')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', message: 'backup.errors.wrongPassphrase' } });
  });

  it('refuses a flipped byte in the ciphertext, the header, or a truncated file as damaged', async () => {
    const bytes = await sealed;
    const newline = bytes.indexOf(0x0a, 15);
    for (const at of [bytes.length - 1, bytes.length - 40, newline + 1, newline + 200]) {
      const flipped = bytes.slice();
      flipped[at] = flipped[at]! ^ 0x01;
      expect(await openBackup(flipped, PASS), `byte ${at}`).toMatchObject({ ok: false, error: { code: 'damaged', message: 'backup.errors.damaged' } });
    }
    // Inside the header: the salt, the office id, the key check — damaged, never "wrong passphrase".
    const text = Buffer.from(bytes.subarray(0, newline)).toString('utf8');
    for (const field of ['"salt":"', '"officeId":"', '"keyCheck":"', '"iv":"']) {
      const at = text.indexOf(field) + field.length + 3;
      const flipped = bytes.slice();
      flipped[at] = flipped[at] === 0x61 ? 0x62 : 0x61;
      expect(await openBackup(flipped, PASS), field).toMatchObject({ ok: false, error: { code: 'damaged' } });
    }
    expect(await openBackup(bytes.slice(0, bytes.length - 1), PASS)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await openBackup(bytes.slice(0, newline - 3), PASS)).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });

  it('refuses another kind of file, and a newer format', async () => {
    expect(await openBackup(new TextEncoder().encode('{"format":"meja-it-bundle"}'), PASS)).toMatchObject({ ok: false, error: { code: 'not-a-backup', message: 'backup.errors.notBackup' } });
    const bytes = await sealed;
    const newline = bytes.indexOf(0x0a, 15);
    const header = JSON.parse(Buffer.from(bytes.subarray(15, newline)).toString('utf8')) as Record<string, unknown>;
    const newer = Buffer.concat([Buffer.from('MEJA-IT-BACKUP\n'), Buffer.from(JSON.stringify({ ...header, version: 2 })), Buffer.from(bytes.subarray(newline))]);
    expect(await openBackup(new Uint8Array(newer), PASS)).toMatchObject({ ok: false, error: { code: 'newer', message: 'backup.errors.newer' } });
  });

  it("names files by the office's time, so that name order is time order", () => {
    const a = backupFileName(new Date('2026-03-04T05:06:07.890Z'), 'WIB');
    expect(a).toBe('meja-it-backup-20260304-120607.mjbak');
    expect(a).toMatch(BACKUP_FILE_PATTERN);
    expect(backupFileName(new Date('2026-12-31T23:59:59Z'), 'WIB') > a).toBe(true);
    // 06.30 WIB on 2 December: named by that morning, not by 1 December in UTC.
    expect(backupFileName(new Date('2026-12-01T23:30:00Z'), 'WIB')).toBe('meja-it-backup-20261202-063000.mjbak');
    expect(backupFileName(new Date('2026-12-01T23:30:00Z'), 'WIT')).toBe('meja-it-backup-20261202-083000.mjbak');
  });
});
