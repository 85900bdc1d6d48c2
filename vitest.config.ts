import { defineConfig } from 'vitest/config';

// Unit and integration tests. Node by default; renderer tests opt into jsdom with a
// `// @vitest-environment jsdom` comment. Playwright owns test/e2e.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',
    pool: 'forks',
    // Integration tests run real servers and databases; a loaded 2-core machine needs headroom.
    testTimeout: 30_000,
  },
});
