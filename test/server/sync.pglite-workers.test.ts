// The sync server on PGlite with every push's hashes and signatures checked on worker threads
// (src/server/sync/push-checks.ts; by default only pushes of 64 events or more go there), in
// chunks of two events so that commands straddle chunks.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { configurePushChecks, warmPushChecks, type PushCheckSettings } from '../../src/server/sync/push-checks';
import { pgliteBackend, type Backend } from './helpers/backends';
import { syncSuite } from './helpers/sync-suite';

let backend: Backend;
let previous: PushCheckSettings;

describe('sync server on PGlite, push checks on worker threads', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    previous = configurePushChecks({ workers: 1, minEvents: 1, chunk: 2 });
    expect(await warmPushChecks()).toBe(true);
    backend = await pgliteBackend();
  }, 120_000);
  afterAll(async () => {
    configurePushChecks(previous);
    await backend?.close();
  });
  syncSuite(() => backend);
});
