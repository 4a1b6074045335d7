// ESLint: typescript-eslint's recommended rules, React's rules of hooks, and the walls between layers.
// Layers (README "Layout"): shared/ imports only shared/ and pure libraries; renderer/ never imports db/,
// backend/ or electron/ (it reaches data only through shared/api); electron/ never imports renderer/;
// db/ never imports backend/, electron/ or renderer/; production code never imports test support; outside
// shared/engine/ the engine is used through its public surface, shared/engine/index.ts; outside tests,
// backend/ imports only exceljs's types, but for backend/exports/excelLibrary.ts, which loads it on first use.
// The rule is proven by test/unit/layers.test.ts, which lints deliberately wrong imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'zlib', 'stream', 'url', 'util'];

/** A no-restricted-imports entry refusing relative imports that reach into the named top-level folders. */
function folders(names, why) {
  return { regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message: why };
}
const NO_TEST_SUPPORT = folders(['test'], 'Production code must not import test support (test/support is for tests only).');
const ENGINE_SURFACE = { regex: '(^|/)engine/[^/]+$', message: 'Use the costing engine through its public surface, shared/engine/index.ts.' };
const NO_NODE = { group: NODE_BUILTINS, message: 'This layer runs outside Node: no Node built-ins here.' };

export const layerRules = [
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_SURFACE] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            folders(['db', 'backend', 'electron', 'renderer', 'test', 'scripts'], 'shared/ imports only shared/: it runs in the renderer, in Node and in tests alike.'),
            ENGINE_SURFACE,
            NO_NODE,
            { group: ['better-sqlite3', 'exceljs', 'electron', 'react', 'react-dom', 'yauzl'], message: 'shared/ is pure: no database, files, UI or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            folders(['db', 'backend', 'electron', 'test', 'scripts'], 'renderer/ reaches data only through the API contract in shared/api.'),
            ENGINE_SURFACE,
            { regex: '(^|/)api/client$', importNames: ['api'], message: 'Call the backend through the one queue (renderer/state/callQueue.ts: queuedCall, or the store), never api.call directly.' },
            NO_NODE,
            { group: ['better-sqlite3', 'exceljs', 'electron', 'yauzl'], message: 'renderer/ runs in the window: no database, files or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [folders(['renderer'], 'electron/ is the shell: its IPC types live in shared/api, never in renderer/.'), NO_TEST_SUPPORT, ENGINE_SURFACE] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [folders(['backend', 'electron', 'renderer'], 'db/ is the bottom layer: it imports shared/ only.'), NO_TEST_SUPPORT, ENGINE_SURFACE] }],
    },
  },
  {
    files: ['backend/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [folders(['electron', 'renderer'], 'backend/ serves every shell: it never imports electron/ or renderer/.'), NO_TEST_SUPPORT, ENGINE_SURFACE] }],
    },
  },
  {
    // The data process starts without exceljs (docs/performance.md, "Round 13: exceljs on first use").
    files: ['backend/**/*.ts'],
    ignores: ['**/*.test.ts', 'backend/exports/excelLibrary.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'exceljs', allowTypeImports: true, message: 'exceljs is loaded on first use through backend/exports/excelLibrary.ts; import only its types here (import type).' }] },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' },
    },
  },
  ...layerRules,
);
