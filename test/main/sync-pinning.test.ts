/**
 * Certificate pinning of the desktop's sync transport (trust on first use): the pure verdict
 * and address rules, the sessions that apply them, and the whole flow through main (electron
 * mocked; the TLS handshake stood in for by the mocked session, which asks the session's verify
 * procedure about the certificate the "server" presents): first contact shows the fingerprint
 * and sends nothing until it is trusted; a different certificate later is refused before any
 * request, with a bilingual message; an admin re-pins and signs in again; the old token never
 * reaches the new certificate; the pin survives a restart.
 */
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncNetwork, type NetSession } from '../../src/main/sync/network';
import { certificateFingerprint, isLoopback, REFUSE, serverAddress, TRUST, verifyCertificate } from '../../src/main/sync/pinning';
import { syncOnce } from '@renderer/sync/sync-client';
import { useSyncStore } from '@renderer/sync/sync-store';
import { formatFingerprint, normaliseFingerprint, SyncError, type SyncStreamEvent } from '@shared/sync/transport';
import { OTHER_CERT, OTHER_CERT_FINGERPRINT, SERVER_CERT, SERVER_CERT_FINGERPRINT } from '../fixtures/certificates';
import { pgliteBackend, reset, type Backend } from '../server/helpers/backends';
import { Client, startServer } from '../sync/clients';
import { OFFICE_HOST, startDesktop, type DesktopHarness } from './desktop-harness';

vi.mock('electron', () => import('./electron-mock'));

const hex = (fingerprint: string) => normaliseFingerprint(fingerprint)!;

describe('pinning, the pure rules', () => {
  it('fingerprints a certificate as openssl and Node print it', () => {
    expect(formatFingerprint(certificateFingerprint(SERVER_CERT)!)).toBe(SERVER_CERT_FINGERPRINT);
    expect(formatFingerprint(certificateFingerprint(SERVER_CERT)!)).toBe(new X509Certificate(SERVER_CERT).fingerprint256);
    expect(formatFingerprint(certificateFingerprint(OTHER_CERT)!)).toBe(OTHER_CERT_FINGERPRINT);
    expect(certificateFingerprint('not a certificate')).toBeNull();
    expect(certificateFingerprint('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----')).toBeNull();
  });

  it('reads a fingerprint however it was copied', () => {
    const plain = hex(SERVER_CERT_FINGERPRINT);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    for (const copy of [SERVER_CERT_FINGERPRINT, SERVER_CERT_FINGERPRINT.toLowerCase(), `sha256 Fingerprint=${SERVER_CERT_FINGERPRINT}`, `SHA256:${plain}`, SERVER_CERT_FINGERPRINT.replace(/:/g, ' '), ` ${plain}\n`]) {
      expect(normaliseFingerprint(copy), copy).toBe(plain);
    }
    for (const bad of ['', 'AB:CD', `${plain}00`, plain.replace(/^./, 'g')]) expect(normaliseFingerprint(bad), bad).toBeNull();
  });

  it('trusts exactly the pinned certificate for the pinned host, and nothing without a pin', () => {
    const pin = { hostname: OFFICE_HOST, fingerprint: hex(SERVER_CERT_FINGERPRINT) };
    expect(verifyCertificate({ hostname: OFFICE_HOST, certificate: { data: SERVER_CERT } }, pin)).toEqual({ result: TRUST, fingerprint: pin.fingerprint });
    expect(verifyCertificate({ hostname: 'MEJA.Kantor.TEST', certificate: { data: SERVER_CERT } }, pin).result).toBe(TRUST);
    // An IPv6 server, whichever way the address is written.
    const v6 = { hostname: 'fd00::10', fingerprint: pin.fingerprint };
    expect(verifyCertificate({ hostname: '[fd00::10]', certificate: { data: SERVER_CERT } }, v6).result).toBe(TRUST);
    // Another certificate — a replacement, or an impostor's — is refused and named.
    expect(verifyCertificate({ hostname: OFFICE_HOST, certificate: { data: OTHER_CERT } }, pin)).toEqual({ result: REFUSE, fingerprint: hex(OTHER_CERT_FINGERPRINT) });
    // The pinned certificate presented for another host: refused.
    expect(verifyCertificate({ hostname: 'evil.example', certificate: { data: SERVER_CERT } }, pin).result).toBe(REFUSE);
    expect(verifyCertificate({ hostname: OFFICE_HOST, certificate: { data: SERVER_CERT } }, null).result).toBe(REFUSE);
    expect(verifyCertificate({ hostname: OFFICE_HOST, certificate: { data: 'garbage' } }, pin)).toEqual({ result: REFUSE, fingerprint: null });
  });

  it('takes https anywhere and plain http only to this machine', () => {
    expect(serverAddress('https://192.168.1.10:4780/')).toEqual({ url: 'https://192.168.1.10:4780', origin: 'https://192.168.1.10:4780', hostname: '192.168.1.10', tls: true });
    expect(serverAddress(' https://meja.kantor.lan/meja/ ')).toMatchObject({ url: 'https://meja.kantor.lan/meja', origin: 'https://meja.kantor.lan' });
    expect(serverAddress('http://127.0.0.1:4780')).toMatchObject({ tls: false, hostname: '127.0.0.1' });
    expect(serverAddress('http://localhost:4780').tls).toBe(false);
    expect(serverAddress('http://[::1]:4780').hostname).toBe('::1');
    const refused = (raw: string) => {
      try {
        serverAddress(raw);
        return null;
      } catch (e) {
        return e instanceof SyncError ? [e.code, e.messageKey] : e;
      }
    };
    expect(refused('http://192.168.1.10:4780')).toEqual(['https-required', 'sync.errors.httpsRequired']);
    expect(refused('http://meja.kantor.lan')).toEqual(['https-required', 'sync.errors.httpsRequired']);
    for (const bad of ['', 'meja.kantor.lan', 'ftp://meja.kantor.lan', 'file:///etc/passwd', 'javascript:alert(1)', 'https://admin:rahasia@meja.kantor.lan', 'https://meja.kantor.lan/?token=x', 'https://meja.kantor.lan/#x']) {
      expect(refused(bad), bad).toEqual(['server-url', 'sync.errors.url']);
    }
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback('localhost.evil.example')).toBe(false);
  });
});

describe('pinning, the sessions', () => {
  function fakeElectron(present: () => string) {
    const made: { name: string; proc: Parameters<NetSession['setCertificateVerifyProc']>[0]; requests: string[] }[] = [];
    const fromPartition = (name: string): NetSession => {
      const entry: (typeof made)[number] = { name, proc: null, requests: [] };
      made.push(entry);
      return {
        setCertificateVerifyProc: (proc) => void (entry.proc = proc),
        fetch: async (url) => {
          const result = await new Promise<number>((resolve) => entry.proc!({ hostname: new URL(url).hostname, certificate: { data: present() } }, resolve));
          if (result !== TRUST) throw new TypeError('net::ERR_CERT_AUTHORITY_INVALID');
          entry.requests.push(url);
          return Response.json({ status: 'ok' });
        },
      };
    };
    return { made, fromPartition };
  }

  it('gives each pin its own session (Chromium caches a procedure’s answers per session) and reuses it', async () => {
    let cert = SERVER_CERT;
    const fake = fakeElectron(() => cert);
    const net = createSyncNetwork({ fromPartition: fake.fromPartition });
    const pin = { hostname: OFFICE_HOST, fingerprint: hex(SERVER_CERT_FINGERPRINT) };
    const a = net.pinned(pin);
    expect(net.pinned({ ...pin })).toBe(a);
    expect(net.pinned({ ...pin, fingerprint: hex(OTHER_CERT_FINGERPRINT) })).not.toBe(a);
    expect(fake.made.map((m) => m.name)).toEqual(['meja-it-sync-1', 'meja-it-sync-2']);
    await expect(a.fetch(`https://${OFFICE_HOST}/api/health`, {})).resolves.toBeInstanceOf(Response);
    cert = OTHER_CERT;
    await expect(a.fetch(`https://${OFFICE_HOST}/api/health`, {})).rejects.toThrow();
    expect(a.refused(OFFICE_HOST)).toBe(hex(OTHER_CERT_FINGERPRINT));
    expect(fake.made[0]!.requests).toHaveLength(1);
  });

  it('probes in a fresh session that refuses every certificate: the fingerprint is learnt, no request is sent', async () => {
    const fake = fakeElectron(() => SERVER_CERT);
    const net = createSyncNetwork({ fromPartition: fake.fromPartition });
    const address = serverAddress(`https://${OFFICE_HOST}:4780`);
    await expect(net.probe(address)).resolves.toBe(hex(SERVER_CERT_FINGERPRINT));
    await expect(net.probe(address)).resolves.toBe(hex(SERVER_CERT_FINGERPRINT));
    expect(fake.made.map((m) => m.name)).toEqual(['meja-it-probe-1', 'meja-it-probe-2']);
    expect(fake.made.flatMap((m) => m.requests)).toEqual([]);
    // Nobody answering: offline.
    const silent = createSyncNetwork({ fromPartition: () => ({ setCertificateVerifyProc: () => undefined, fetch: () => Promise.reject(new TypeError('net::ERR_CONNECTION_REFUSED')) }) });
    await expect(silent.probe(address)).rejects.toMatchObject({ code: 'offline', messageKey: 'sync.errors.offline' });
  });
});

describe('pinning through main (trust on first use)', () => {
  let backend: Backend;
  let server: { app: FastifyInstance; url: string };
  let desktop: DesktopHarness;
  beforeAll(async () => {
    backend = await pgliteBackend();
    server = await startServer(backend.db);
  }, 60_000);
  afterAll(async () => {
    await server?.app.close();
    await backend?.close();
  });
  beforeEach(async () => {
    await reset(backend.db);
    desktop = await startDesktop(server.url);
  });
  afterEach(async () => {
    await desktop.close();
  });

  /** The office set up by a browser desk, with budi (officer). */
  async function office() {
    const a = new Client('Meja admin', server.url);
    const adminId = await a.setUpOffice();
    await a.createUser(adminId, 'budi', ['officer']);
    await a.sync();
    return a;
  }
  const deskOn = (h: DesktopHarness) => new Client('Meja desktop', server.url, { transport: h.transport, serverUrl: h.serverUrl });
  /** Requests that reached the server carrying a given token. */
  const carrying = (h: DesktopHarness, token: string) => h.serverRequests.filter((r) => r.headers['authorization'] === `Bearer ${token}`);

  it('first contact: the probe shows the fingerprint and nothing reaches the server until the admin trusts that certificate', async () => {
    await office();
    const t = desktop.transport;
    await expect(t.probe(desktop.serverUrl)).resolves.toEqual({ tls: 'new', fingerprint: SERVER_CERT_FINGERPRINT });
    expect(desktop.handshakes.map((h) => h.result)).toEqual([REFUSE]);
    // Not trusted yet: refused before anything is sent.
    const c = deskOn(desktop);
    await expect(c.join('budi')).rejects.toMatchObject({ code: 'certificate-unconfirmed', messageKey: 'sync.errors.certificateUnconfirmed' });
    // Only the certificate the server presented can be trusted.
    await expect(t.trust(desktop.serverUrl, OTHER_CERT_FINGERPRINT)).rejects.toMatchObject({ code: 'certificate-unconfirmed' });
    await expect(t.trust('http://127.0.0.1:4780', SERVER_CERT_FINGERPRINT)).rejects.toMatchObject({ code: 'certificate-unconfirmed' });
    expect(desktop.serverRequests).toEqual([]);
    // The admin compared it (in whatever form they copied it) and trusts it: the sign-in pins it.
    await t.trust(desktop.serverUrl, hex(SERVER_CERT_FINGERPRINT));
    await expect(t.probe(desktop.serverUrl)).resolves.toEqual({ tls: 'pinned', fingerprint: SERVER_CERT_FINGERPRINT });
    await c.join('budi');
    await expect(t.connection()).resolves.toEqual({ serverUrl: desktop.serverUrl, fingerprint: SERVER_CERT_FINGERPRINT });
    await expect(t.probe(desktop.serverUrl)).resolves.toEqual({ tls: 'pinned', fingerprint: SERVER_CERT_FINGERPRINT });
  });

  it('a different certificate later is refused before any request, with a bilingual message; an admin re-pins and signs in again; the old token never reaches it', async () => {
    await office();
    const t = desktop.transport;
    const c = deskOn(desktop);
    const first = await t.probe(desktop.serverUrl);
    if (first.tls !== 'new') throw new Error(first.tls);
    await t.trust(desktop.serverUrl, first.fingerprint);
    await c.join('budi');
    const oldToken = (await desktop.storedToken())!;
    expect(carrying(desktop, oldToken).length).toBeGreaterThan(0);

    // The server now presents another certificate (replaced — or someone in between).
    desktop.present(OTHER_CERT);
    const reached = desktop.serverRequests.length;
    await expect(t.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'certificate-changed', messageKey: 'sync.errors.certificateChanged', status: 0 });
    expect(await syncOnce(c.db, t)).toBe(false);
    expect(useSyncStore.getState()).toMatchObject({ phase: 'certificate-changed', problem: 'sync.errors.certificateChanged' });
    const events: SyncStreamEvent[] = [];
    const close = t.subscribe((e) => events.push(e));
    await vi.waitFor(() => expect(events).toContain('error'));
    close();
    expect(desktop.serverRequests.length).toBe(reached);
    for (const lang of ['id', 'en']) {
      const catalog = JSON.parse(await readFile(`src/renderer/i18n/locales/${lang}/transport.json`, 'utf8')) as { sync: { errors: Record<string, string>; phase: Record<string, string> } };
      expect(catalog.sync.errors['certificateChanged']).toMatch(lang === 'id' ? /Sertifikat server .*disematkan/ : /certificate .*pinned/);
      expect(catalog.sync.phase['certificate-changed']).toBeTruthy();
    }

    // The form's probe shows both fingerprints; signing in under the old pin is refused too.
    await expect(t.probe(desktop.serverUrl)).resolves.toEqual({ tls: 'changed', fingerprint: OTHER_CERT_FINGERPRINT, pinned: SERVER_CERT_FINGERPRINT });
    await expect(c.join('budi')).rejects.toMatchObject({ code: 'certificate-changed' });
    // An admin checks the new fingerprint and re-pins: until the sign-in, the old token stays under the old pin.
    await t.trust(desktop.serverUrl, OTHER_CERT_FINGERPRINT);
    await expect(t.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'certificate-changed' });
    await c.join('budi');
    const newToken = (await desktop.storedToken())!;
    expect(newToken).not.toBe(oldToken);
    await expect(t.connection()).resolves.toEqual({ serverUrl: desktop.serverUrl, fingerprint: OTHER_CERT_FINGERPRINT });
    await expect(t.pull({ cursor: 0, limit: 10 })).resolves.toMatchObject({ hasMore: false });
    // The old token never travelled under the new certificate.
    expect(carrying(desktop, oldToken).every((r) => desktop.serverRequests.indexOf(r) < reached)).toBe(true);
    // Back to the first certificate: refused now, as any other.
    desktop.present(SERVER_CERT);
    await expect(t.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'certificate-changed' });
  });

  it('plain http goes only to this machine, with nothing to pin', async () => {
    await office();
    const t = desktop.transport;
    await expect(t.probe('http://192.168.1.10:4780')).rejects.toMatchObject({ code: 'https-required', messageKey: 'sync.errors.httpsRequired' });
    await expect(t.challenge('http://192.168.1.10:4780', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).rejects.toMatchObject({ code: 'https-required' });
    await expect(t.probe(server.url)).resolves.toEqual({ tls: 'none' });
    const c = new Client('Meja server', server.url, { transport: t, serverUrl: server.url });
    await c.join('budi');
    await expect(t.connection()).resolves.toEqual({ serverUrl: server.url, fingerprint: null });
    expect(desktop.handshakes).toEqual([]);
  });
});

describe('the pin and the token after a restart', () => {
  let backend: Backend;
  let server: { app: FastifyInstance; url: string };
  let userData: string;
  beforeAll(async () => {
    backend = await pgliteBackend();
    server = await startServer(backend.db);
    userData = await mkdtemp(join(tmpdir(), 'meja-it-restart-'));
  }, 60_000);
  afterAll(async () => {
    await server?.app.close();
    await backend?.close();
    await rm(userData, { recursive: true, force: true });
  });

  it('are kept together, encrypted, and still refuse another certificate; a bare token from an older build is never sent', async () => {
    const a = new Client('Meja admin', server.url);
    const adminId = await a.setUpOffice();
    await a.createUser(adminId, 'budi', ['officer']);
    await a.sync();

    let desktop = await startDesktop(server.url, { userData });
    const probe = await desktop.transport.probe(desktop.serverUrl);
    if (probe.tls !== 'new') throw new Error(probe.tls);
    await desktop.transport.trust(desktop.serverUrl, probe.fingerprint);
    await new Client('Meja desktop', server.url, { transport: desktop.transport, serverUrl: desktop.serverUrl }).join('budi');
    const token = (await desktop.storedToken())!;
    const file = join(userData, 'secrets', 'sync-token.bin');
    // The mocked keychain "encrypts" as enc:<text>: the token, the server and the pin in one secret.
    expect(JSON.parse((await readFile(file, 'utf8')).replace(/^enc:/, ''))).toEqual({ serverUrl: desktop.serverUrl, fingerprint: hex(SERVER_CERT_FINGERPRINT), token });
    await desktop.close();

    desktop = await startDesktop(server.url, { userData });
    await expect(desktop.transport.connection()).resolves.toEqual({ serverUrl: desktop.serverUrl, fingerprint: SERVER_CERT_FINGERPRINT });
    await expect(desktop.transport.pull({ cursor: 0, limit: 10 })).resolves.toMatchObject({ hasMore: false });
    desktop.present(OTHER_CERT);
    await expect(desktop.transport.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'certificate-changed' });
    await desktop.close();

    // An older build kept the bare token (the renderer held it): it is never sent anywhere.
    await mkdir(join(userData, 'secrets'), { recursive: true });
    await writeFile(file, `enc:${token}`);
    desktop = await startDesktop(server.url, { userData });
    await expect(desktop.transport.connection()).resolves.toBeNull();
    await expect(desktop.transport.pull({ cursor: 0, limit: 10 })).rejects.toMatchObject({ code: 'not-connected' });
    expect(desktop.serverRequests).toEqual([]);
    await desktop.close();
  });
});
