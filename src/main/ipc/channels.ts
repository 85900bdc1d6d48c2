/**
 * Every IPC channel between the preload bridge and the main process, in one place. Names
 * are shaped 'domain:verb-noun'. The preload imports this module too, so a renamed channel
 * cannot leave the two sides out of step.
 */
export const Channels = {
  savePdf: 'pdf:save',
  print: 'print:run',
  saveFile: 'file:save',
  appVersion: 'app:get-version',
  readSecret: 'secret:read',
  writeSecret: 'secret:write',
  backupStatus: 'backup:get-status',
  backupChooseFolder: 'backup:choose-folder',
  backupSetKeep: 'backup:set-keep',
  backupWrite: 'backup:write',
  backupSkip: 'backup:skip',
} as const;

export type Channel = (typeof Channels)[keyof typeof Channels];

/** Messages main sends to the renderer (webContents.send); the preload forwards only their data. */
export const MainEvents = {
  /** A backup is due: `{ reason: 'daily' | 'quit' }`. */
  backupDue: 'backup:due',
} as const;
