/**
 * The benchmark page's own build (`npm run bench`): bench/page/bench.html and the console's
 * store, sync client and domain code it drives, into out/bench. The product's build
 * (electron.vite.config.ts) never sees it.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  // tsconfig.base.json's `paths`, as in electron.vite.config.ts.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../src/shared'), '@renderer': resolve(import.meta.dirname, '../src/renderer') } },
  build: {
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: { input: { bench: resolve(import.meta.dirname, 'page/bench.html') } },
  },
});
