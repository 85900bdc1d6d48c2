// @vitest-environment jsdom
/**
 * The platform bridge contract: the same cases run against the desktop implementation (with
 * a fake preload API) and the web implementation (with fake print and download).
 */
import { describe, expect, it, vi } from 'vitest';
import { createDesktopPlatform } from '@renderer/platform/desktop';
import { anchorDownload, createWebPlatform } from '@renderer/platform/web';
import { TOKEN_KEY } from '@renderer/platform/web-sync';
import type { DesktopApi, Platform } from '@shared/platform';
import { fail, ok } from '@shared/result';
import { SyncError, type DesktopSyncApi } from '@shared/sync/transport';
import type { DomainEvent } from '@shared/events';

interface Saved {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

interface Harness {
  platform: Platform;
  /** The last file the implementation delivered, decoded to bytes. */
  saved: () => Promise<Saved | undefined>;
  printCount: () => number;
  /** Makes the next operation fail underneath (IPC rejects / browser API throws). */
  breakNext: () => void;
}

const folderStatus = { folder: '/home/user/Cadangan', keep: 7, lastBackupAt: null, lastFile: null, lastProblem: null, files: [] };

function desktopHarness(): Harness {
  let last: Saved | undefined;
  let prints = 0;
  let broken = false;
  const maybeBreak = () => {
    if (broken) {
      broken = false;
      throw new Error('IPC channel closed');
    }
  };
  const api: DesktopApi = {
    savePdf: vi.fn(async () => {
      maybeBreak();
      prints += 1;
      return ok({ path: '/home/user/Documents/a.pdf' });
    }),
    print: vi.fn(async () => {
      maybeBreak();
      prints += 1;
      return ok({ printed: true });
    }),
    saveFile: vi.fn(async (req) => {
      maybeBreak();
      const bytes = req.encoding === 'base64' ? Uint8Array.from(atob(req.data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(req.data);
      last = { fileName: req.fileName, mimeType: req.mimeType, bytes };
      return ok({ path: `/home/user/Documents/${req.fileName}` });
    }),
    appVersion: vi.fn(async () => ok({ version: '0.1.0' })),
    // The sync transport has its own suite (test/main/sync-transport.test.ts).
    sync: {} as DesktopSyncApi,
    // Stands in for main's backup folder (tested in test/main/backup.test.ts): the name is main's.
    backupStatus: vi.fn(async () => ok(folderStatus)),
    backupChooseFolder: vi.fn(async () => ok(folderStatus)),
    backupSetKeep: vi.fn(async (req) => ok({ ...folderStatus, keep: req.keep })),
    backupWrite: vi.fn(async (req) => {
      maybeBreak();
      last = { fileName: 'meja-it-backup-20260304-120000.mjbak', mimeType: 'application/octet-stream', bytes: req.bytes };
      return ok({ file: last.fileName, at: '2026-03-04T05:00:00.000Z' });
    }),
    backupSkip: vi.fn(async () => ok(null)),
    onBackupDue: vi.fn(() => () => undefined),
    // Main's per-window session secret (test/main/session-secret.test.ts, test/renderer/session-vault.test.ts).
    sessionSecretGet: vi.fn(async () => ok({ secret: null })),
    sessionSecretPut: vi.fn(async () => ok(null)),
    sessionSecretClear: vi.fn(async () => ok(null)),
  };
  return {
    platform: createDesktopPlatform(api),
    saved: async () => last,
    printCount: () => prints,
    breakNext: () => (broken = true),
  };
}

function webHarness(): Harness {
  let lastBlob: { blob: Blob; fileName: string } | undefined;
  let prints = 0;
  let broken = false;
  const maybeBreak = () => {
    if (broken) {
      broken = false;
      throw new Error('blocked by the browser');
    }
  };
  return {
    platform: createWebPlatform({
      print: () => {
        maybeBreak();
        prints += 1;
      },
      download: (blob, fileName) => {
        maybeBreak();
        lastBlob = { blob, fileName };
      },
      version: '0.1.0',
    }),
    saved: async () =>
      lastBlob && {
        fileName: lastBlob.fileName,
        mimeType: lastBlob.blob.type,
        bytes: new Uint8Array(await lastBlob.blob.arrayBuffer()),
      },
    printCount: () => prints,
    breakNext: () => (broken = true),
  };
}

const implementations: [string, () => Harness][] = [
  ['desktop', desktopHarness],
  ['web', webHarness],
];

describe.each(implementations)('%s platform', (kind, make) => {
  it('reports its kind', () => {
    expect(make().platform.kind).toBe(kind);
  });

  it('savePdf resolves ok with a path or null, after rendering the print view', async () => {
    const h = make();
    const result = await h.platform.savePdf({ fileName: 'Formulir-ARS-2026-0001.pdf' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data === null || typeof result.data.path === 'string').toBe(true);
    expect(h.printCount()).toBe(1);
  });

  it('print resolves ok with printed true', async () => {
    const h = make();
    await expect(h.platform.print()).resolves.toEqual({ ok: true, data: { printed: true } });
    await expect(h.platform.print({ silent: false })).resolves.toEqual({ ok: true, data: { printed: true } });
    expect(h.printCount()).toBe(2);
  });

  it('saveFile delivers utf8 text byte for byte with its name and type', async () => {
    const h = make();
    const text = 'nomor;judul\nT-1;Printer lantai 3 macet — “urgent” ☕\n';
    const result = await h.platform.saveFile({ fileName: 'tiket.csv', mimeType: 'text/csv', data: text });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data?.path).toContain('tiket.csv');
    const saved = await h.saved();
    expect(saved?.fileName).toBe('tiket.csv');
    expect(saved?.mimeType).toBe('text/csv');
    expect(new TextDecoder().decode(saved?.bytes)).toBe(text);
  });

  it('saveFile decodes base64 to the original bytes', async () => {
    const h = make();
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x80, 0xff]);
    const data = btoa(String.fromCharCode(...bytes));
    const result = await h.platform.saveFile({ fileName: 'aset.xlsx', mimeType: 'application/octet-stream', data, encoding: 'base64' });
    expect(result.ok).toBe(true);
    expect((await h.saved())?.bytes).toEqual(bytes);
  });

  it('has no way to read or write a secret: the sync transport keeps the token', () => {
    const p = make().platform as unknown as Record<string, unknown>;
    expect(p['readSecret']).toBeUndefined();
    expect(p['writeSecret']).toBeUndefined();
    expect(typeof make().platform.sync.push).toBe('function');
  });

  it.each([
    ['savePdf', (p: Platform) => p.savePdf({ fileName: 'a.pdf' })],
    ['print', (p: Platform) => p.print()],
    ['saveFile', (p: Platform) => p.saveFile({ fileName: 'a.csv', mimeType: 'text/csv', data: 'x' })],
  ])('%s never throws: an underlying failure becomes failed', async (_name, call) => {
    const h = make();
    h.breakNext();
    await expect(call(h.platform)).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'errors.bridge.failed' } });
  });

  it('backup.save delivers the backup bytes unchanged (a download, or main writing its folder)', async () => {
    const h = make();
    const bytes = new Uint8Array([77, 69, 74, 65, 0, 255, 10, 1]);
    const r = await h.platform.backup.save({ bytes, fileName: 'meja-it-backup-20260304-050607.mjbak' });
    expect(r).toEqual({ ok: true, data: { file: expect.stringMatching(/^meja-it-backup-\d{8}-\d{6}\.mjbak$/) } });
    expect((await h.saved())?.bytes).toEqual(bytes);
    expect(h.platform.backup.scheduled).toBe(kind === 'desktop');
    h.breakNext();
    await expect(h.platform.backup.save({ bytes, fileName: 'x.mjbak' })).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'errors.bridge.failed' } });
  });

  it('appVersion resolves to a version string', async () => {
    await expect(make().platform.appVersion()).resolves.toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('desktop platform specifics', () => {
  it('passes the main process refusal through unchanged and cancels as null', async () => {
    const refusal = { ok: false as const, error: { code: 'invalid-input', message: 'errors.bridge.invalid-input', field: 'fileName' } };
    const api: DesktopApi = {
      savePdf: async () => ok(null),
      print: async () => ok({ printed: false }),
      saveFile: async () => refusal,
      appVersion: async () => Promise.reject(new Error('no handler')),
      sync: {} as DesktopSyncApi,
      backupStatus: async () => ok(folderStatus),
      backupChooseFolder: async () => ok(null),
      backupSetKeep: async () => ok(folderStatus),
      backupWrite: async () => fail('failed', 'backup.errors.noFolder'),
      backupSkip: async () => ok(null),
      onBackupDue: () => () => undefined,
      sessionSecretGet: async () => ok({ secret: null }),
      sessionSecretPut: async () => ok(null),
      sessionSecretClear: async () => ok(null),
    };
    const platform = createDesktopPlatform(api);
    await expect(platform.savePdf({ fileName: 'a.pdf' })).resolves.toEqual({ ok: true, data: null });
    await expect(platform.saveFile({ fileName: '../x.csv', mimeType: 'text/csv', data: '' })).resolves.toEqual(refusal);
    await expect(platform.appVersion()).resolves.toMatch(/^\d+\.\d+\.\d+/);
  });

  it('backups: main refusals pass through; main asking for a backup reaches the handler', async () => {
    let asked: ((due: { reason: 'daily' | 'quit' }) => void) | undefined;
    const unsubscribe = vi.fn();
    const api = {
      backupWrite: vi.fn(async () => fail('failed', 'backup.errors.noFolder')),
      backupSetKeep: vi.fn(async (req: { keep: number }) => ok({ ...folderStatus, keep: req.keep })),
      backupSkip: vi.fn(async () => ok(null)),
      onBackupDue: vi.fn((handler: (due: { reason: 'daily' | 'quit' }) => void) => {
        asked = handler;
        return unsubscribe;
      }),
    } as unknown as DesktopApi;
    const platform = createDesktopPlatform(api);
    await expect(platform.backup.save({ bytes: new Uint8Array(3), fileName: 'x.mjbak' })).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'backup.errors.noFolder' } });
    await expect(platform.backup.setKeep(3)).resolves.toMatchObject({ ok: true, data: { keep: 3 } });
    const handler = vi.fn();
    const stop = platform.backup.onDue(handler);
    asked?.({ reason: 'quit' });
    expect(handler).toHaveBeenCalledWith({ reason: 'quit' });
    stop();
    expect(unsubscribe).toHaveBeenCalled();
    await platform.backup.skip('no-key');
    expect(api.backupSkip).toHaveBeenCalledWith({ reason: 'no-key' });
  });

  it("throws the main process's sync refusal as a SyncError with its status and wait, and a dead channel as errors.bridge.failed", async () => {
    const sync = {
      pull: async () => fail('throttled', 'sync.errors.throttled', { params: { status: 429, retryAfter: 30 } }),
      devices: async () => Promise.reject(new Error('no handler')),
      probe: async () => fail('invalid-input', 'errors.bridge.invalid-input', { field: 'serverUrl' }),
    } as unknown as DesktopSyncApi;
    const platform = createDesktopPlatform({ sync } as unknown as DesktopApi);
    const thrown = await platform.sync.pull({ cursor: 0, limit: 10 }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(SyncError);
    expect(thrown).toMatchObject({ code: 'throttled', messageKey: 'sync.errors.throttled', status: 429, retryAfter: 30 });
    await expect(platform.sync.devices()).rejects.toMatchObject({ code: 'failed', messageKey: 'errors.bridge.failed', status: 0 });
    await expect(platform.sync.probe('x')).rejects.toMatchObject({ code: 'invalid-input', messageKey: 'errors.bridge.invalid-input' });
  });

  it('sends events over IPC as they travel, without the console\'s local annotations', async () => {
    const push = vi.fn(async () => ok({ results: [] }));
    const platform = createDesktopPlatform({ sync: { push } as unknown as DesktopSyncApi } as unknown as DesktopApi);
    const event = { id: 'e1', status: 'rejected', reason: 'x', reasonField: 'y', hash: 'h' } as unknown as DomainEvent;
    await platform.sync.push({ deviceId: 'd', events: [event], deviceSignature: 's' });
    expect(push).toHaveBeenCalledWith({ deviceId: 'd', events: [{ id: 'e1', hash: 'h' }], deviceSignature: 's' });
  });

  it('sends print an empty request when called without one', async () => {
    const print = vi.fn(async () => ok({ printed: true }));
    const platform = createDesktopPlatform({ print } as unknown as DesktopApi);
    await platform.print();
    expect(print).toHaveBeenCalledWith({});
  });
});

describe('web platform specifics', () => {
  it('names the PDF after the file while the print dialog is open, then restores the title', async () => {
    document.title = 'Meja IT';
    let titleDuringPrint = '';
    const platform = createWebPlatform({ print: () => (titleDuringPrint = document.title) });
    await expect(platform.savePdf({ fileName: 'Formulir-ARS-2026-0001.pdf' })).resolves.toEqual({ ok: true, data: null });
    expect(titleDuringPrint).toBe('Formulir-ARS-2026-0001');
    expect(document.title).toBe('Meja IT');
  });

  it('refuses invalid base64 as invalid-input', async () => {
    const download = vi.fn();
    const platform = createWebPlatform({ download });
    const result = await platform.saveFile({ fileName: 'a.png', mimeType: 'image/png', data: '***', encoding: 'base64' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(download).not.toHaveBeenCalled();
  });

  it("keeps the sync token in the origin's localStorage (meja-it.secret.sync-token, as before) and answers the console {userId} only", async () => {
    localStorage.clear();
    const calls: string[] = [];
    const fetchFn = vi.fn(async (url: string) => {
      calls.push(url);
      return Response.json({ token: 'tok-1', userId: 'u1' });
    });
    const platform = createWebPlatform({ sync: { fetch: fetchFn as unknown as typeof fetch } });
    expect(platform.sync.choosesServer).toBe(false);
    await expect(platform.sync.probe('')).resolves.toEqual({ tls: 'browser' });
    await expect(platform.sync.connection()).resolves.toBeNull();
    const proof = { devicePublicKey: 'a'.repeat(64), challenge: 'b'.repeat(64), deviceSignature: 'c'.repeat(128) };
    await expect(platform.sync.signIn('', { username: 'admin', password: 'x', deviceId: 'd', deviceName: 'Meja', ...proof })).resolves.toEqual({ userId: 'u1' });
    expect(TOKEN_KEY).toBe('meja-it.secret.sync-token');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('tok-1');
    // Same origin only: the page's own server.
    expect(calls).toEqual([`${location.origin}/api/auth/sign-in`]);
    await expect(platform.sync.challenge('https://elsewhere.example', 'd')).rejects.toMatchObject({ code: 'cross-origin', messageKey: 'sync.errors.crossOrigin' });
    await expect(createWebPlatform().sync.connection()).resolves.toEqual({ serverUrl: location.origin, fingerprint: null });
    await platform.sync.disconnect();
    expect(localStorage.length).toBe(0);
  });

  it('uses window.print() by default', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await expect(createWebPlatform().print()).resolves.toEqual({ ok: true, data: { printed: true } });
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('anchorDownload clicks a temporary <a download> for a blob URL', () => {
    const createObjectURL = vi.fn(() => 'blob:meja/1');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    vi.useFakeTimers();
    anchorDownload(new Blob(['x'], { type: 'text/plain' }), 'catatan.txt');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('catatan.txt');
    expect(clicked[0]?.href).toBe('blob:meja/1');
    expect(document.querySelector('a[download]')).toBeNull();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:meja/1');
    vi.useRealTimers();
    click.mockRestore();
  });
});
