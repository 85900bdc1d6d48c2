/**
 * Renderer tests (jsdom) render screens directly, without App, which is what fetches the
 * Indonesian catalogs beyond the first screen's (src/renderer/i18n/index.ts): load them all
 * before each such test file, as App does once the first screen is live.
 */
import { beforeAll } from 'vitest';

beforeAll(async () => {
  if (typeof document === 'undefined') return;
  const { catalogsComplete } = await import('@renderer/i18n');
  await catalogsComplete();
});
