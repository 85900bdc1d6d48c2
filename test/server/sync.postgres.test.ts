// The sync server against a real PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432 as
// postgres): a fresh database per run, dropped afterwards. Skipped when none is reachable,
// except under CI, where that fails the run.
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresBackend, POSTGRES_ADMIN_URL, type Backend } from './helpers/backends';
import { syncSuite } from './helpers/sync-suite';

const backend: Backend | null = await postgresBackend();

describe.skipIf(!backend)(`sync server on PostgreSQL (${POSTGRES_ADMIN_URL})`, { timeout: 30_000 }, () => {
  beforeAll(() => undefined);
  afterAll(async () => {
    await backend?.close();
  });
  syncSuite(() => backend!);
});
