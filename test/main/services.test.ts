import type { WebContents } from 'electron';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveDeps } from '../../src/main/services/dialog';
import { fileNameProblem } from '../../src/main/services/file-name';
import { saveFile, saveFileRequest } from '../../src/main/services/files';
import { savePdf } from '../../src/main/services/pdf';
import { print } from '../../src/main/services/print';
import { readSecret, writeSecret, type SecretDeps } from '../../src/main/services/secrets';
import { appVersion } from '../../src/main/services/version';

const PDF_BYTES = Buffer.from('%PDF-1.7\n%fake\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meja-it-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(choice: { canceled: boolean; filePath?: string }): SaveDeps & { showSaveDialog: ReturnType<typeof vi.fn> } {
  return {
    showSaveDialog: vi.fn(async () => choice),
    writeFile: (path, data) => writeFile(path, data),
    defaultDir: () => '/home/user/Documents',
  };
}

const pdfSender = () => ({ printToPDF: vi.fn(async () => PDF_BYTES) }) as unknown as WebContents & { printToPDF: ReturnType<typeof vi.fn> };

describe('savePdf', () => {
  it('renders A4 with backgrounds and writes the file to the chosen path', async () => {
    const target = join(dir, 'Formulir.pdf');
    const d = deps({ canceled: false, filePath: target });
    const sender = pdfSender();
    await expect(savePdf(d, sender, { fileName: 'Formulir-ARS-2026-0001.pdf' })).resolves.toEqual({ path: target });
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    expect(d.showSaveDialog).toHaveBeenCalledWith(
      sender,
      expect.objectContaining({ defaultPath: join('/home/user/Documents', 'Formulir-ARS-2026-0001.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(await readFile(target)).toEqual(PDF_BYTES);
  });

  it('returns null and writes nothing when the dialog is cancelled', async () => {
    const write = vi.fn();
    const result = await savePdf({ ...deps({ canceled: true, filePath: '' }), writeFile: write }, pdfSender(), { fileName: 'a.pdf' });
    expect(result).toBeNull();
    expect(write).not.toHaveBeenCalled();
  });

  it('does not show the dialog when rendering fails', async () => {
    const d = deps({ canceled: false, filePath: join(dir, 'x.pdf') });
    const sender = { printToPDF: vi.fn(async () => Promise.reject(new Error('render failed'))) } as unknown as WebContents;
    await expect(savePdf(d, sender, { fileName: 'a.pdf' })).rejects.toThrow('render failed');
    expect(d.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('saveFile', () => {
  it('writes utf8 text as is', async () => {
    const target = join(dir, 'tiket.csv');
    const req = saveFileRequest.parse({ fileName: 'tiket.csv', mimeType: 'text/csv; charset=utf-8', data: 'nomor,judul\nT-1,Printer macet ☕\n' });
    await expect(saveFile(deps({ canceled: false, filePath: target }), {} as WebContents, req)).resolves.toEqual({ path: target });
    expect(await readFile(target, 'utf8')).toBe('nomor,judul\nT-1,Printer macet ☕\n');
  });

  it('decodes base64 to bytes and filters the dialog by extension', async () => {
    const target = join(dir, 'aset.xlsx');
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
    const d = deps({ canceled: false, filePath: target });
    const req = saveFileRequest.parse({ fileName: 'aset.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: bytes.toString('base64'), encoding: 'base64' });
    await saveFile(d, {} as WebContents, req);
    expect(await readFile(target)).toEqual(bytes);
    expect(d.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
  });

  it('returns null when cancelled', async () => {
    const req = saveFileRequest.parse({ fileName: 'a.json', mimeType: 'application/json', data: '{}' });
    await expect(saveFile(deps({ canceled: true }), {} as WebContents, req)).resolves.toBeNull();
  });
});

describe('fileNameProblem', () => {
  it.each([
    ['Formulir-Akses-Ruang-Server-ARS-2026-0001.pdf', null],
    ['Laporan Bulanan (Januari 2026).pdf', null],
    ['Serah_Terima_Aset_Budi.pdf', null],
    ['a.PDF', null],
    ['../a.pdf', 'characters'],
    ['a..pdf', 'dots'],
    ['.hidden.pdf', 'edges'],
    ['lpt1.pdf', 'reserved'],
    ['a.pdf.txt', 'extension'],
    ['a:b.pdf', 'characters'],
    ['a*.pdf', 'characters'],
  ])('%s → %s', (name, problem) => expect(fileNameProblem(name, ['.pdf'])).toBe(problem));
});

describe('print', () => {
  const sender = (success: boolean, reason = '') =>
    ({ print: vi.fn((_opts: unknown, cb: (s: boolean, r: string) => void) => cb(success, reason)) }) as unknown as WebContents & { print: ReturnType<typeof vi.fn> };

  it('prints through the dialog by default', async () => {
    const s = sender(true);
    await expect(print(s, undefined)).resolves.toEqual({ printed: true });
    expect(s.print.mock.calls[0]?.[0]).toEqual({ silent: false, printBackground: true });
  });
  it('reports a cancelled dialog as not printed', async () => {
    await expect(print(sender(false, 'cancelled'), {})).resolves.toEqual({ printed: false });
  });
  it('rejects on a real failure', async () => {
    await expect(print(sender(false, 'Invalid deviceName provided'), { silent: true })).rejects.toThrow();
  });
});

it('appVersion reports the app version', () => {
  expect(appVersion(() => '1.2.3')).toEqual({ version: '1.2.3' });
});

describe('secrets', () => {
  /** A fake keychain: XOR with a key, behind a marker, so plain text never reaches the file. */
  const fakeSafeStorage = (available = true) => ({
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)])),
    decryptString: vi.fn((data: Buffer) => {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(data.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
    }),
  });

  function secretDeps(overrides: Partial<SecretDeps> = {}): SecretDeps {
    return {
      safeStorage: fakeSafeStorage(),
      dir: () => join(dir, 'userData', 'secrets'),
      mkdir: async (path) => {
        await mkdir(path, { recursive: true });
      },
      readFile: (path) => readFile(path),
      writeFile: (path, data) => writeFile(path, data),
      unlink: (path) => unlink(path),
      ...overrides,
    };
  }
  const file = () => join(dir, 'userData', 'secrets', 'sync-token.bin');

  it('reads null when nothing is stored', async () => {
    await expect(readSecret(secretDeps(), { name: 'sync-token' })).resolves.toEqual({ value: null });
  });

  it('round-trips a token through the keychain into <userData>/secrets/<name>.bin', async () => {
    const d = secretDeps();
    const token = 'mj1_Zx9-Ü☕'.repeat(400).slice(0, 4096);
    await expect(writeSecret(d, { name: 'sync-token', value: token })).resolves.toEqual({ stored: true });
    expect(d.safeStorage.encryptString).toHaveBeenCalledWith(token);
    const bytes = await readFile(file());
    expect(bytes.subarray(0, 3).toString()).toBe('v10');
    expect(bytes.toString('utf8')).not.toContain('mj1_');
    await expect(readSecret(d, { name: 'sync-token' })).resolves.toEqual({ value: token });
    await writeSecret(d, { name: 'sync-token', value: 'second' });
    await expect(readSecret(d, { name: 'sync-token' })).resolves.toEqual({ value: 'second' });
  });

  it('refuses to store without a keychain and writes nothing', async () => {
    const d = secretDeps({ safeStorage: fakeSafeStorage(false), mkdir: vi.fn(), writeFile: vi.fn() });
    await expect(writeSecret(d, { name: 'sync-token', value: 'tok' })).rejects.toMatchObject({ name: 'BridgeFailure', messageKey: 'errors.bridge.noKeychain' });
    expect(d.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(d.mkdir).not.toHaveBeenCalled();
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('treats a built-in-password backend (Linux basic_text) as no keychain', async () => {
    const d = secretDeps({ weakBackend: () => true, writeFile: vi.fn() });
    await expect(writeSecret(d, { name: 'sync-token', value: 'tok' })).rejects.toMatchObject({ messageKey: 'errors.bridge.noKeychain' });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reads a corrupt or foreign file as null', async () => {
    await mkdir(join(dir, 'userData', 'secrets'), { recursive: true });
    for (const content of [Buffer.from('plain token'), Buffer.alloc(0), Buffer.from([0xff, 0x00, 0x13])]) {
      await writeFile(file(), content);
      await expect(readSecret(secretDeps(), { name: 'sync-token' })).resolves.toEqual({ value: null });
    }
  });

  it('reads null when the keychain has become unavailable', async () => {
    await writeSecret(secretDeps(), { name: 'sync-token', value: 'tok' });
    await expect(readSecret(secretDeps({ safeStorage: fakeSafeStorage(false) }), { name: 'sync-token' })).resolves.toEqual({ value: null });
  });

  it('rejects on a file error other than a missing file', async () => {
    const readFile = vi.fn(async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })));
    await expect(readSecret(secretDeps({ readFile }), { name: 'sync-token' })).rejects.toThrow('EACCES');
  });

  it('deletes the file on null, even without a keychain, and a second delete is fine', async () => {
    await writeSecret(secretDeps(), { name: 'sync-token', value: 'tok' });
    const d = secretDeps({ safeStorage: fakeSafeStorage(false) });
    await expect(writeSecret(d, { name: 'sync-token', value: null })).resolves.toEqual({ stored: false });
    expect(await readdir(join(dir, 'userData', 'secrets'))).toEqual([]);
    await expect(writeSecret(d, { name: 'sync-token', value: null })).resolves.toEqual({ stored: false });
    await expect(readSecret(secretDeps(), { name: 'sync-token' })).resolves.toEqual({ value: null });
  });
});
