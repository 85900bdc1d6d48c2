/**
 * The desktop shell in Node (no Electron binary here): the real src/main/index.ts with
 * `electron` mocked, and the real preload's `window.desktop` routed to main's IPC handlers —
 * each request and answer copied with structuredClone, as IPC copies them — so the renderer's
 * transport (platform/desktop-sync.ts) runs exactly as in the app. Electron's network stands
 * in too: an https request to the office host is a TLS handshake in which the session's
 * certificate verify procedure judges the certificate the "server" presents, then the request
 * goes on to the real sync server on 127.0.0.1. Everything crossing to the renderer and to
 * the server is recorded.
 *
 * A test file using it must mock electron: vi.mock('electron', () => import('./electron-mock')).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { createDesktopSyncTransport } from '@renderer/platform/desktop-sync';
import type { DesktopApi } from '@shared/platform';
import type { SyncTransport } from '@shared/sync/transport';
import { SERVER_CERT } from '../fixtures/certificates';
import * as electron from './electron-mock';

/** The office server's host name as the desk types it. */
export const OFFICE_HOST = 'meja.kantor.test';

export interface Invocation {
  channel: string;
  /** What the renderer sent (after the structured clone). */
  request: unknown;
  /** What main answered the renderer. */
  response: unknown;
}

export interface DesktopHarness {
  transport: SyncTransport;
  /** The server's address as the admin types it: https://meja.kantor.test:<port>. */
  serverUrl: string;
  /** Every invoke: channel, request, answer. */
  invocations: Invocation[];
  /** Every message main pushed to the window (webContents.send). */
  sent: { channel: string; payload: unknown }[];
  /** Every request that reached the real server, with its headers. */
  serverRequests: { url: string; method: string; headers: Record<string, string> }[];
  /** Every TLS handshake: the partition, the certificate's PEM, the verify procedure's answer. */
  handshakes: { partition: string; hostname: string; result: number }[];
  /** The certificate the server presents from now on. */
  present(pem: string): void;
  /** The device token main keeps (decrypted from userData/secrets), for asserting it never leaks. */
  storedToken(): Promise<string | null>;
  /** Electron's userData folder of this run. */
  userData: string;
  close(): Promise<void>;
}

/** Loads main and the preload with `electron` mocked, for a sync server listening at `serverUrl` (http://127.0.0.1:<port>). */
export async function startDesktop(realServer: string, opts: { userData?: string } = {}): Promise<DesktopHarness> {
  electron.resetElectronMock();
  // A given folder is the same machine started again (it is left in place on close).
  const userData = opts.userData ?? (await mkdtemp(join(tmpdir(), 'meja-it-desktop-')));
  const port = new URL(realServer).port;
  const invocations: Invocation[] = [];
  const sent: { channel: string; payload: unknown }[] = [];
  const serverRequests: DesktopHarness['serverRequests'] = [];
  const handshakes: DesktopHarness['handshakes'] = [];
  let certificate = SERVER_CERT;

  electron.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : join(userData, name)));

  // Electron's sessions: fetch is Node's fetch, behind a stand-in for the TLS handshake.
  electron.session.fromPartition.mockImplementation((partition: string) => {
    const ses: electron.FakeSession = {
      partition,
      verifyProc: null,
      setCertificateVerifyProc: vi.fn((proc) => {
        ses.verifyProc = proc;
      }),
      fetch: vi.fn(async (input: string, init?: RequestInit) => {
        const url = new URL(input);
        let target = input;
        if (url.hostname === OFFICE_HOST) {
          if (url.protocol !== 'https:') throw new TypeError('net::ERR_CONNECTION_REFUSED');
          // Chromium would find a self-signed certificate untrusted (-202) and ask the procedure.
          const result = await new Promise<number>((resolve) => {
            if (!ses.verifyProc) return resolve(-202);
            ses.verifyProc({ hostname: url.hostname, certificate: { data: certificate } }, resolve);
          });
          handshakes.push({ partition, hostname: url.hostname, result });
          if (result !== 0) throw new TypeError('net::ERR_CERT_AUTHORITY_INVALID');
          target = `http://127.0.0.1:${port}${url.pathname}${url.search}`;
        }
        const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
        serverRequests.push({ url: target, method: init?.method ?? 'GET', headers });
        return fetch(target, init);
      }),
    };
    electron.partitions.push(ses);
    return ses;
  });

  // The window that asks: its page is the app's own, and main sends it the poke stream.
  const sender = {
    id: 1,
    isDestroyed: () => false,
    send: vi.fn((channel: string, payload: unknown) => {
      sent.push({ channel, payload });
      const copy = structuredClone(payload);
      for (const listener of electron.rendererListeners.get(channel) ?? []) listener({ sender: electron.ipcRenderer }, copy);
    }),
  };
  const ownPage = new URL('../../src/renderer/index.html', import.meta.url).href;
  electron.ipcRenderer.invoke.mockImplementation(async (...args: unknown[]) => {
    const [channel, ...rest] = args as [string, ...unknown[]];
    const handler = electron.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const request = rest.length > 0 ? structuredClone(rest[0]) : undefined;
    const response = structuredClone(await handler({ senderFrame: { url: ownPage }, sender }, request));
    invocations.push({ channel, request, response });
    return response;
  });

  vi.resetModules();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  electron.app.isPackaged = true;
  await import('../../src/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await import('../../src/preload/index');
  const api = electron.exposed.get('desktop') as DesktopApi;

  return {
    // The renderer's transport exactly as platform/desktop.ts builds it.
    transport: createDesktopSyncTransport(api.sync),
    serverUrl: `https://${OFFICE_HOST}:${port}`,
    userData,
    invocations,
    sent,
    serverRequests,
    handshakes,
    present: (pem) => {
      certificate = pem;
    },
    storedToken: async () => {
      try {
        const stored = (await readFile(join(userData, 'secrets', 'sync-token.bin'), 'utf8')).replace(/^enc:/, '');
        return (JSON.parse(stored) as { token?: string }).token ?? null;
      } catch {
        return null;
      }
    },
    close: async () => {
      for (const listener of electron.appListeners.get('before-quit') ?? []) listener();
      vi.unstubAllEnvs();
      if (!opts.userData) await rm(userData, { recursive: true, force: true });
    },
  };
}
