/**
 * The `sync` capability of the platform bridge (docs/shells.md "Sync transport"): every call
 * the console's sync client makes to the office's server, and the poke stream. The browser
 * shell implements it with same-origin fetch and EventSource (src/renderer/platform/web-sync.ts);
 * the desktop's main process performs the requests itself with Electron's networking, keeps the
 * device token and pins the server's certificate (src/main/sync/), and the renderer reaches it
 * over IPC (src/renderer/platform/desktop-sync.ts). Either way the renderer never names a token:
 * the transport holds it, and nothing the transport returns contains it.
 */
import type { DomainEvent, RecordKind } from '../events';
import type { Result } from '../result';
import type { DeviceProof } from './device-auth';
import type { AuthAuditPage, ChallengeResponse, DeviceInfo, PullResponse, PushResponse, SnapshotResponse, SyncedEvent } from './protocol';

/** A refused or failed call to the server: `code` is stable, `messageKey` an i18n key. */
export class SyncError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    /** The HTTP status, 0 when there was no answer (offline, refused certificate). */
    readonly status = 0,
    /** Seconds to wait before trying again (a throttled sign-in: 429 with Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(code);
    this.name = 'SyncError';
  }
}

/**
 * What the console learns about a server before it trusts it (the connect form shows it).
 * The fingerprint is the SHA-256 of the server's certificate (DER), upper-case hex in pairs
 * separated by colons, as `openssl x509 -fingerprint -sha256` and the server print it.
 */
export type ServerProbe =
  /** Browser: the server is the page's own origin, and the browser checks its certificate. */
  | { tls: 'browser' }
  /** Desktop, plain http to a server on this machine (127.0.0.1, ::1, localhost): nothing to pin. */
  | { tls: 'none' }
  /** Desktop: the certificate pinned for this server, unchanged. */
  | { tls: 'pinned'; fingerprint: string }
  /** Desktop, first contact: the admin compares it with the one the server printed, then trusts it. */
  | { tls: 'new'; fingerprint: string }
  /** Desktop: not the pinned certificate. Refused until an admin checks it and pins it again. */
  | { tls: 'changed'; fingerprint: string; pinned: string };

/** The server this console is signed in to (never the token). */
export interface SyncConnection {
  serverUrl: string;
  /** The pinned certificate's fingerprint; null for the browser's origin or plain http on this machine. */
  fingerprint: string | null;
}

/** The poke stream: it opened, the server committed events, or it dropped (it reopens by itself). */
export type SyncStreamEvent = 'open' | 'poke' | 'error';

export type SignInInput = {
  username: string;
  password: string;
  deviceId: string;
  deviceName: string;
  /** A console restored from a backup asks the server to bind its device id to this console's new key (feat/desk-backups). */
  replaceKey?: boolean;
} & DeviceProof;
export type BootstrapInput = { deviceId: string; deviceName: string; events: DomainEvent[] } & DeviceProof;
export interface KeyProofInput {
  username: string;
  password: string;
  publicKey: string;
}
export interface PushInput {
  deviceId: string;
  events: DomainEvent[];
  /** The device key's signature over the batch (shared/sync/device-auth.ts signPush). */
  deviceSignature: string;
}
export interface SnapshotPage {
  asOf?: number;
  after?: [RecordKind, string];
  limit: number;
}
export interface AuditPageRequest {
  before?: number;
  limit?: number;
}
/** A sign-in or bootstrap as the renderer sees it: the token stays in the transport. */
export interface SignedIn {
  userId: string;
}

/** The sync client's view of the server. Every method throws SyncError when refused or offline. */
export interface SyncTransport {
  /** True on the desktop, where the admin types the server's address; the browser's server is its page's origin. */
  readonly choosesServer: boolean;
  /** The server this console is signed in to, or null when it holds no token. */
  connection(): Promise<SyncConnection | null>;
  /** What the console would trust at `serverUrl` (see ServerProbe). Sends nothing to the server. */
  probe(serverUrl: string): Promise<ServerProbe>;
  /**
   * Trusts `fingerprint` for `serverUrl` for the sign-in that follows (the admin confirmed it
   * against the server's printout). The pin is kept with the token once a sign-in succeeds; a
   * token is only ever sent under the certificate pinned when it was issued.
   */
  trust(serverUrl: string, fingerprint: string): Promise<void>;
  challenge(serverUrl: string, deviceId: string): Promise<ChallengeResponse>;
  /** Signs in; the transport keeps the device token. */
  signIn(serverUrl: string, body: SignInInput): Promise<SignedIn>;
  /** Sets up an empty server with this device's first events; the transport keeps the token. */
  bootstrap(serverUrl: string, body: BootstrapInput): Promise<SignedIn>;
  /** Proves a user's password to the connected server for the key they enrol (user.enrolKey). */
  keyProof(body: KeyProofInput): Promise<{ proven: true }>;
  push(body: PushInput): Promise<PushResponse>;
  pull(page: { cursor: number; limit: number }): Promise<PullResponse>;
  snapshot(page: SnapshotPage): Promise<SnapshotResponse>;
  history(req: { records: [RecordKind, string][]; upTo: number }): Promise<{ events: SyncedEvent[] }>;
  devices(): Promise<{ devices: DeviceInfo[] }>;
  revoke(deviceId: string): Promise<{ revoked: true }>;
  audit(page?: AuditPageRequest): Promise<AuthAuditPage>;
  /** Uploads an evidence file (idempotent); `stored` is false when the server had it already. */
  putBlob(hash: string, bytes: Uint8Array): Promise<{ stored: boolean }>;
  /** Downloads an evidence file; null when the server does not have it. */
  getBlob(hash: string): Promise<Uint8Array | null>;
  /** Forgets the token (and, on the desktop, the server and its pin). */
  disconnect(): Promise<void>;
  /** Opens the poke stream; returns the function that closes it. */
  subscribe(listener: (event: SyncStreamEvent) => void): () => void;
}

/**
 * The same capability as the preload exposes it (`window.desktop.sync`): one IPC channel per
 * method, each answering a Result. A refusal carries the server's code and i18n key, and its
 * HTTP status and wait in `params` (`status`, `retryAfter`).
 */
export interface DesktopSyncApi {
  connection(): Promise<Result<SyncConnection | null>>;
  probe(req: { serverUrl: string }): Promise<Result<ServerProbe>>;
  trust(req: { serverUrl: string; fingerprint: string }): Promise<Result<{ trusted: true }>>;
  challenge(req: { serverUrl: string; deviceId: string }): Promise<Result<ChallengeResponse>>;
  signIn(req: { serverUrl: string } & SignInInput): Promise<Result<SignedIn>>;
  bootstrap(req: { serverUrl: string } & BootstrapInput): Promise<Result<SignedIn>>;
  keyProof(req: KeyProofInput): Promise<Result<{ proven: true }>>;
  push(req: PushInput): Promise<Result<PushResponse>>;
  pull(req: { cursor: number; limit: number }): Promise<Result<PullResponse>>;
  snapshot(req: SnapshotPage): Promise<Result<SnapshotResponse>>;
  history(req: { records: [RecordKind, string][]; upTo: number }): Promise<Result<{ events: SyncedEvent[] }>>;
  devices(): Promise<Result<{ devices: DeviceInfo[] }>>;
  revoke(req: { deviceId: string }): Promise<Result<{ revoked: true }>>;
  audit(req: AuditPageRequest): Promise<Result<AuthAuditPage>>;
  putBlob(req: { hash: string; bytes: Uint8Array }): Promise<Result<{ stored: boolean }>>;
  getBlob(req: { hash: string }): Promise<Result<{ bytes: Uint8Array | null }>>;
  disconnect(): Promise<Result<{ disconnected: true }>>;
  /** Main opens the poke stream for this window and relays it through onEvent. */
  subscribe(): Promise<Result<{ subscribed: true }>>;
  unsubscribe(): Promise<Result<{ subscribed: false }>>;
  /** Listens to the poke stream main relays; returns the function that stops listening. */
  onEvent(listener: (event: { type: SyncStreamEvent }) => void): () => void;
}

/** A fingerprint as people compare it: upper-case hex pairs joined by colons. */
export function formatFingerprint(hex: string): string {
  return (normaliseFingerprint(hex) ?? '').toUpperCase().match(/.{2}/g)?.join(':') ?? '';
}

/** A SHA-256 fingerprint typed or printed in any usual form, as 64 lower-case hex digits; null when it is not one. */
export function normaliseFingerprint(text: string): string | null {
  // Labels as tools print them: "SHA256 Fingerprint=…" (openssl), "sha256:…", "SHA-256 …".
  const value = text.trim().replace(/^.*fingerprint\s*[:=]?\s*/i, '').replace(/^sha-?256\s*[:/=]?\s*/i, '');
  const hex = value.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
