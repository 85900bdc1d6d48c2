import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Unit and integration tests. Node by default; renderer tests opt into jsdom with a
// `// @vitest-environment jsdom` comment. Playwright owns test/e2e.
export default defineConfig({
  // tsconfig.base.json's `paths`, as in electron.vite.config.ts.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared'), '@renderer': resolve(import.meta.dirname, 'src/renderer') } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',
    // jsdom tests: every catalog in, as App has it after the first screen.
    setupFiles: ['test/renderer/setup-catalogs.ts'],
    pool: 'forks',
    // Integration tests run real servers and databases; a loaded 2-core machine needs headroom.
    testTimeout: 30_000,
  },
});
