/**
 * The `sync` capability over IPC: one channel per transport call (ipc/channels.ts), each with a
 * strict zod schema for what the renderer sends, registered through the one registrar
 * (ipc/handle.ts: foreign senders refused, invalid input refused naming the field). A refusal
 * from the server or the transport crosses as a Result with its code and i18n key, and its HTTP
 * status and wait in `params`; no answer carries the token (test/main/sync-transport.test.ts
 * lists every channel and payload).
 */
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/incident/state';
import { RECORD_KINDS } from '../../shared/events';
import { HEX32, HEX64 } from '../../shared/sync/device-auth';
import { eventSchema, MAX_AUDIT_LIMIT, MAX_HISTORY_RECORDS, MAX_PULL_LIMIT, MAX_SNAPSHOT_LIMIT } from '../../shared/sync/protocol';
import { MAX_COMMAND_EVENTS } from '../../shared/sync/replay';
import { SyncError, type SyncStreamEvent } from '../../shared/sync/transport';
import { RendererChannels, SyncChannels } from '../ipc/channels';
import { BridgeFailure, type Handle } from '../ipc/handle';
import type { MainSyncTransport, PokeSink } from './transport';

const serverUrl = z.string().min(1).max(1024);
const deviceId = z.string().uuid();
const deviceName = z.string().trim().min(1).max(100);
const username = z.string().min(1).max(64);
const password = z.string().min(1).max(256);
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const recordKey = z.tuple([z.enum(RECORD_KINDS), z.string().min(1).max(100)]);
/** An event as it travels: exactly the protocol's fields (the console's local annotations stay in the renderer). */
const wireEvent = z.strictObject(eventSchema.shape);
const proof = { devicePublicKey: z.string().regex(HEX32), challenge: z.string().regex(HEX32), deviceSignature: z.string().regex(HEX64) };
const none = z.undefined();

export const syncSchemas = {
  connection: none,
  probe: z.strictObject({ serverUrl }),
  trust: z.strictObject({ serverUrl, fingerprint: z.string().min(64).max(120) }),
  challenge: z.strictObject({ serverUrl, deviceId }),
  signIn: z.strictObject({ serverUrl, username, password, deviceId, deviceName, replaceKey: z.boolean().optional(), ...proof }),
  bootstrap: z.strictObject({ serverUrl, deviceId, deviceName, events: z.array(wireEvent).length(2), ...proof }),
  keyProof: z.strictObject({ username, password, publicKey: z.string().regex(HEX32) }),
  push: z.strictObject({ deviceId, events: z.array(wireEvent).max(MAX_COMMAND_EVENTS), deviceSignature: z.string().regex(HEX64) }),
  pull: z.strictObject({ cursor: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PULL_LIMIT) }),
  snapshot: z.strictObject({ asOf: z.number().int().min(0).optional(), after: recordKey.optional(), limit: z.number().int().min(1).max(MAX_SNAPSHOT_LIMIT) }),
  history: z.strictObject({ records: z.array(recordKey).min(1).max(MAX_HISTORY_RECORDS), upTo: z.number().int().min(0) }),
  devices: none,
  revoke: z.strictObject({ deviceId }),
  audit: z.strictObject({ before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(MAX_AUDIT_LIMIT).optional() }),
  putBlob: z.strictObject({ hash, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_ATTACHMENT_BYTES, 'bytes: size') }),
  getBlob: z.strictObject({ hash }),
  disconnect: none,
  subscribe: none,
  unsubscribe: none,
} as const;

/** A SyncError becomes a refusal the renderer can read; anything else stays a logged failure. */
async function guarded<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof SyncError) {
      const params: Record<string, number> = { status: error.status };
      if (error.retryAfter !== undefined) params['retryAfter'] = error.retryAfter;
      throw new BridgeFailure(error.messageKey, { code: error.code, params });
    }
    throw error;
  }
}

/** The window that asked, as the poke stream's destination: only `{type}` is ever sent to it. */
export function pokeSink(sender: IpcMainInvokeEvent['sender']): PokeSink {
  return {
    id: sender.id,
    isDestroyed: () => sender.isDestroyed(),
    send: (type: SyncStreamEvent) => sender.send(RendererChannels.syncEvent, { type }),
  };
}

/** Windows whose closing already closes their stream (one listener per window, however often it subscribes). */
const watched = new WeakSet<object>();
function closeWithWindow(sender: IpcMainInvokeEvent['sender'], sync: MainSyncTransport): void {
  if (watched.has(sender) || typeof sender.once !== 'function') return;
  watched.add(sender);
  const id = sender.id;
  sender.once('destroyed', () => sync.unsubscribe({ id }));
}

export function registerSyncHandlers(handle: Handle, sync: MainSyncTransport): void {
  const s = syncSchemas;
  const C = SyncChannels;
  handle(C.syncConnection, s.connection, () => guarded(() => sync.connection()));
  handle(C.syncProbe, s.probe, (req) => guarded(() => sync.probe(req.serverUrl)));
  handle(C.syncTrust, s.trust, (req) => guarded(() => sync.trust(req.serverUrl, req.fingerprint)));
  handle(C.syncChallenge, s.challenge, (req) => guarded(() => sync.challenge(req.serverUrl, req.deviceId)));
  handle(C.syncSignIn, s.signIn, ({ serverUrl: url, ...body }) => guarded(() => sync.signIn(url, body)));
  handle(C.syncBootstrap, s.bootstrap, ({ serverUrl: url, ...body }) => guarded(() => sync.bootstrap(url, body)));
  handle(C.syncKeyProof, s.keyProof, (req) => guarded(() => sync.keyProof(req)));
  handle(C.syncPush, s.push, (req) => guarded(() => sync.push(req)));
  handle(C.syncPull, s.pull, (req) => guarded(() => sync.pull(req)));
  handle(C.syncSnapshot, s.snapshot, (req) => guarded(() => sync.snapshot(req)));
  handle(C.syncHistory, s.history, (req) => guarded(() => sync.history(req)));
  handle(C.syncDevices, s.devices, () => guarded(() => sync.devices()));
  handle(C.syncRevoke, s.revoke, (req) => guarded(() => sync.revoke(req.deviceId)));
  handle(C.syncAudit, s.audit, (req) => guarded(() => sync.audit(req)));
  handle(C.syncPutBlob, s.putBlob, (req) => guarded(() => sync.putBlob(req.hash, req.bytes)));
  handle(C.syncGetBlob, s.getBlob, (req) => guarded(() => sync.getBlob(req.hash)));
  handle(C.syncDisconnect, s.disconnect, () => guarded(() => sync.disconnect()));
  handle(C.syncSubscribe, s.subscribe, (_req, event) =>
    guarded(() => {
      closeWithWindow(event.sender, sync);
      return sync.subscribe(pokeSink(event.sender));
    }),
  );
  handle(C.syncUnsubscribe, s.unsubscribe, (_req, event) => guarded(() => sync.unsubscribe(event.sender)));
}
