/**
 * TLS for the office server (src/server/tls.ts): the self-signed certificate Node's crypto makes
 * is a valid X.509 v3 server certificate for the machine's names; it is made once in
 * DATA_DIR/tls (key 0600, folder 0700), reused, and renewed with the same key near its end;
 * the admin's own PEM files are checked; a server built with it answers over HTTPS with that
 * certificate and reports its fingerprint in /api/health.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildServer, PERMISSIONS_POLICY } from '../../src/server/app';
import { certificateIdentity, defaultHosts, describeTls, fingerprintOfDer, loadTls, makeSelfSigned, RENEW_BEFORE_DAYS, SELF_SIGNED_DAYS, TlsConfigError } from '../../src/server/tls';
import { prepareDataDir, tightenTree } from '../../src/server/data-dir';

const DAY = 86_400_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meja-it-tls-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe('the self-signed certificate', () => {
  it('is an X.509 v3 P-256 server certificate for the given names, signed by its own key, valid 825 days', () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const { key, cert } = makeSelfSigned({ hosts: ['localhost', '127.0.0.1', '::1', 'kantor.lan', '192.168.1.10', 'fd00::1:2'], now });
    const x509 = new X509Certificate(cert);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(x509.ca).toBe(false);
    expect(x509.subject).toContain('O=Meja IT');
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:kantor.lan, IP Address:192.168.1.10, IP Address:FD00:0:0:0:0:0:1:2');
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    for (const host of ['kantor.lan', 'localhost']) expect(x509.checkHost(host)).toBe(host);
    for (const ip of ['192.168.1.10', '127.0.0.1']) expect(x509.checkIP(ip)).toBe(ip);
    expect(x509.checkHost('lain.lan')).toBeUndefined();
    expect(new Date(x509.validFrom).getTime()).toBe(now.getTime() - DAY);
    expect(new Date(x509.validTo).getTime()).toBe(now.getTime() + SELF_SIGNED_DAYS * DAY);
    // Each certificate has its own serial number.
    expect(new X509Certificate(makeSelfSigned({ hosts: ['localhost'], key: createPrivateKey(key) }).cert).serialNumber).not.toBe(x509.serialNumber);
  });

  it('has the fingerprint and SPKI hash OpenSSL computes', () => {
    let openssl = true;
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
    } catch {
      openssl = false;
    }
    if (!openssl) return;
    const { cert } = makeSelfSigned({ hosts: ['localhost'] });
    const file = join(dir, 'openssl.pem');
    writeFileSync(file, cert);
    const identity = certificateIdentity(cert);
    expect(execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256']).toString().trim()).toMatch(new RegExp(`=${identity.fingerprint}$`));
    const spkiDer = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: execFileSync('openssl', ['x509', '-in', file, '-noout', '-pubkey']) });
    expect(execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: spkiDer }).toString('base64')).toBe(identity.spki);
    expect(execFileSync('openssl', ['verify', '-CAfile', file, file]).toString()).toContain(': OK');
  });

  it('names this machine: loopback, its host name, its addresses and TLS_HOSTS', () => {
    const hosts = defaultHosts(['kantor.lan', ' 10.0.0.5 ', '']);
    expect(hosts.slice(0, 3)).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(hosts).toContain('kantor.lan');
    expect(hosts).toContain('10.0.0.5');
    expect(hosts).not.toContain('');
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('TLS settings', () => {
  it('TLS=self-signed makes the key and certificate once in DATA_DIR/tls (0700, 0600), then reuses them', () => {
    const dataDir = join(dir, 'self-signed');
    expect(loadTls({}, dataDir)).toBeNull();
    const made = loadTls({ TLS: 'self-signed' }, dataDir)!;
    expect(made.source).toBe('self-signed-new');
    expect(mode(join(dataDir, 'tls'))).toBe(0o700);
    expect(mode(join(dataDir, 'tls', 'key.pem'))).toBe(0o600);
    expect(mode(join(dataDir, 'tls', 'cert.pem'))).toBe(0o600);
    expect(made.fingerprint).toBe(new X509Certificate(readFileSync(join(dataDir, 'tls', 'cert.pem'))).fingerprint256);
    expect(made.fingerprint).toBe(fingerprintOfDer(new X509Certificate(made.cert).raw));

    const again = loadTls({ TLS: 'self-signed' }, dataDir)!;
    expect([again.source, again.fingerprint, again.spki, again.key]).toEqual(['self-signed-reused', made.fingerprint, made.spki, made.key]);
    const printed = describeTls(again).join('\n');
    expect(printed).toContain(made.fingerprint);
    expect(printed).toContain(made.spki);
  });

  it('renews a certificate near its end with the same key (the SPKI hash stays, the fingerprint changes)', () => {
    const dataDir = join(dir, 'renew');
    const made = loadTls({ TLS: 'self-signed' }, dataDir, new Date('2026-01-01T00:00:00Z'))!;
    const later = new Date(made.notAfter.getTime() - (RENEW_BEFORE_DAYS - 1) * DAY);
    const renewed = loadTls({ TLS: 'self-signed' }, dataDir, later)!;
    expect(renewed.source).toBe('self-signed-renewed');
    expect(renewed.spki).toBe(made.spki);
    expect(renewed.fingerprint).not.toBe(made.fingerprint);
    expect(renewed.notAfter.getTime()).toBe(later.getTime() + SELF_SIGNED_DAYS * DAY);
    expect(describeTls(renewed).join('\n')).toMatch(/renewed/);
    // A lost certificate is made again for the key that is there.
    const file = join(dataDir, 'tls', 'cert.pem');
    rmSync(file);
    const remade = loadTls({ TLS: 'self-signed' }, dataDir, later)!;
    expect([remade.source, remade.spki]).toEqual(['self-signed-renewed', made.spki]);
  });

  it("uses the admin's own PEM files, checked: both given, readable, the key belonging to the certificate", () => {
    const own = join(dir, 'own');
    const a = makeSelfSigned({ hosts: ['kantor.lan'] });
    const b = makeSelfSigned({ hosts: ['kantor.lan'] });
    writeFileSync(`${own}-cert.pem`, a.cert);
    writeFileSync(`${own}-key.pem`, a.key);
    writeFileSync(`${own}-other-key.pem`, b.key);
    const files = loadTls({ TLS_CERT: `${own}-cert.pem`, TLS_KEY: `${own}-key.pem` }, join(dir, 'unused'))!;
    expect(files.source).toBe('files');
    expect(files.fingerprint).toBe(new X509Certificate(a.cert).fingerprint256);
    expect(existsSync(join(dir, 'unused', 'tls'))).toBe(false);

    const refused = (env: Parameters<typeof loadTls>[0], message: RegExp) => expect(() => loadTls(env, join(dir, 'unused'))).toThrow(message);
    refused({ TLS_CERT: `${own}-cert.pem` }, /TLS_CERT and TLS_KEY go together/);
    refused({ TLS_CERT: `${own}-cert.pem`, TLS_KEY: `${own}-other-key.pem` }, /does not belong/);
    refused({ TLS_CERT: `${own}-cert.pem`, TLS_KEY: `${own}-missing.pem` }, /cannot be read/);
    refused({ TLS_CERT: `${own}-key.pem`, TLS_KEY: `${own}-key.pem` }, /not a PEM certificate/);
    refused({ TLS: 'self-signed', TLS_CERT: `${own}-cert.pem`, TLS_KEY: `${own}-key.pem` }, /exclude each other/);
    refused({ TLS: 'yes' }, /TLS must be "self-signed"/);
    expect(() => loadTls({ TLS: 'yes' }, dir)).toThrow(TlsConfigError);
  });
});

describe('a server with HTTPS', () => {
  it('answers /api/health over HTTPS with its certificate, reports that fingerprint, and redirects plain HTTP to https://', async () => {
    const dataDir = join(dir, 'https');
    const webRoot = join(dir, 'https-web');
    await mkdir(webRoot, { recursive: true });
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Meja IT</title>');
    const tls = loadTls({ TLS: 'self-signed' }, dataDir)!;
    const app = await buildServer({ webRoot, dataDir, version: '9.9.9', https: tls });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const answer = await new Promise<{ status: number; body: string; peer: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/health', rejectUnauthorized: false, agent: false }, (res) => {
          const peer = (res.socket as TLSSocket).getPeerCertificate().raw;
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, peer, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(200);
      expect(fingerprintOfDer(answer.peer)).toBe(tls.fingerprint);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok', version: '9.9.9', tls: { fingerprint: tls.fingerprint, spki: tls.spki } });
      expect(answer.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      // Plain HTTP on the same port is redirected to https://, path and query kept; nothing else is served.
      for (const [host, status] of [[`kantor.lan:${port}`, 308], [`[::1]:${port}`, 308], ['evil.example/x', 400]] as const) {
        const plain = await new Promise<{ status: number; location?: string; body: string; csp?: string }>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health?x=1', headers: { host }, agent: false }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body, csp: res.headers['content-security-policy'] as string | undefined }));
          });
          req.on('error', reject);
          req.end();
        });
        expect(plain.status).toBe(status);
        if (status === 308) {
          expect(plain.location).toBe(`https://${host}/api/health?x=1`);
          expect(plain.body).toContain('https://');
          expect(plain.body).not.toContain('"status"');
        }
        expect(plain.csp).toBeTruthy();
      }
      // HTTPS still works after plain requests, and several at once.
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () => new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/api/health', rejectUnauthorized: false, agent: false }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end();
        })),
      );
      expect(statuses).toEqual(Array(8).fill(200));
      // The SPKI hash is that of the key the server presents.
      expect(createPublicKey(tls.key).export({ type: 'spki', format: 'der' }).equals(new X509Certificate(answer.peer).publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(process.platform === 'win32')('the data directory', () => {
  it('tightenTree leaves folders 0700 and files 0600, and changes nothing the second time', async () => {
    const root = join(dir, 'tighten');
    await mkdir(join(root, 'a', 'b'), { recursive: true, mode: 0o755 });
    await writeFile(join(root, 'a', 'b', 'f'), 'x', { mode: 0o666 });
    await writeFile(join(root, 'g'), 'x', { mode: 0o644 });
    expect(tightenTree(root)).toBeGreaterThan(0);
    for (const p of [root, join(root, 'a'), join(root, 'a', 'b')]) expect(mode(p)).toBe(0o700);
    for (const p of [join(root, 'a', 'b', 'f'), join(root, 'g')]) expect(mode(p)).toBe(0o600);
    expect(tightenTree(root)).toBe(0);
  });

  it('prepareDataDir makes DATA_DIR 0700 and tightens only the server\'s own folders in it', async () => {
    // prepareDataDir sets the process umask (077), as the server wants; this worker gets its own back.
    const umask = process.umask(0o022);
    process.umask(umask);
    onTestFinished(() => void process.umask(umask));
    const own = join(dir, 'data-own');
    await mkdir(join(own, 'pglite', 'base'), { recursive: true, mode: 0o755 });
    await writeFile(join(own, 'pglite', 'PG_VERSION'), '17', { mode: 0o666 });
    await chmod(own, 0o755);
    expect(prepareDataDir(own)).toEqual({ foreign: [] });
    expect([mode(own), mode(join(own, 'pglite')), mode(join(own, 'pglite', 'base')), mode(join(own, 'pglite', 'PG_VERSION'))]).toEqual([0o700, 0o700, 0o700, 0o600]);

    // A folder that is not the server's alone (a mistaken DATA_DIR=/home/budi) keeps its mode and its other files.
    const shared = join(dir, 'data-shared');
    await mkdir(join(shared, 'Dokumen'), { recursive: true });
    await writeFile(join(shared, 'catatan.txt'), 'x');
    await chmod(join(shared, 'Dokumen'), 0o755);
    await chmod(join(shared, 'catatan.txt'), 0o644);
    await chmod(shared, 0o755);
    expect(prepareDataDir(shared)).toEqual({ foreign: ['Dokumen', 'catatan.txt'] });
    expect([mode(shared), mode(join(shared, 'Dokumen')), mode(join(shared, 'catatan.txt'))]).toEqual([0o755, 0o755, 0o644]);

    // A new one is made 0700.
    const fresh = join(dir, 'data-fresh', 'nested');
    expect(prepareDataDir(fresh)).toEqual({ foreign: [] });
    expect(mode(fresh)).toBe(0o700);
  });
});
