/**
 * The office server as `npm run serve` starts it (src/server/main.ts in a child process, its own
 * DATA_DIR and port), deployed the way the README's "Memasang server kantor" says:
 *   - TLS=self-signed makes a certificate on the first start and prints its SHA-256 fingerprint
 *     and SPKI hash; HTTPS answers /api/health with exactly that certificate, and the restart
 *     reuses it;
 *   - DATA_DIR and everything in it (PGlite's cluster, the TLS key) are owner-only: 0700/0600;
 *   - a push the server acknowledged survives the process being killed (SIGKILL) right after
 *     the answer: PGlite writes through to the files before the transaction's COMMIT returns.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type RequestOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@shared/ids';
import { hashPassword } from '@shared/password';
import { SCHEMA_VERSION, type PullResponse, type PushResponse, type SignInResponse } from '@shared/sync/protocol';
import { TestDevice } from './helpers/device';

const ROOT = resolve(import.meta.dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  output: string;
  fingerprint: string;
  spki: string;
}

/** Starts src/server/main.ts as `npm run serve` would (one node process, so a kill hits the server itself). */
function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Meja IT: (https?:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      const fingerprint = /sidik jari SHA-256 sertifikat:\n\s+([0-9A-F:]{95})/.exec(output)?.[1] ?? '';
      const spki = /SPKI SHA-256 \(base64, --ignore-certificate-errors-spki-list\): (\S+)/.exec(output)?.[1] ?? '';
      resolvePromise({ child, url, output, fingerprint, spki });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}):\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

interface Answer<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  /** The server certificate's SHA-256, as the client saw it. */
  peerFingerprint: string;
}

/** An HTTPS call; `ca` trusts the server's certificate, else the certificate is not checked (it is compared by fingerprint). */
function call<T>(url: string, path: string, opts: { method?: string; body?: unknown; token?: string; ca?: string; onAnswer?: () => void } = {}): Promise<Answer<T>> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const options: RequestOptions = {
    method: opts.method ?? (payload ? 'POST' : 'GET'),
    headers: {
      ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    ...(opts.ca ? { ca: opts.ca } : { rejectUnauthorized: false }),
    agent: false,
  };
  return new Promise((resolvePromise, reject) => {
    const req = request(new URL(path, url), options, (res) => {
      const der = (res.socket as TLSSocket).getPeerCertificate().raw;
      const peerFingerprint = createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        // Called the moment the whole answer is in, before anything else runs.
        opts.onAnswer?.();
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') as T, peerFingerprint });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Every entry under `dir` (itself included) with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  const visit = (p: string) => {
    const s = lstatSync(p);
    if (s.isSymbolicLink()) return;
    out.push({ path: p, dir: s.isDirectory(), mode: s.mode & 0o777 });
    if (s.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
  };
  visit(dir);
  return out;
}

describe.skipIf(process.platform === 'win32')('the office server deployed with TLS (child process)', () => {
  let dir: string;
  let dataDir: string;
  let webRoot: string;
  let server: Started | undefined;
  let first: Started;
  let cert: string;
  const admin = new TestDevice('Meja admin');
  const adminId = newId();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'meja-it-deploy-'));
    // DATA_DIR does not exist yet: the server creates it.
    dataDir = join(dir, 'data');
    webRoot = join(dir, 'web');
    await mkdir(webRoot);
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Meja IT</title><div id="root"></div>');
  }, 30_000);

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGKILL');
      await exited(server.child);
    }
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ DATA_DIR: dataDir, WEB_ROOT: webRoot, TLS: 'self-signed', TLS_HOSTS: 'kantor.lan' });

  it('makes a certificate on the first start, prints its fingerprint and SPKI hash, and answers /api/health over HTTPS with it', async () => {
    server = first = await startServer(env());
    expect(first.url).toMatch(/^https:\/\//);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    cert = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');

    const health = await call<{ status: string; tls: { fingerprint: string; spki: string } }>(first.url, '/api/health');
    expect(health.status).toBe(200);
    expect(health.peerFingerprint).toBe(first.fingerprint);
    expect(health.body.status).toBe('ok');
    expect(health.body.tls).toEqual({ fingerprint: first.fingerprint, spki: first.spki });
    expect(health.headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(health.headers['strict-transport-security']).toBeUndefined();
    // Plain HTTP on the same port only redirects to https://.
    const plain = await fetch(`${first.url.replace(/^https:/, 'http:')}/api/health`, { redirect: 'manual' });
    expect([plain.status, plain.headers.get('location')]).toEqual([308, `${first.url}/api/health`]);
    // The certificate also validates as itself for the names it carries (a client that trusts it, no fingerprint needed).
    expect((await call(first.url, '/api/health', { ca: cert })).status).toBe(200);
  }, 240_000);

  it('keeps DATA_DIR and everything in it (PGlite, the TLS key) to its owner: folders 0700, files 0600', () => {
    const entries = modes(dataDir);
    expect(entries.some((e) => e.path.endsWith(join('pglite', 'PG_VERSION')))).toBe(true);
    expect(entries.some((e) => e.path.endsWith(join('tls', 'key.pem')))).toBe(true);
    expect(entries.filter((e) => e.dir && e.mode !== 0o700).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(entries.filter((e) => !e.dir && e.mode !== 0o600).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
  });

  it('a push acknowledged right before the process is killed survives the restart, and the restart reuses the certificate', async () => {
    const url = first.url;
    const password = await hashPassword('rahasia123', 1000);
    await admin.run({ userId: adminId, roles: ['admin'] }, {
      type: 'org.setUp',
      input: {
        profile: { name: 'Dinas Kominfo', unit: 'Bidang TIK', address: 'Jl. Merdeka No. 1', timeZone: 'WITA', badgePool: ['B-01'], docPrefix: 'TIK', idleLockMinutes: 15 },
        admin: { id: adminId, username: 'admin', displayName: 'Admin Kantor', roles: ['admin'], password },
      },
    });
    const { challenge } = (await call<{ challenge: string }>(url, '/api/auth/challenge', { body: { schemaVersion: SCHEMA_VERSION, deviceId: admin.id }, ca: cert })).body;
    const boot = await call<SignInResponse>(url, '/api/auth/bootstrap', {
      body: { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, deviceName: admin.name, events: admin.made, ...(await admin.proof(challenge)) },
      ca: cert,
    });
    expect(boot.status).toBe(200);
    admin.token = boot.body.token;

    for (let i = 0; i < 5; i++) {
      await admin.run(adminId, { type: 'user.create', input: { id: newId(), username: `petugas${i}`, displayName: `Petugas ${i}`, roles: ['officer'], password } });
    }
    const batch = admin.made.slice(-5);
    const child = first.child;
    const pushed = await call<PushResponse>(url, '/api/sync/push', {
      body: { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, events: batch, deviceSignature: await admin.pushSignature(batch) },
      token: admin.token,
      ca: cert,
      // The power goes the moment the answer is in: no shutdown, no flush.
      onAnswer: () => child.kill('SIGKILL'),
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((r) => r.status)).toEqual(batch.map(() => 'accepted'));
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');

    server = await startServer(env());
    expect(server.output).toContain('self-signed certificate');
    expect(server.output).not.toContain('new self-signed certificate');
    expect([server.fingerprint, server.spki]).toEqual([first.fingerprint, first.spki]);
    expect(readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8')).toBe(cert);

    const pulled = await call<PullResponse>(server.url, '/api/sync/pull', { body: { schemaVersion: SCHEMA_VERSION, cursor: 0, limit: 1000 }, token: admin.token, ca: cert });
    expect(pulled.status).toBe(200);
    const stored = pulled.body.events.filter((s) => s.event.deviceId === admin.id);
    expect(stored.map((s) => s.event.id)).toEqual(admin.made.map((e) => e.id));
    expect(stored.slice(-5).map((s) => s.serverVersion)).toEqual(pushed.body.results.map((r) => r.serverVersion));
    expect(stored.every((s) => s.status === 'accepted')).toBe(true);
    // The same push again is answered from what was stored, nothing twice.
    const again = await call<PushResponse>(server.url, '/api/sync/push', {
      body: { schemaVersion: SCHEMA_VERSION, deviceId: admin.id, events: batch, deviceSignature: await admin.pushSignature(batch) },
      token: admin.token,
      ca: cert,
    });
    expect(again.body.results).toEqual(pushed.body.results);
    // Still owner-only after a restart on existing data.
    expect(modes(dataDir).filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))).toEqual([]);
  }, 300_000);
});
