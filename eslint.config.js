// One lint setup for the whole repository, with the import boundaries of ARCHITECTURE.md:
// the renderer runs in a browser sandbox (no Electron, no Node), and src/shared is pure
// TypeScript shared by the renderer, the main process and the server.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { featureBoundaries } from './eslint-rules/feature-boundaries.js';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins are not available here.' }],
};

const electron = [
  { name: 'electron', message: 'Only src/main and src/preload talk to Electron; use the platform bridge.' },
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/results/', 'coverage/', '**/*.tmp.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electron, { name: 'electron/renderer', message: electron[0].message }, ...noNode.paths],
          patterns: [...noNode.patterns, { group: ['electron/*'], message: electron[0].message }],
        },
      ],
    },
  },
  {
    // Features own their place in the app: app/ imports none, features import only each other's
    // public.ts, feature.tsx stays light (eslint-rules/feature-boundaries.js).
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { meja: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'meja/feature-boundaries': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['react', 'react-dom', 'dexie', 'dexie-react-hooks'].map((name) => ({
              name,
              message: 'src/shared is pure domain code: no UI or storage libraries.',
            })),
            ...electron,
            ...noNode.paths,
          ],
          patterns: [
            ...noNode.patterns,
            { group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*'], message: 'src/shared is pure domain code.' },
            { group: ['@renderer/*', '**/renderer/**', '**/server/**', '**/main/**'], message: 'src/shared serves the console, the server and the desktop shell alike: it imports none of them.' },
          ],
        },
      ],
    },
  },
);
