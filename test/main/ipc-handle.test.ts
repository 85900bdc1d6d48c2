import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { Channels, type Channel } from '../../src/main/ipc/channels';
import { BridgeFailure, createRegistrar } from '../../src/main/ipc/handle';
import { isAppUrl } from '../../src/main/security';
import { saveFileRequest } from '../../src/main/services/files';
import { MAX_DATA_CHARS, MAX_FILE_BYTES } from '../../src/main/services/file-name';
import { savePdfRequest } from '../../src/main/services/pdf';
import { printRequest } from '../../src/main/services/print';
import { appVersionRequest } from '../../src/main/services/version';
import { backupSetKeepRequest, backupSkipRequest, backupWriteRequest, noInput } from '../../src/main/services/backup';
import { syncSchemas } from '../../src/main/sync/ipc';
import { sessionSecretNoInput, sessionSecretPutRequest } from '../../src/main/services/session-secret';
import { SyncChannels } from '../../src/main/ipc/channels';

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
  handle(Channels.backupStatus, noInput, handler);
  handle(Channels.backupChooseFolder, noInput, handler);
  handle(Channels.backupSetKeep, backupSetKeepRequest, handler);
  handle(Channels.backupWrite, backupWriteRequest, handler);
  handle(Channels.backupSkip, backupSkipRequest, handler);
  handle(Channels.sessionSecretGet, sessionSecretNoInput, handler);
  handle(Channels.sessionSecretPut, sessionSecretPutRequest, handler);
  handle(Channels.sessionSecretClear, sessionSecretNoInput, handler);
  // The sync channels with their real schemas (src/main/sync/ipc.ts registers the same pairs).
  const sync: Record<keyof typeof SyncChannels, keyof typeof syncSchemas> = {
    syncConnection: 'connection', syncProbe: 'probe', syncTrust: 'trust', syncChallenge: 'challenge', syncSignIn: 'signIn', syncBootstrap: 'bootstrap', syncKeyProof: 'keyProof',
    syncPush: 'push', syncPull: 'pull', syncSnapshot: 'snapshot', syncHistory: 'history', syncDevices: 'devices', syncRevoke: 'revoke', syncAudit: 'audit', syncPutBlob: 'putBlob',
    syncGetBlob: 'getBlob', syncDisconnect: 'disconnect', syncSubscribe: 'subscribe', syncUnsubscribe: 'unsubscribe',
  };
  for (const [channel, schema] of Object.entries(sync) as [keyof typeof SyncChannels, keyof typeof syncSchemas][]) handle(SyncChannels[channel], syncSchemas[schema], handler);
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
    expect(await invoke(Channels.syncDevices, undefined)).toEqual({ ok: true, data: 'done' });
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

    // The sync capability: every channel's schema is strict; a refused input never reaches main's transport.
    const proof = { devicePublicKey: 'a'.repeat(64), challenge: 'b'.repeat(64), deviceSignature: 'c'.repeat(128) };
    const signIn = { serverUrl: 'https://meja.kantor.lan:4780', username: 'admin', password: 'Rahasia123', deviceId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', deviceName: 'Meja depan', ...proof };
    const event = {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', kind: 'visit', recordId: 'v1', type: 'visit.registered', payload: {}, actorId: 'u1', deviceId: signIn.deviceId, deviceSeq: 1,
      hlc: '000000000000001:000000:d', at: '2026-03-02T02:00:00.000Z', prevHash: '', hash: 'd'.repeat(64),
    };
    const push = { deviceId: signIn.deviceId, events: [event], deviceSignature: 'e'.repeat(128) };
    it('accepts well-formed sync requests', async () => {
      const { invoke } = setup(() => 'done');
      expect(await invoke(Channels.syncSignIn, signIn)).toEqual({ ok: true, data: 'done' });
      // A console restored from a backup re-binds its device id (desk backups).
      expect(await invoke(Channels.syncSignIn, { ...signIn, replaceKey: true })).toEqual({ ok: true, data: 'done' });
      expect(await invoke(Channels.syncPush, push)).toEqual({ ok: true, data: 'done' });
      expect(await invoke(Channels.syncPull, { cursor: 0, limit: 2000 })).toEqual({ ok: true, data: 'done' });
      expect(await invoke(Channels.syncPutBlob, { hash: 'f'.repeat(64), bytes: new Uint8Array([1, 2]) })).toEqual({ ok: true, data: 'done' });
      expect(await invoke(Channels.syncConnection, undefined)).toEqual({ ok: true, data: 'done' });
    });
    const syncCases: [string, Channel, unknown][] = [
      ['a token smuggled into a sign-in', Channels.syncSignIn, { ...signIn, token: 'stolen' }],
      ['a sign-in without its proof', Channels.syncSignIn, { ...signIn, deviceSignature: undefined }],
      ['a sign-in with replaceKey as a string', Channels.syncSignIn, { ...signIn, replaceKey: 'yes' }],
      ['a sign-in with a huge password', Channels.syncSignIn, { ...signIn, password: 'a'.repeat(257) }],
      ['a server address over 1024 characters', Channels.syncProbe, { serverUrl: `https://${'a'.repeat(1030)}` }],
      ['a server address as an object', Channels.syncProbe, { serverUrl: { href: 'https://x' } }],
      ['a probe with an extra field', Channels.syncProbe, { serverUrl: 'https://x', pin: false }],
      ['a fingerprint that is too short', Channels.syncTrust, { serverUrl: 'https://x', fingerprint: 'ab' }],
      ['a challenge for a device id that is not a UUID', Channels.syncChallenge, { serverUrl: 'https://x', deviceId: '../../admin' }],
      ['an event with a local annotation', Channels.syncPush, { ...push, events: [{ ...event, status: 'rejected' }] }],
      ['an event with an unknown field', Channels.syncPush, { ...push, events: [{ ...event, token: 'x' }] }],
      ['a push naming a server', Channels.syncPush, { ...push, serverUrl: 'https://evil.example' }],
      ['a push with an authorization header', Channels.syncPush, { ...push, headers: { authorization: 'Bearer x' } }],
      ['a pull over the page limit', Channels.syncPull, { cursor: 0, limit: 2001 }],
      ['a negative cursor', Channels.syncPull, { cursor: -1, limit: 10 }],
      ['a snapshot of an unknown record kind', Channels.syncSnapshot, { limit: 10, after: ['secrets', 'x'] }],
      ['history of no record', Channels.syncHistory, { records: [], upTo: 1 }],
      ['a revoke with a path in the device id', Channels.syncRevoke, { deviceId: '../../api/audit' }],
      ['an audit page over the limit', Channels.syncAudit, { limit: 201 }],
      ['a blob hash with a path', Channels.syncGetBlob, { hash: '../../etc/passwd' }],
      ['blob bytes as an array of numbers', Channels.syncPutBlob, { hash: 'f'.repeat(64), bytes: [1, 2, 3] }],
      ['empty blob bytes', Channels.syncPutBlob, { hash: 'f'.repeat(64), bytes: new Uint8Array() }],
      ['an argument to the connection query', Channels.syncConnection, { serverUrl: 'https://x' }],
      ['an argument to open the poke stream', Channels.syncSubscribe, { url: 'https://evil.example/api/sync/events' }],
      ['__proto__ pollution from JSON', Channels.syncPull, JSON.parse('{"cursor":0,"limit":1,"__proto__":{"polluted":true}}') as unknown],
    ];
    it.each(syncCases)('sync: %s', async (_name, channel, raw) => {
      const { invoke, handler } = setup();
      expect(await invoke(channel, raw)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'errors.bridge.invalid-input' } });
      expect(handler).not.toHaveBeenCalled();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
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
    expect(await invoke(Channels.syncDisconnect, undefined)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'errors.bridge.noKeychain' },
    });
    expect(logError).not.toHaveBeenCalled();
  });

  it("answers a BridgeFailure naming its own code and parameters (a sync refusal: the server's code, status and wait)", async () => {
    const { invoke, logError } = setup(() => {
      throw new BridgeFailure('sync.errors.throttled', { code: 'throttled', params: { status: 429, retryAfter: 30 } });
    });
    expect(await invoke(Channels.syncPull, { cursor: 0, limit: 1 })).toEqual({
      ok: false,
      error: { code: 'throttled', message: 'sync.errors.throttled', params: { status: 429, retryAfter: 30 } },
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
