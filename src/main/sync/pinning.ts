/**
 * Certificate pinning for the sync server (trust on first use), as pure functions: what
 * Electron's certificate verify procedure answers for a certificate, given the pin, and what a
 * server address may be. src/main/sync/network.ts installs them on the sync sessions.
 *
 * The pin is the SHA-256 of the server certificate's DER bytes — the fingerprint the server
 * prints at start (`openssl x509 -fingerprint -sha256`, Node's X509Certificate.fingerprint256).
 * A pinned certificate is trusted whatever Chromium thinks of its issuer or its name (an office
 * server's certificate is self-signed, often for an IP address); any other certificate is
 * refused, even one a public authority signed.
 */
import { createHash } from 'node:crypto';
import { SyncError } from '../../shared/sync/transport';

/** Electron's verify-proc answers: 0 trusts the certificate, -2 refuses it. */
export const TRUST = 0;
export const REFUSE = -2;

/** The SHA-256 of a PEM certificate's DER bytes, 64 lower-case hex digits; null when it is not PEM. */
export function certificateFingerprint(pem: string): string | null {
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!match) return null;
  const der = Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64');
  if (der.length === 0) return null;
  return createHash('sha256').update(der).digest('hex');
}

/** A host name as pins compare it: lower case, an IPv6 address without its brackets. */
export const hostKey = (hostname: string): string => hostname.toLowerCase().replace(/^\[|\]$/g, '');

/** Which certificate a sync session trusts: one host name and one fingerprint. */
export interface Pin {
  hostname: string;
  /** 64 lower-case hex digits. */
  fingerprint: string;
}

/** What Electron's setCertificateVerifyProc hands the procedure (the fields used here). */
export interface VerifyRequest {
  hostname: string;
  certificate: { data: string };
}

export interface Verdict {
  result: typeof TRUST | typeof REFUSE;
  /** The presented certificate's fingerprint (null when it could not be read). */
  fingerprint: string | null;
}

/**
 * The answer for a certificate: trusted only for the pinned host with exactly the pinned
 * fingerprint. No pin (a session that must not speak TLS, or the probe): refused.
 */
export function verifyCertificate(request: VerifyRequest, pin: Pin | null): Verdict {
  const fingerprint = certificateFingerprint(request.certificate?.data ?? '');
  if (!pin || fingerprint === null) return { result: REFUSE, fingerprint };
  const trusted = hostKey(request.hostname) === hostKey(pin.hostname) && fingerprint === pin.fingerprint;
  return { result: trusted ? TRUST : REFUSE, fingerprint };
}

/** True for this machine's own addresses, where plain http does not cross a network. */
export function isLoopback(hostname: string): boolean {
  const host = hostKey(hostname);
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A sync server's address as main uses it. */
export interface ServerAddress {
  /** The URL without a trailing slash: requests go to `${url}/api/…`. */
  url: string;
  /** scheme://host:port, the key of a pin. */
  origin: string;
  hostname: string;
  tls: boolean;
}

/**
 * Parses the address the admin typed. https anywhere; plain http only to this machine (a
 * password and a token must not cross the office network in clear). No user name, password,
 * query or fragment.
 */
export function serverAddress(raw: string): ServerAddress {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new SyncError('server-url', 'sync.errors.url');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new SyncError('server-url', 'sync.errors.url');
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '' || parsed.hostname === '') throw new SyncError('server-url', 'sync.errors.url');
  const tls = parsed.protocol === 'https:';
  if (!tls && !isLoopback(parsed.hostname)) throw new SyncError('https-required', 'sync.errors.httpsRequired');
  const url = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  return { url, origin: parsed.origin, hostname: parsed.hostname.replace(/^\[|\]$/g, ''), tls };
}
