/**
 * The sync transport of the browser shell: same-origin fetch and EventSource. The server is the
 * page's own origin (the CSP allows `connect-src 'self'` and nothing else), so there is no
 * server address to choose and no certificate to pin: the browser checks it. The device token
 * lives in the origin's localStorage (a page has nothing better); only this module reads it.
 */
import { SyncError, type SyncConnection, type SyncStreamEvent, type SyncTransport } from '@shared/sync/transport';
import { syncHttp, type FetchLike, type Target } from '@shared/sync/http-client';

export interface WebSyncDeps {
  /** The page's origin (location.origin); every request goes there. */
  origin?: string;
  /** window.fetch (looked up at each call, so tests may stub it). */
  fetch?: typeof fetch;
  /** Where the token is kept (window.localStorage). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** window.EventSource; without one there is no poke stream and the client polls. */
  EventSource?: typeof EventSource;
  /** Milliseconds before a dropped poke stream is opened again with a fresh ticket (5 s). */
  reopenMs?: number;
}

/** The localStorage key of the device token (the name older builds used for it, so a browser stays signed in). */
export const TOKEN_KEY = 'meja-it.secret.sync-token';
/** Longest token accepted, as on the desktop. */
const MAX_TOKEN_CHARS = 4096;

export function createWebSyncTransport(deps: WebSyncDeps = {}): SyncTransport {
  const origin = () => deps.origin ?? location.origin;
  const storage = () => deps.storage ?? window.localStorage;
  const fetchFn: FetchLike = (url, init) => (deps.fetch ?? fetch)(url, init as RequestInit);
  const http = syncHttp(fetchFn);

  const readToken = (): string | null => {
    try {
      return storage().getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  };
  const writeToken = (token: string | null): void => {
    try {
      if (token === null) storage().removeItem(TOKEN_KEY);
      else storage().setItem(TOKEN_KEY, token);
    } catch {
      throw new SyncError('storage', 'errors.bridge.failed');
    }
  };

  /** The page's own server; another address is refused (the CSP would block it anyway). */
  const own = (serverUrl: string): Target => {
    const url = serverUrl.trim().replace(/\/+$/, '');
    if (url !== '' && url !== origin()) throw new SyncError('cross-origin', 'sync.errors.crossOrigin');
    return { base: origin() };
  };
  const authed = (): Target => {
    const token = readToken();
    if (!token) throw new SyncError('not-connected', 'sync.errors.unauthorized', 401);
    return { base: origin(), token };
  };
  const keep = (res: { token: string; userId: string }) => {
    if (typeof res.token !== 'string' || res.token === '' || res.token.length > MAX_TOKEN_CHARS) throw new SyncError('malformed', 'sync.errors.server');
    writeToken(res.token);
    return { userId: res.userId };
  };

  return {
    choosesServer: false,
    connection: async (): Promise<SyncConnection | null> => (readToken() ? { serverUrl: origin(), fingerprint: null } : null),
    probe: async (serverUrl) => {
      own(serverUrl);
      return { tls: 'browser' };
    },
    // The browser checks the page's certificate; there is nothing to pin here.
    trust: async (serverUrl) => {
      own(serverUrl);
    },
    challenge: async (serverUrl, deviceId) => http.challenge(own(serverUrl), deviceId),
    signIn: async (serverUrl, body) => keep(await http.signIn(own(serverUrl), body)),
    bootstrap: async (serverUrl, body) => keep(await http.bootstrap(own(serverUrl), body)),
    keyProof: async (body) => http.keyProof({ base: origin() }, body),
    push: async (body) => http.push(authed(), body),
    pull: async (page) => http.pull(authed(), page),
    snapshot: async (page) => http.snapshot(authed(), page),
    history: async (req) => http.history(authed(), req),
    devices: async () => http.devices(authed()),
    revoke: async (deviceId) => http.revoke(authed(), deviceId),
    audit: async (page) => http.audit(authed(), page),
    putBlob: async (hash, bytes) => http.putBlob(authed(), hash, bytes),
    getBlob: async (hash) => http.getBlob(authed(), hash),
    disconnect: async () => writeToken(null),
    subscribe: (listener) => openPokes(listener),
  };

  /**
   * The poke stream: an EventSource on a single-use ticket (the token never goes in a URL). A
   * dropped stream is reported ('error': the client syncs at once and finds out why) and opened
   * again with a fresh ticket after a pause; 'open' when it is back.
   */
  function openPokes(listener: (event: SyncStreamEvent) => void): () => void {
    const Source = deps.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
    if (!Source) return () => undefined;
    let closed = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reopenLater = () => {
      if (!closed) timer = setTimeout(() => void open(), deps.reopenMs ?? 5000);
    };
    const open = async () => {
      let url: string;
      try {
        const target = authed();
        const ticket = await http.eventsTicket(target);
        // A server without tickets (404): no stream — the token never goes in a URL; the client polls.
        if (ticket === null) return;
        url = `${target.base}/api/sync/events?ticket=${encodeURIComponent(ticket)}`;
      } catch (error) {
        if (closed) return;
        // Not signed in: nothing to open (the client subscribes again when it connects).
        if (error instanceof SyncError && error.code === 'not-connected') return;
        listener('error');
        // A refused token (revoked, signed out) stays refused: the next sync round says why.
        if (!(error instanceof SyncError && (error.status === 401 || error.status === 403))) reopenLater();
        return;
      }
      if (closed) return;
      const s = new Source(url);
      source = s;
      s.addEventListener('poke', () => listener('poke'));
      s.onopen = () => listener('open');
      s.onerror = () => {
        // A ticket is single-use: EventSource's own retry would be refused. Reopen with a new one.
        s.close();
        if (source !== s || closed) return;
        source = null;
        listener('error');
        reopenLater();
      };
    };
    void open();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
      source = null;
    };
  }
}
