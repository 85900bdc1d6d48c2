import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { entryPrerender } from './scripts/entry-prerender';
import { ENTRY_BOOT_CSP_SOURCE } from './src/shared/entry-boot';

/**
 * The production CSP, as a meta tag: a page loaded from file:// in Electron gets no HTTP
 * headers. Added at build time only, because the dev server's React refresh needs inline
 * script and a WebSocket (the dev CSP comes from the main process's header instead).
 */
const RENDERER_CSP =
  `default-src 'self'; script-src 'self' ${ENTRY_BOOT_CSP_SOURCE}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'`;

function cspMeta(): Plugin {
  return {
    name: 'meja-it-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' }],
  };
}

/** `@shared/x` → src/shared/x, `@renderer/x` → src/renderer/x: tsconfig.base.json's `paths` (also in vitest.config.ts, bench/vite.config.ts). */
const aliases = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer') };

// One renderer for both shells: the output of `renderer` (out/renderer) is loaded by the
// Electron window and served as-is by src/server for browsers and the e2e tests.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: aliases },
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: aliases },
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot `require` local chunks: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react(), cspMeta(), entryPrerender(aliases)],
    resolve: { alias: aliases },
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the browser shell downloads it.
      minify: true,
      sourcemap: process.env['MEJA_SOURCEMAP'] === '1',
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
      },
    },
  },
});
