/**
 * The sync transport's network: Electron sessions whose certificate verify procedure is the
 * pin (./pinning.ts). Chromium caches a verify procedure's answers per session, so each pin
 * (host + fingerprint) gets its own in-memory session, whose answers never change; a new pin is
 * a new session. A probe (learning a server's fingerprint) uses a fresh session that records
 * the certificate and refuses it, so nothing is ever sent to a server nobody confirmed.
 * Requests are `net.fetch` on those sessions (`session.fetch`): Chromium's network stack,
 * the system's proxy settings, never the renderer.
 */
import { SyncError } from '../../shared/sync/transport';
import { hostKey, REFUSE, TRUST, verifyCertificate, type Pin, type ServerAddress, type VerifyRequest } from './pinning';

/** What the transport needs of an Electron Session. */
export interface NetSession {
  fetch(input: string, init?: RequestInit): Promise<Response>;
  setCertificateVerifyProc(proc: ((request: VerifyRequest, callback: (result: number) => void) => void) | null): void;
}

export interface NetworkDeps {
  /** session.fromPartition(name): a name without 'persist:' is an in-memory session. */
  fromPartition: (name: string) => NetSession;
}

/** A fetch under one pin, and what its verify procedure refused (host name → fingerprint). */
export interface PinnedFetch {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The fingerprint of a certificate this session refused for `hostname`, if any. */
  refused: (hostname: string) => string | undefined;
}

export interface SyncNetwork {
  /** Requests under `pin`; null for plain http to this machine (any certificate is refused). */
  pinned(pin: Pin | null): PinnedFetch;
  /** The fingerprint of the certificate `address` presents. Sends no request data: the handshake is refused. */
  probe(address: ServerAddress): Promise<string>;
}

export function createSyncNetwork(deps: NetworkDeps): SyncNetwork {
  const sessions = new Map<string, PinnedFetch>();
  let made = 0;

  function pinned(pin: Pin | null): PinnedFetch {
    const key = pin ? `${hostKey(pin.hostname)} ${pin.fingerprint}` : 'plain';
    const existing = sessions.get(key);
    if (existing) return existing;
    const session = deps.fromPartition(`meja-it-sync-${(made += 1)}`);
    const refusals = new Map<string, string>();
    session.setCertificateVerifyProc((request, callback) => {
      const verdict = verifyCertificate(request, pin);
      const host = hostKey(request.hostname);
      if (verdict.result === TRUST) refusals.delete(host);
      else if (verdict.fingerprint) refusals.set(host, verdict.fingerprint);
      callback(verdict.result);
    });
    const entry: PinnedFetch = {
      fetch: (url, init) => session.fetch(url, init),
      refused: (hostname) => refusals.get(hostKey(hostname)),
    };
    sessions.set(key, entry);
    return entry;
  }

  async function probe(address: ServerAddress): Promise<string> {
    const session = deps.fromPartition(`meja-it-probe-${(made += 1)}`);
    let seen: string | null = null;
    session.setCertificateVerifyProc((request, callback) => {
      if (hostKey(request.hostname) === hostKey(address.hostname)) seen = verifyCertificate(request, null).fingerprint ?? seen;
      callback(REFUSE);
    });
    try {
      await session.fetch(`${address.url}/api/health`, { method: 'GET' });
    } catch {
      // Refused by the procedure above, as intended (or unreachable: then nothing was seen).
    }
    if (seen === null) throw new SyncError('offline', 'sync.errors.offline');
    return seen;
  }

  return { pinned, probe };
}
