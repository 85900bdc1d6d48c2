/**
 * End-to-end tests: Playwright on Debian's Chromium against the web build (out/renderer)
 * served by the real server (src/server). `npm run test:e2e` builds first.
 * Each test opens the console at `/?db=<unique>` and so works on its own IndexedDB database.
 */
import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4791);
const CI = !!process.env['CI'];


export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  // Two cores: one browser at a time, and PBKDF2 sign-ins are CPU-bound.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx src/server/main.ts',
    // Playwright empties test-results before it starts the server, so this is a fresh dir each run.
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: resolve('test-results', 'e2e-server-data') },
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
