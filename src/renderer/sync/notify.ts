/**
 * Tells the sync loop (sync-client.ts, loaded once the first screen is up) that something was
 * committed locally. A module of its own so that the screens that commit before sign-in do not
 * pull the whole sync client into the first screen's bundle.
 */
export function notifyCommitted(): void {
  window.dispatchEvent(new Event('meja-it:committed'));
}
