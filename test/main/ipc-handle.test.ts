import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { Channels, type Channel } from '../../src/main/ipc/channels';
import { BridgeFailure, createRegistrar } from '../../src/main/ipc/handle';
import { isAppUrl } from '../../src/main/security';
import { saveFileRequest } from '../../src/main/services/files';
import { MAX_DATA_CHARS, MAX_FILE_BYTES } from '../../src/main/services/file-name';
import { savePdfRequest } from '../../src/main/services/pdf';
import { printRequest } from '../../src/main/services/print';
import { MAX_SECRET_CHARS, readSecretRequest, writeSecretRequest } from '../../src/main/services/secrets';
import { appVersionRequest } from '../../src/main/services/version';
import { backupSetKeepRequest, backupSkipRequest, backupWriteRequest, noInput } from '../../src/main/services/backup';

const policy = { rendererDir: '/opt/meja-it/out/renderer' };
const APP_URL = 'file:///opt/meja-it/out/renderer/index.html#/visits';

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

/** Registers the real schemas with spy handlers; returns a function that invokes a channel. */
function setup(fn: (req: unknown) => unknown = (req) => req) {
  const listeners = new Map<string, Listener>();
  const logError = vi.fn();
  const handler = vi.fn(async (req: unknown) => fn(req));
  const handle = createRegistrar({
    ipcMain: { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) } as never,
    isAppUrl: (url) => isAppUrl(url, policy),
    logError,
  });
  handle(Channels.savePdf, savePdfRequest, handler);
  handle(Channels.print, printRequest, handler);
  handle(Channels.saveFile, saveFileRequest, handler);
  handle(Channels.appVersion, appVersionRequest, handler);
  handle(Channels.readSecret, readSecretRequest, handler);
  handle(Channels.writeSecret, writeSecretRequest, handler);
  handle(Channels.backupStatus, noInput, handler);
  handle(Channels.backupChooseFolder, noInput, handler);
  handle(Channels.backupSetKeep, backupSetKeepRequest, handler);
  handle(Channels.backupWrite, backupWriteRequest, handler);
  handle(Channels.backupSkip, backupSkipRequest, handler);
  const invoke = (channel: Channel, raw: unknown, ...frame: [senderFrame?: unknown]) =>
    listeners.get(channel)!({ senderFrame: frame.length ? frame[0] : { url: APP_URL }, sender: {} } as unknown as IpcMainInvokeEvent, raw);
  return { invoke, handler, logError, listeners };
}

const goodFile = { fileName: 'Laporan-Bulanan-2026-01.csv', mimeType: 'text/csv', data: 'a,b\n1,2\n' };

describe('IPC registrar', () => {
  it('registers every channel exactly once', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(Channels).sort());
  });

  it('passes valid input to the handler and wraps the answer in a Result', async () => {
    const { invoke, handler } = setup(() => ({ path: '/tmp/x.pdf' }));
    await expect(invoke(Channels.savePdf, { fileName: 'Formulir-Akses-ARS-2026-0001.pdf' })).resolves.toEqual({
      ok: true,
      data: { path: '/tmp/x.pdf' },
    });
    expect(handler).toHaveBeenCalledWith({ fileName: 'Formulir-Akses-ARS-2026-0001.pdf' }, expect.anything());
  });

  it('accepts the no-argument and optional-argument channels', async () => {
    const { invoke } = setup(() => 'done');
    expect(await invoke(Channels.appVersion, undefined)).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.print, undefined)).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.print, { silent: false })).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.saveFile, goodFile)).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.saveFile, { ...goodFile, fileName: 'Aset.XLSX', encoding: 'base64', data: 'UEsDBA==' })).toMatchObject({ ok: true });
    expect(await invoke(Channels.readSecret, { name: 'sync-token' })).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.writeSecret, { name: 'sync-token', value: 'a'.repeat(MAX_SECRET_CHARS) })).toEqual({ ok: true, data: 'done' });
    expect(await invoke(Channels.writeSecret, { name: 'sync-token', value: null })).toEqual({ ok: true, data: 'done' });
  });

  describe('refuses senders that are not the app', () => {
    const senders: [string, unknown][] = [
      ['a foreign https page', { url: 'https://evil.example/index.html' }],
      ['a null senderFrame (destroyed frame)', null],
      ['an undefined senderFrame', undefined],
      ['a file outside the renderer', { url: 'file:///etc/passwd' }],
      ['a traversal out of the renderer', { url: 'file:///opt/meja-it/out/renderer/../../secret.html' }],
      ['a UNC file URL', { url: 'file://evil-host/opt/meja-it/out/renderer/index.html' }],
      ['a data: URL', { url: 'data:text/html,<script>1</script>' }],
      ['a frame whose url getter throws', Object.defineProperty({}, 'url', { get: () => { throw new Error('gone'); } })],
    ];
    it.each(senders)('%s', async (_name, senderFrame) => {
      const { invoke, handler } = setup();
      const result = await invoke(Channels.savePdf, { fileName: 'a.pdf' }, senderFrame);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'errors.bridge.forbidden' } });
      expect(handler).not.toHaveBeenCalled();
    });
  });

  describe('rejects hostile input with invalid-input and never calls the handler', () => {
    const pollutedJson = JSON.parse('{"fileName":"a.pdf","__proto__":{"polluted":true}}') as unknown;
    const constructorPollution = { fileName: 'a.pdf', constructor: { prototype: { polluted: true } } };
    const pdfCases: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', 'a.pdf'],
      ['a number', 42],
      ['an array', ['a.pdf']],
      ['a missing field', {}],
      ['a wrong type', { fileName: 123 }],
      ['an extra field', { fileName: 'a.pdf', path: '/etc/passwd' }],
      ['path traversal', { fileName: '../../etc/passwd' }],
      ['traversal with the right extension', { fileName: '../../home/user/.bashrc.pdf' }],
      ['an absolute path', { fileName: '/etc/cron.d/x.pdf' }],
      ['a Windows path', { fileName: 'C:\\Windows\\System32\\x.pdf' }],
      ['a null byte', { fileName: 'laporan.pdf\0.exe' }],
      ['a null byte before the extension', { fileName: 'laporan\0.pdf' }],
      ['a control character', { fileName: 'lap\noran.pdf' }],
      ['a huge name', { fileName: `${'a'.repeat(10_000)}.pdf` }],
      ['a name of 201 characters', { fileName: `${'a'.repeat(197)}.pdf` }],
      ['the wrong extension', { fileName: 'laporan.exe' }],
      ['only an extension', { fileName: '.pdf' }],
      ['an empty name', { fileName: '' }],
      ['a reserved Windows name', { fileName: 'CON.pdf' }],
      ['a name ending in a dot', { fileName: 'laporan.pdf.' }],
      ['__proto__ pollution from JSON', pollutedJson],
      ['constructor pollution', constructorPollution],
    ];
    it.each(pdfCases)('pdf:save with %s', async (_name, raw) => {
      const { invoke, handler } = setup();
      const result = (await invoke(Channels.savePdf, raw)) as { ok: boolean; error?: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error).toMatchObject({ code: 'invalid-input', message: 'errors.bridge.invalid-input' });
      expect(handler).not.toHaveBeenCalled();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    const fileCases: [string, unknown][] = [
      ['a missing mimeType', { fileName: 'a.csv', data: 'x' }],
      ['a missing data', { fileName: 'a.csv', mimeType: 'text/csv' }],
      ['data as an object', { ...goodFile, data: { toString: 'x' } }],
      ['data as a Buffer-like array', { ...goodFile, data: [1, 2, 3] }],
      ['an unknown encoding', { ...goodFile, encoding: 'hex' }],
      ['invalid base64', { ...goodFile, encoding: 'base64', data: 'not base64!!' }],
      ['base64 with a bad length', { ...goodFile, encoding: 'base64', data: 'QUJD=' }],
      ['a mimeType with a newline (header injection)', { ...goodFile, mimeType: 'text/csv\r\nX-Evil: 1' }],
      ['a huge mimeType', { ...goodFile, mimeType: `text/${'a'.repeat(1000)}` }],
      ['an executable extension', { ...goodFile, fileName: 'export.csv.exe' }],
      ['a pdf through file:save', { ...goodFile, fileName: 'a.pdf' }],
      ['path traversal', { ...goodFile, fileName: '..\\..\\startup.csv' }],
      ['an extra field', { ...goodFile, overwrite: true }],
      ['data over the character cap', { ...goodFile, data: 'a'.repeat(MAX_DATA_CHARS + 1) }],
      ['utf8 data over the byte cap', { ...goodFile, data: 'é'.repeat(MAX_FILE_BYTES / 2 + 1) }],
    ];
    it.each(fileCases)('file:save with %s', async (_name, raw) => {
      const { invoke, handler } = setup();
      const result = (await invoke(Channels.saveFile, raw)) as { ok: boolean; error?: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(handler).not.toHaveBeenCalled();
    });

    it.each([
      ['a string', 'silent'],
      ['a non-boolean silent', { silent: 'yes' }],
      ['an extra field', { silent: true, deviceName: 'evil' }],
    ])('print:run with %s', async (_name, raw) => {
      const { invoke } = setup();
      expect(await invoke(Channels.print, raw)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });

    const nameCases: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a bare name', 'sync-token'],
      ['a missing name', {}],
      ['an unknown name', { name: 'api-key' }],
      ['a name in another case', { name: 'SYNC-TOKEN' }],
      ['path traversal in the name', { name: '../../../.ssh/id_rsa' }],
      ['traversal ending in a known name', { name: '../sync-token' }],
      ['an absolute path as the name', { name: '/etc/passwd' }],
      ['a null byte in the name', { name: 'sync-token\0' }],
      ['a name as a number', { name: 1 }],
      ['a name as an array', { name: ['sync-token'] }],
      ['a name as an object', { name: { toString: 'sync-token' } }],
      ['__proto__ pollution from JSON', JSON.parse('{"name":"sync-token","__proto__":{"polluted":true}}') as unknown],
    ];
    it.each(nameCases)('secret:read with %s', async (_name, raw) => {
      const { invoke, handler } = setup();
      expect(await invoke(Channels.readSecret, raw)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(handler).not.toHaveBeenCalled();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
    it('secret:read with an extra field', async () => {
      const { invoke, handler } = setup();
      expect(await invoke(Channels.readSecret, { name: 'sync-token', path: '/etc/shadow' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(handler).not.toHaveBeenCalled();
    });

    const writeCases: [string, unknown][] = [
      // The same bad names, with a valid value beside them.
      ...nameCases.map(([n, raw]): [string, unknown] => [n, raw !== null && typeof raw === 'object' ? { ...raw, value: 'tok' } : raw]),
      ['a missing value', { name: 'sync-token' }],
      ['an undefined value', { name: 'sync-token', value: undefined }],
      ['a value over 4096 characters', { name: 'sync-token', value: 'a'.repeat(MAX_SECRET_CHARS + 1) }],
      ['a huge value', { name: 'sync-token', value: 'a'.repeat(10_000_000) }],
      ['a value as a number', { name: 'sync-token', value: 42 }],
      ['a value as a boolean', { name: 'sync-token', value: false }],
      ['a value as an array', { name: 'sync-token', value: ['tok'] }],
      ['a value as an object', { name: 'sync-token', value: { toString: 'tok' } }],
      ['an extra field', { name: 'sync-token', value: 'tok', path: '/tmp/x' }],
      ['an extra encoding field', { name: 'sync-token', value: 'tok', plainText: true }],
    ];
    it.each(writeCases)('secret:write with %s', async (_name, raw) => {
      const { invoke, handler } = setup();
      expect(await invoke(Channels.writeSecret, raw)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(handler).not.toHaveBeenCalled();
    });

    it('app:get-version with an argument', async () => {
      const { invoke } = setup();
      expect(await invoke(Channels.appVersion, { x: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });

    it('names the offending field without echoing the input', async () => {
      const { invoke } = setup();
      const result = (await invoke(Channels.savePdf, { fileName: '../../etc/passwd' })) as { error: Record<string, unknown> };
      expect(result.error).toEqual({ code: 'invalid-input', message: 'errors.bridge.invalid-input', field: 'fileName' });
    });
  });

  it('turns a throwing handler into failed without leaking the error text', async () => {
    const { invoke, logError } = setup(() => {
      throw new Error('EACCES: /root/secret');
    });
    const result = await invoke(Channels.savePdf, { fileName: 'a.pdf' });
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'errors.bridge.failed' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logError).toHaveBeenCalledWith('pdf:save', expect.any(Error));
  });

  it('answers a BridgeFailure with its message key, without logging it', async () => {
    const { invoke, logError } = setup(() => {
      throw new BridgeFailure('errors.bridge.noKeychain');
    });
    expect(await invoke(Channels.writeSecret, { name: 'sync-token', value: 'tok' })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'errors.bridge.noKeychain' },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns a rejected promise and a thrown non-Error into failed', async () => {
    const rejecting = setup(() => Promise.reject(new Error('disk full')));
    expect(await rejecting.invoke(Channels.saveFile, goodFile)).toMatchObject({ ok: false, error: { code: 'failed' } });
    const throwingString = setup(() => {
      throw 'boom';
    });
    expect(await throwingString.invoke(Channels.print, {})).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});
