/**
 * HTTPS for the office server (docs/shells.md "TLS"). Either the admin's own PEM files
 * (TLS_CERT + TLS_KEY), or `TLS=self-signed`: a P-256 key and a self-signed certificate made
 * with Node's crypto on the first start in DATA_DIR/tls/ and reused afterwards. Every start
 * prints the certificate's SHA-256 fingerprint (what a desktop console shows for trust on first
 * use, and what a browser shows in its certificate viewer) and the SHA-256 of its public key
 * (SPKI, base64: what Chromium's --ignore-certificate-errors-spki-list takes).
 *
 * Node can sign but not write certificates, so the certificate is written here in DER by hand
 * (X.509 v3, RFC 5280): a few dozen lines instead of a dependency, checked by Node's own
 * X509Certificate parser and by Chromium in the tests.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from './data-dir';

/** What the server needs to listen over HTTPS, and what it tells people about it. */
export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 of the certificate (DER), upper-case hex pairs joined by colons, as browsers show it. */
  fingerprint: string;
  /** SHA-256 of the certificate's SubjectPublicKeyInfo, base64 (Chromium's SPKI hash). */
  spki: string;
  /** Where it came from: the admin's files, or a self-signed certificate made now or earlier. */
  source: 'files' | 'self-signed-new' | 'self-signed-reused' | 'self-signed-renewed';
  certPath: string;
  notAfter: Date;
}

/** A self-signed certificate is valid this long (825 days: the longest Apple platforms accept). */
export const SELF_SIGNED_DAYS = 825;
/** A self-signed certificate this close to its end is renewed at start, with the same key. */
export const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

export class TlsConfigError extends Error {}

// ---------------------------------------------------------------------------- DER

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
};
const seq = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
/** A context-specific constructed tag ([n] EXPLICIT). */
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);

/** A non-negative INTEGER from big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return tlv(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), b);

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
};

const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), octets(value));

/** An IPv4 or IPv6 address as the 4 or 16 bytes of an iPAddress name. */
function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const parts = (s: string | undefined) => (s ? s.split(':') : []);
  const left = parts(head);
  const right = parts(tail);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return Buffer.concat(groups.map((g) => { const b = Buffer.alloc(2); b.writeUInt16BE(parseInt(g, 16)); return b; }));
}

export interface SelfSignedOptions {
  /** Host names and IP addresses the certificate names (subjectAltName). */
  hosts: readonly string[];
  /** Reuse this key (renewal keeps the SPKI hash). */
  key?: KeyObject;
  now?: Date;
  days?: number;
}

/** Makes a self-signed server certificate (PEM) and its key. */
export function makeSelfSigned(options: SelfSignedOptions): { key: string; cert: string } {
  const now = options.now ?? new Date();
  const privateKey = options.key ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const name = seq(
    set(seq(oid(OID.commonName), utf8(`Meja IT server (${options.hosts.find((h) => !isIP(h) && h !== 'localhost') ?? 'kantor'})`))),
    set(seq(oid(OID.organization), utf8('Meja IT'))),
  );
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const altNames = [...new Set(options.hosts)].map((h) => (isIP(h) ? tlv(0x87, ipBytes(h)) : tlv(0x82, Buffer.from(h, 'ascii'))));
  // The subjectPublicKey BIT STRING's content, for the key identifier.
  const keyBits = spki.subarray(spki.length - 65);
  const algorithm = seq(oid(OID.ecdsaWithSha256));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    seq(time(new Date(now.getTime() - DAY_MS)), time(new Date(now.getTime() + (options.days ?? SELF_SIGNED_DAYS) * DAY_MS))),
    name,
    spki,
    explicit(3, seq(
      extension(OID.basicConstraints, true, seq()),
      extension(OID.keyUsage, true, bits(Buffer.from([0x80]), 7)), // digitalSignature
      extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))),
      extension(OID.subjectAltName, false, seq(...altNames)),
      extension(OID.subjectKeyIdentifier, false, octets(createHash('sha1').update(keyBits).digest())),
    )),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, algorithm, bits(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert };
}

// ---------------------------------------------------------------------------- identities

/** The certificate's SHA-256 fingerprint (AB:CD:…) and SPKI SHA-256 (base64). */
export function certificateIdentity(certPem: string): { fingerprint: string; spki: string; notAfter: Date } {
  const x509 = new X509Certificate(certPem);
  const spkiDer = x509.publicKey.export({ type: 'spki', format: 'der' });
  return { fingerprint: x509.fingerprint256, spki: createHash('sha256').update(spkiDer).digest('base64'), notAfter: new Date(x509.validTo) };
}

/** The SHA-256 fingerprint of a DER certificate (as a TLS socket's peer certificate gives it), in the same form. */
export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/** The names a self-signed certificate covers: loopback, this machine's name and its addresses, and TLS_HOSTS. */
export function defaultHosts(extra: readonly string[] = []): string[] {
  const hosts = ['localhost', '127.0.0.1', '::1'];
  const name = hostname();
  if (name) hosts.push(name, ...(name.includes('.') ? [] : [`${name}.local`]));
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && !a.address.startsWith('fe80:')) hosts.push(a.address);
  }
  return [...new Set([...hosts, ...extra.map((h) => h.trim()).filter(Boolean)])];
}

// ---------------------------------------------------------------------------- configuration

export interface TlsEnv {
  TLS?: string;
  TLS_CERT?: string;
  TLS_KEY?: string;
  /** Extra names for a self-signed certificate, comma-separated. */
  TLS_HOSTS?: string;
}

function checkPair(key: string, cert: string, where: string): void {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new TlsConfigError(`${where}: the certificate is not a PEM certificate.`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsConfigError(`${where}: the key is not a PEM private key (or it is encrypted).`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw new TlsConfigError(`${where}: the key does not belong to the certificate.`);
}

/**
 * Reads TLS settings from the environment: null for plain HTTP, else the key and certificate.
 * Throws TlsConfigError with an explanation when the settings are wrong.
 */
export function loadTls(env: TlsEnv, dataDir: string, now = new Date()): TlsMaterial | null {
  const mode = (env.TLS ?? '').trim();
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new TlsConfigError('TLS_CERT and TLS_KEY go together: give both PEM files.');
    if (mode && mode !== 'files') throw new TlsConfigError(`TLS=${mode} and TLS_CERT/TLS_KEY exclude each other.`);
    let cert: string;
    let key: string;
    try {
      cert = readFileSync(env.TLS_CERT, 'utf8');
      key = readFileSync(env.TLS_KEY, 'utf8');
    } catch (error) {
      throw new TlsConfigError(`TLS_CERT/TLS_KEY cannot be read: ${(error as Error).message}`);
    }
    checkPair(key, cert, 'TLS_CERT/TLS_KEY');
    return { key, cert, ...certificateIdentity(cert), source: 'files', certPath: env.TLS_CERT };
  }
  if (mode === '' || mode === 'off') return null;
  if (mode !== 'self-signed') throw new TlsConfigError(`TLS must be "self-signed" (or unset, with TLS_CERT and TLS_KEY for your own files), got "${mode}".`);

  const dir = join(dataDir, 'tls');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  ensurePrivateDir(dir);
  const hosts = defaultHosts((env.TLS_HOSTS ?? '').split(','));
  if (existsSync(keyPath)) {
    const key = readFileSync(keyPath, 'utf8');
    chmodSync(keyPath, 0o600);
    let cert = existsSync(certPath) ? readFileSync(certPath, 'utf8') : '';
    if (cert) {
      checkPair(key, cert, certPath);
      const identity = certificateIdentity(cert);
      if (identity.notAfter.getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS) {
        return { key, cert, ...identity, source: 'self-signed-reused', certPath };
      }
    }
    // Missing or about to expire: a new certificate for the same key (the SPKI hash stays).
    cert = makeSelfSigned({ hosts, key: createPrivateKey(key), now }).cert;
    writePrivateFile(certPath, cert);
    return { key, cert, ...certificateIdentity(cert), source: 'self-signed-renewed', certPath };
  }
  const made = makeSelfSigned({ hosts, now });
  writePrivateFile(keyPath, made.key);
  writePrivateFile(certPath, made.cert);
  return { ...made, ...certificateIdentity(made.cert), source: 'self-signed-new', certPath };
}

/** The lines the server prints about its certificate on every start (English / Indonesian). */
export function describeTls(tls: TlsMaterial): string[] {
  const origin = {
    files: `certificate from TLS_CERT (${tls.certPath})`,
    'self-signed-new': `new self-signed certificate, saved in ${tls.certPath} / sertifikat baru dibuat`,
    'self-signed-reused': `self-signed certificate ${tls.certPath}`,
    'self-signed-renewed': `self-signed certificate renewed (same key), ${tls.certPath} / sertifikat diperbarui — periksa ulang sidik jari di konsol`,
  }[tls.source];
  return [
    `Meja IT: HTTPS — ${origin}, valid until ${tls.notAfter.toISOString().slice(0, 10)}`,
    `Meja IT: certificate SHA-256 fingerprint / sidik jari SHA-256 sertifikat:`,
    `  ${tls.fingerprint}`,
    `Meja IT: SPKI SHA-256 (base64, --ignore-certificate-errors-spki-list): ${tls.spki}`,
  ];
}
