/**
 * The desktop never hands the device token to the renderer. A whole session through the
 * preload bridge to the real main process (electron mocked) calls every sync channel —
 * bootstrap, sign-in, push, pull, snapshot, history, devices, revoke, audit, key proof,
 * evidence files, the poke stream — against a real server; then the test lists every channel
 * the renderer invoked with what it sent and what main answered, and every message main pushed
 * to the window, and finds the token in none of them. The token is real: the server received
 * it from main, in the Authorization header.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Channels, RendererChannels, SyncChannels } from '../../src/main/ipc/channels';
import { toHex } from '@shared/hash';
import { newId } from '@shared/ids';
import type { SyncStreamEvent } from '@shared/sync/transport';
import { pgliteBackend, type Backend } from '../server/helpers/backends';
import { Client, startServer, visitInput } from '../sync/clients';
import { startDesktop, type DesktopHarness } from './desktop-harness';
import * as electron from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** Everything in a value as text: strings, keys, numbers, and bytes decoded. */
function text(value: unknown): string {
  if (value instanceof Uint8Array) return new TextDecoder('latin1').decode(value);
  if (Array.isArray(value)) return value.map(text).join('\n');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}\n${text(v)}`).join('\n');
  return String(value);
}

/** Every key of a value, at any depth. */
function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]);
  return [];
}

describe('the desktop sync transport and the device token', () => {
  let backend: Backend;
  let server: { app: FastifyInstance; url: string };
  let desktop: DesktopHarness;
  beforeAll(async () => {
    backend = await pgliteBackend();
    server = await startServer(backend.db);
    desktop = await startDesktop(server.url);
  }, 60_000);
  afterAll(async () => {
    await desktop?.close();
    await server?.app.close();
    await backend?.close();
  });

  it('crosses to the renderer on no channel and in no payload, through a session that uses every channel', async () => {
    const t = desktop.transport;
    const tokens: string[] = [];
    const keep = async () => {
      const token = await desktop.storedToken();
      expect(token).toBeTruthy();
      tokens.push(token!);
    };

    // First desk of the office: checks and pins the certificate, bootstraps the empty server.
    await expect(t.connection()).resolves.toBeNull();
    const probe = await t.probe(desktop.serverUrl);
    expect(probe.tls).toBe('new');
    if (probe.tls !== 'new') return;
    await t.trust(desktop.serverUrl, probe.fingerprint);
    const c = new Client('Meja admin (desktop)', server.url, { transport: t, serverUrl: desktop.serverUrl });
    const adminId = await c.setUpOffice();
    await keep();
    const budi = await c.createUser(adminId, 'budi', ['officer']);
    await c.sync();

    // Another desk (a browser) joins as budi and registers a visit; the desktop is poked and pulls it.
    const b = new Client('Laptop budi', server.url);
    await b.join('budi');
    const pokes: SyncStreamEvent[] = [];
    const close = t.subscribe((e) => pokes.push(e));
    await vi.waitFor(() => expect(pokes).toContain('open'), { timeout: 10_000 });
    const visit = newId();
    expect((await b.run(budi, ['officer'], { type: 'visit.register', input: visitInput(visit) })).ok).toBe(true);
    await b.sync();
    await vi.waitFor(() => expect(pokes).toContain('poke'), { timeout: 10_000 });
    close();
    await c.sync();
    expect((await c.db.visits.get(visit))?.visitorName).toBe('Budi Santoso');

    // Signs in again (a new token), then every other call.
    await c.join('admin');
    await keep();
    expect(tokens[1]).not.toBe(tokens[0]);
    expect((await t.snapshot({ limit: 10 })).records.length).toBeGreaterThan(0);
    expect((await t.history({ records: [['visit', visit]], upTo: 1_000 })).events).toHaveLength(1);
    expect((await t.devices()).devices).toHaveLength(2);
    expect((await t.audit({ limit: 10 })).entries.length).toBeGreaterThan(0);
    await expect(t.keyProof({ username: 'budi', password: 'Rahasia123', publicKey: 'a'.repeat(64) })).rejects.toMatchObject({ status: 403 });
    const bytes = new TextEncoder().encode('tangkapan layar');
    await t.putBlob(toHex(sha256(bytes)), bytes);
    expect(await t.getBlob(toHex(sha256(bytes)))).toEqual(bytes);
    await t.revoke(await b.deviceId());
    await expect(t.connection()).resolves.toMatchObject({ serverUrl: desktop.serverUrl });
    await t.disconnect();
    expect(await desktop.storedToken()).toBeNull();
    await new Promise((r) => setTimeout(r, 50));

    // The token was real: main sent it to the server, as a header.
    for (const token of tokens) expect(desktop.serverRequests.some((r) => r.headers['authorization'] === `Bearer ${token}`)).toBe(true);
    // …never in a URL (the poke stream: a ticket, or the header).
    for (const token of tokens) expect(desktop.serverRequests.filter((r) => r.url.includes(token))).toEqual([]);

    // Every sync channel was used…
    const used = new Set(desktop.invocations.map((i) => i.channel));
    expect([...used].sort()).toEqual(Object.values(SyncChannels).sort());
    // …and the list of what crossed: each channel, what the renderer sent, what main answered.
    const listing = desktop.invocations.map((i) => ({ channel: i.channel, request: text(i.request), response: text(i.response) }));
    expect(listing.length).toBeGreaterThanOrEqual(Object.values(SyncChannels).length);
    for (const entry of listing) {
      for (const token of tokens) {
        expect(entry.request, `${entry.channel} request`).not.toContain(token);
        expect(entry.response, `${entry.channel} answer`).not.toContain(token);
      }
    }
    for (const i of desktop.invocations) expect(keys(i.response).filter((k) => /token|secret|authorization/i.test(k)), i.channel).toEqual([]);
    // Sign-in and bootstrap answer the user id and nothing else.
    for (const i of desktop.invocations.filter((x) => x.channel === Channels.syncSignIn || x.channel === Channels.syncBootstrap)) {
      expect(i.response).toEqual({ ok: true, data: { userId: adminId } });
    }

    // What main pushed to the window: the poke stream only, `{type}` only.
    expect(desktop.sent.length).toBeGreaterThan(0);
    for (const m of desktop.sent) {
      expect(m.channel).toBe(RendererChannels.syncEvent);
      expect(Object.keys(m.payload as object)).toEqual(['type']);
      expect(['open', 'poke', 'error']).toContain((m.payload as { type: string }).type);
      for (const token of tokens) expect(text(m.payload)).not.toContain(token);
    }

    // No channel reads a sync secret back. (The `session:` channels hold the window's own
    // reload secret, which the renderer itself put there: docs/sync.md, "Staying signed in
    // across a reload".)
    expect([...electron.ipcHandlers.keys()].filter((c) => /secret|token/i.test(c) && !c.startsWith('session:'))).toEqual([]);
  });
});
