// The sync server against a real PostgreSQL with every push's hashes and signatures checked on
// worker threads and the push decided ahead of them (src/server/sync/push-checks.ts,
// SyncService.processBatch), in chunks of two events so that commands straddle chunks. Skipped
// when no PostgreSQL is reachable, except under CI, where that fails the run.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { configurePushChecks, warmPushChecks, type PushCheckSettings } from '../../src/server/sync/push-checks';
import { postgresBackend, POSTGRES_ADMIN_URL, type Backend } from './helpers/backends';
import { syncSuite } from './helpers/sync-suite';

const backend: Backend | null = await postgresBackend();
let previous: PushCheckSettings;

describe.skipIf(!backend)(`sync server on PostgreSQL (${POSTGRES_ADMIN_URL}), push checks on worker threads`, { timeout: 60_000 }, () => {
  beforeAll(async () => {
    previous = configurePushChecks({ workers: 1, minEvents: 1, chunk: 2 });
    expect(await warmPushChecks()).toBe(true);
  }, 120_000);
  afterAll(async () => {
    configurePushChecks(previous);
    await backend?.close();
  });
  syncSuite(() => backend!);
});
