/**
 * What the screens need to know about the sync server's answers. The calls themselves go
 * through the platform's sync transport (`platform.sync`, src/shared/sync/transport.ts): same-
 * origin fetch in a browser, the main process on the desktop, which keeps the device token.
 */
export { SyncError } from '@shared/sync/transport';
export type { DeviceInfo } from '@shared/sync/protocol';
