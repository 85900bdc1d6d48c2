/**
 * Every IPC channel between the preload bridge and the main process, in one place. Names
 * are shaped 'domain:verb-noun'. The preload imports this module too, so a renamed channel
 * cannot leave the two sides out of step.
 */

/** The `sync` capability (src/main/sync/ipc.ts): one channel per transport call. */
export const SyncChannels = {
  syncConnection: 'sync:get-connection',
  syncProbe: 'sync:probe-server',
  syncTrust: 'sync:trust-certificate',
  syncChallenge: 'sync:get-challenge',
  syncSignIn: 'sync:sign-in',
  syncBootstrap: 'sync:bootstrap-server',
  syncKeyProof: 'sync:prove-key',
  syncPush: 'sync:push-events',
  syncPull: 'sync:pull-events',
  syncSnapshot: 'sync:get-snapshot',
  syncHistory: 'sync:get-history',
  syncDevices: 'sync:list-devices',
  syncRevoke: 'sync:revoke-device',
  syncAudit: 'sync:read-audit',
  syncPutBlob: 'sync:put-blob',
  syncGetBlob: 'sync:get-blob',
  syncDisconnect: 'sync:disconnect-server',
  syncSubscribe: 'sync:open-pokes',
  syncUnsubscribe: 'sync:close-pokes',
} as const;

/** Channels the renderer invokes (ipcMain.handle). */
export const Channels = {
  savePdf: 'pdf:save',
  print: 'print:run',
  saveFile: 'file:save',
  appVersion: 'app:get-version',
  backupStatus: 'backup:get-status',
  backupChooseFolder: 'backup:choose-folder',
  backupSetKeep: 'backup:set-keep',
  backupWrite: 'backup:write',
  backupSkip: 'backup:skip',
  sessionSecretGet: 'session:get-secret',
  sessionSecretPut: 'session:put-secret',
  sessionSecretClear: 'session:clear-secret',
  ...SyncChannels,
} as const;

export type Channel = (typeof Channels)[keyof typeof Channels];

/**
 * Channels main sends on to the renderer (webContents.send), with what each carries; the
 * preload forwards only their data, rebuilt (never the IPC event).
 */
export const RendererChannels = {
  /** The sync poke stream: `{type: 'open' | 'poke' | 'error'}`, nothing else. */
  syncEvent: 'sync:poke-event',
  /** A backup is due: `{ reason: 'daily' | 'quit' }`. */
  backupDue: 'backup:due',
} as const;
