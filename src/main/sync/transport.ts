/**
 * The desktop's sync transport, in the main process (docs/shells.md "Sync transport"). The
 * renderer asks over IPC (./ipc.ts); main performs every request with Electron's networking
 * (./network.ts), keeps the device token in the OS keychain (services/secrets.ts) and never
 * hands it back: sign-in and bootstrap answers reach the renderer as `{userId}`.
 *
 * Trust: an https server's certificate is pinned on first use. `probe` learns its fingerprint
 * without sending anything; the admin compares it with the one the server printed and `trust`s
 * it; the sign-in that follows stores the token together with the server and that pin. A token
 * is only ever sent to the server that issued it, under the certificate pinned when it was
 * issued: pinning another certificate (an admin re-pinning after a change) takes effect for the
 * sign-in that follows, which replaces the token. Plain http is allowed to this machine only.
 */
import { z } from 'zod';
import { syncHttp, parseSse, type FetchLike, type Target } from '../../shared/sync/http-client';
import {
  formatFingerprint, normaliseFingerprint, SyncError, type AuditPageRequest, type BootstrapInput, type KeyProofInput, type PushInput, type ServerProbe, type SignedIn, type SignInInput, type SnapshotPage,
  type SyncConnection, type SyncStreamEvent,
} from '../../shared/sync/transport';
import type { RecordKind } from '../../shared/events';
import { readSecret, writeSecret, type SecretDeps } from '../services/secrets';
import { serverAddress, type Pin, type ServerAddress } from './pinning';
import type { PinnedFetch, SyncNetwork } from './network';

/** Where the poke stream's events go: the window that subscribed (WebContents.send). */
export interface PokeSink {
  readonly id: number;
  send(type: SyncStreamEvent): void;
  isDestroyed(): boolean;
}

export interface MainSyncDeps {
  network: SyncNetwork;
  /** The OS keychain store: 'sync-token' holds the token with its server and pin, in one file. */
  secrets: SecretDeps;
  /** Milliseconds before a dropped poke stream is opened again (5 s). */
  reopenMs?: number;
  /** A poke stream silent for this long (the server sends a heartbeat every 15 s) is reopened (45 s). */
  idleMs?: number;
  logError?: (what: string, error: unknown) => void;
}

/**
 * The server this console is signed in to, the certificate pinned when the token was issued and
 * the token, kept together as one encrypted secret: they are written at once, so a token is
 * never paired with another server.
 */
const storedSession = z.strictObject({
  serverUrl: z.string().min(1).max(1024),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  token: z.string().min(1).max(1024),
});
type StoredConnection = Omit<z.infer<typeof storedSession>, 'token'>;

export type MainSyncTransport = ReturnType<typeof createMainSyncTransport>;

export function createMainSyncTransport(deps: MainSyncDeps) {
  const logError = deps.logError ?? ((what, error) => console.error(`[sync ${what}]`, error));
  /** Fingerprints the admin confirmed for a sign-in that has not happened yet, by origin. */
  const confirmed = new Map<string, string>();
  /** The fingerprint each https origin presented at its last probe. */
  const probed = new Map<string, string>();
  let cache: { connection: StoredConnection | null; token: string | null } | null = null;

  async function load(): Promise<{ connection: StoredConnection | null; token: string | null }> {
    if (cache) return cache;
    const { value } = await readSecret(deps.secrets, { name: 'sync-token' });
    let parsed: ReturnType<typeof storedSession.safeParse> | null = null;
    try {
      parsed = value ? storedSession.safeParse(JSON.parse(value)) : null;
    } catch {
      parsed = null;
    }
    // A bare token without its server (written by an older build, which let the renderer hold
    // it) is never sent anywhere: this console connects once more.
    cache = parsed?.success ? { connection: { serverUrl: parsed.data.serverUrl, fingerprint: parsed.data.fingerprint }, token: parsed.data.token } : { connection: null, token: null };
    return cache;
  }

  /** Without a keychain the write is refused (errors.bridge.noKeychain) and nothing changes. */
  async function save(connection: StoredConnection | null, token: string | null): Promise<void> {
    const value = connection && token ? JSON.stringify({ ...connection, token }) : null;
    await writeSecret(deps.secrets, { name: 'sync-token', value });
    cache = value ? { connection, token } : { connection: null, token: null };
  }

  const pinOf = (address: ServerAddress, fingerprint: string | null): Pin | null => (address.tls && fingerprint ? { hostname: address.hostname, fingerprint } : null);

  /** The API over the session of `pin`; a request that got no answer because the certificate was refused says so. */
  function httpFor(address: ServerAddress, pin: Pin | null): { http: ReturnType<typeof syncHttp>; net: PinnedFetch } {
    const net = deps.network.pinned(pin);
    const fetch: FetchLike = (url, init) => net.fetch(url, init as RequestInit);
    const offline = () => (address.tls && net.refused(address.hostname) ? new SyncError('certificate-changed', 'sync.errors.certificateChanged') : new SyncError('offline', 'sync.errors.offline'));
    return { http: syncHttp(fetch, offline), net };
  }

  /** Where a connecting call (challenge, sign-in, bootstrap) goes, under the pin the admin confirmed. */
  async function connecting(serverUrl: string): Promise<{ address: ServerAddress; fingerprint: string | null; http: ReturnType<typeof syncHttp> }> {
    const address = serverAddress(serverUrl);
    let fingerprint: string | null = null;
    if (address.tls) {
      const { connection } = await load();
      const current = connection && serverAddress(connection.serverUrl).origin === address.origin ? connection.fingerprint : null;
      fingerprint = confirmed.get(address.origin) ?? current;
      if (!fingerprint) throw new SyncError('certificate-unconfirmed', 'sync.errors.certificateUnconfirmed');
    }
    return { address, fingerprint, http: httpFor(address, pinOf(address, fingerprint)).http };
  }

  /** The connected server and its token, for every other call. */
  async function connected(): Promise<{ target: Target; address: ServerAddress; pin: Pin | null; http: ReturnType<typeof syncHttp> }> {
    const { connection, token } = await load();
    if (!connection || !token) throw new SyncError('not-connected', 'sync.errors.unauthorized', 401);
    const address = serverAddress(connection.serverUrl);
    const pin = pinOf(address, connection.fingerprint);
    return { target: { base: address.url, token }, address, pin, http: httpFor(address, pin).http };
  }

  async function signedIn(address: ServerAddress, fingerprint: string | null, res: { token?: unknown; userId?: unknown }): Promise<SignedIn> {
    if (typeof res.token !== 'string' || res.token === '' || res.token.length > 1024 || typeof res.userId !== 'string') {
      throw new SyncError('malformed', 'sync.errors.server');
    }
    await save({ serverUrl: address.url, fingerprint }, res.token);
    confirmed.delete(address.origin);
    // Only the user id crosses to the renderer.
    return { userId: res.userId };
  }

  const streams = new Map<number, () => void>();

  /**
   * The poke stream for one window: a ticket (or, from a server without tickets, the token in a
   * header — never in a URL), then the SSE response read as it arrives. 'open', each 'poke', and
   * 'error' when it drops or cannot open (then it is opened again after a pause); a refused token
   * stops it (the next sync round says why).
   */
  function openPokes(sink: PokeSink): void {
    streams.get(sink.id)?.();
    let closed = false;
    let abort: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      closed = true;
      clearTimeout(timer);
      abort?.abort();
      if (streams.get(sink.id) === stop) streams.delete(sink.id);
    };
    streams.set(sink.id, stop);
    const emit = (type: SyncStreamEvent) => {
      if (closed) return;
      if (sink.isDestroyed()) return stop();
      sink.send(type);
    };
    const again = () => {
      if (!closed) timer = setTimeout(() => void run(), deps.reopenMs ?? 5000);
    };
    const run = async (): Promise<void> => {
      let idle: ReturnType<typeof setTimeout> | undefined;
      try {
        const { target, address, pin, http } = await connected();
        const ticket = await http.eventsTicket(target);
        const url = `${target.base}/api/sync/events${ticket !== null ? `?ticket=${encodeURIComponent(ticket)}` : ''}`;
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (ticket === null) headers['authorization'] = `Bearer ${target.token}`;
        abort = new AbortController();
        const controller = abort;
        const net = deps.network.pinned(pin);
        const res = await net.fetch(url, { method: 'GET', headers, signal: controller.signal }).catch((error: unknown) => {
          throw address.tls && net.refused(address.hostname) ? new SyncError('certificate-changed', 'sync.errors.certificateChanged') : error;
        });
        if (!res.ok || !res.body) throw new SyncError(`http-${res.status}`, 'sync.errors.server', res.status);
        emit('open');
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        const watchdog = () => {
          clearTimeout(idle);
          idle = setTimeout(() => controller.abort(), deps.idleMs ?? 45_000);
        };
        watchdog();
        for (;;) {
          const { done, value } = await reader.read();
          if (done || closed) break;
          watchdog();
          const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
          buffer = parsed.rest;
          for (const frame of parsed.frames) if (frame.event === 'poke') emit('poke');
        }
        clearTimeout(idle);
        if (closed) return;
        emit('error');
        again();
      } catch (error) {
        clearTimeout(idle);
        if (closed) return;
        if (error instanceof SyncError && error.code === 'not-connected') return stop();
        emit('error');
        if (error instanceof SyncError && (error.status === 401 || error.status === 403)) return stop();
        if (!(error instanceof SyncError) && !(error instanceof Error && error.name === 'AbortError')) logError('pokes', error);
        again();
      }
    };
    void run();
  }

  return {
    connection: async (): Promise<SyncConnection | null> => {
      const { connection, token } = await load();
      return connection && token ? { serverUrl: connection.serverUrl, fingerprint: connection.fingerprint ? formatFingerprint(connection.fingerprint) : null } : null;
    },

    probe: async (serverUrl: string): Promise<ServerProbe> => {
      const address = serverAddress(serverUrl);
      if (!address.tls) return { tls: 'none' };
      const seen = await deps.network.probe(address);
      probed.set(address.origin, seen);
      const { connection } = await load();
      const pinned = connection && serverAddress(connection.serverUrl).origin === address.origin ? connection.fingerprint : null;
      const fingerprint = formatFingerprint(seen);
      if (pinned === seen || (!pinned && confirmed.get(address.origin) === seen)) return { tls: 'pinned', fingerprint };
      if (pinned) return { tls: 'changed', fingerprint, pinned: formatFingerprint(pinned) };
      return { tls: 'new', fingerprint };
    },

    /** Only a certificate this server actually presented at the last probe can be trusted. */
    trust: async (serverUrl: string, fingerprint: string): Promise<{ trusted: true }> => {
      const address = serverAddress(serverUrl);
      const wanted = normaliseFingerprint(fingerprint);
      if (!address.tls || !wanted || probed.get(address.origin) !== wanted) throw new SyncError('certificate-unconfirmed', 'sync.errors.certificateUnconfirmed');
      confirmed.set(address.origin, wanted);
      return { trusted: true };
    },

    challenge: async (serverUrl: string, deviceId: string) => {
      const { address, http } = await connecting(serverUrl);
      return http.challenge({ base: address.url }, deviceId);
    },

    signIn: async (serverUrl: string, body: SignInInput): Promise<SignedIn> => {
      const { address, fingerprint, http } = await connecting(serverUrl);
      return signedIn(address, fingerprint, await http.signIn({ base: address.url }, body));
    },

    bootstrap: async (serverUrl: string, body: BootstrapInput): Promise<SignedIn> => {
      const { address, fingerprint, http } = await connecting(serverUrl);
      return signedIn(address, fingerprint, await http.bootstrap({ base: address.url }, body));
    },

    /** No token: the password proves the key. To the connected server, under its pin. */
    keyProof: async (body: KeyProofInput) => {
      const { connection } = await load();
      if (!connection) throw new SyncError('not-connected', 'sync.errors.unauthorized', 401);
      const address = serverAddress(connection.serverUrl);
      return httpFor(address, pinOf(address, connection.fingerprint)).http.keyProof({ base: address.url }, body);
    },

    push: async (body: PushInput) => {
      const c = await connected();
      return c.http.push(c.target, body);
    },
    pull: async (page: { cursor: number; limit: number }) => {
      const c = await connected();
      return c.http.pull(c.target, page);
    },
    snapshot: async (page: SnapshotPage) => {
      const c = await connected();
      return c.http.snapshot(c.target, page);
    },
    history: async (req: { records: [RecordKind, string][]; upTo: number }) => {
      const c = await connected();
      return c.http.history(c.target, req);
    },
    devices: async () => {
      const c = await connected();
      return c.http.devices(c.target);
    },
    revoke: async (deviceId: string) => {
      const c = await connected();
      return c.http.revoke(c.target, deviceId);
    },
    audit: async (page: AuditPageRequest) => {
      const c = await connected();
      return c.http.audit(c.target, page);
    },
    putBlob: async (hash: string, bytes: Uint8Array) => {
      const c = await connected();
      return c.http.putBlob(c.target, hash, bytes);
    },
    getBlob: async (hash: string) => {
      const c = await connected();
      return { bytes: await c.http.getBlob(c.target, hash) };
    },

    /** Forgets the token, the server and its pin; closes every poke stream. */
    disconnect: async (): Promise<{ disconnected: true }> => {
      for (const stop of [...streams.values()]) stop();
      confirmed.clear();
      await save(null, null);
      return { disconnected: true };
    },

    subscribe: (sink: PokeSink): { subscribed: true } => {
      openPokes(sink);
      return { subscribed: true };
    },
    unsubscribe: (sink: Pick<PokeSink, 'id'>): { subscribed: false } => {
      streams.get(sink.id)?.();
      return { subscribed: false };
    },
    /** Closes every stream (the app quits). */
    close: (): void => {
      for (const stop of [...streams.values()]) stop();
    },
  };
}
