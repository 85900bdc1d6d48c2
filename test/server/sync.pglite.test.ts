// The sync server against embedded PGlite (the default storage).
import { afterAll, beforeAll, describe } from 'vitest';
import { pgliteBackend, type Backend } from './helpers/backends';
import { syncSuite } from './helpers/sync-suite';

let backend: Backend;

describe('sync server on PGlite', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    backend = await pgliteBackend();
  }, 120_000);
  afterAll(async () => {
    await backend?.close();
  });
  syncSuite(() => backend);
});
