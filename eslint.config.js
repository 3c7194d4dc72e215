import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layers, each importing only from those before it (and the shared
 * libraries model/, filter/, rates/):
 *   connection → capture → (archive, history, conversations, watches, fields) → view → store → session → ui → features → app
 * (diff/ is a library over the model alone.)
 * Import patterns each layer may not use. A crossing fails `npm run lint`.
 */
// Exact names (a pattern 'zustand' would also match 'zustand/vanilla').
const REACT_PATHS = ['react', 'react-dom', 'zustand'];
const REACT = ['react-dom/*', 'react/*', 'zustand/react', 'zustand/react/*', 'zustand/shallow'];
const ZUSTAND = ['zustand/vanilla'];
const layer = (name) => [`**/${name}`, `**/${name}/**`, `./${name}/**`];
const BENCH = ['**/bench/**'];
const boundaries = [
  { files: ['src/model/**', 'src/filter/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'capture', 'view', 'store', 'session', 'ui', 'features', 'app', 'rates'].flatMap(layer)], why: 'model/ and filter/ are plain libraries: no React, no store, no other layer' },
  { files: ['src/rates/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'capture', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'rates/ is a plain library fed by the capture' },
  { files: ['src/connection/**'], forbid: [...REACT, ...ZUSTAND, ...['capture', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'the connection knows nothing of what is done with its frames' },
  { files: ['src/capture/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'the capture core has no React, no store and no view' },
  { files: ['src/archive/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'archive/ is the capture file format: plain code over the model and the capture' },
  { files: ['src/history/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'capture', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'history/ (rewind from the mirror streams) is plain code over the model and the filter' },
  { files: ['src/conversations/**', 'src/watches/**', 'src/fields/**'], ignores: ['**/*.test.ts'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'view', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'conversations/, watches/ and fields/ are plain classes fed by the capture (the session wires them)' },
  { files: ['src/diff/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'capture', 'view', 'store', 'session', 'ui', 'features', 'app', 'rates'].flatMap(layer)], why: 'diff/ is a plain library over the message model' },
  { files: ['src/view/**'], forbid: [...REACT, ...ZUSTAND, ...['connection', 'store', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'the view is plain classes over the capture' },
  { files: ['src/store/**'], forbid: [...REACT, ...['capture', 'view', 'session', 'ui', 'features', 'app'].flatMap(layer)], why: 'the store holds UI state only (vanilla zustand)' },
  { files: ['src/session/**'], forbid: [...REACT, ...['ui', 'features', 'app'].flatMap(layer)], why: 'the session wires the core without React' },
  { files: ['src/ui/**'], forbid: ['features', 'app'].flatMap(layer), why: 'ui/ is what features share' },
  { files: ['src/features/**'], forbid: layer('app'), why: 'features/ must not import app/: app composes the features' },
].map(({ files, ignores, forbid, why }) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: forbid.includes(REACT[0]) ? REACT_PATHS.map((name) => ({ name, message: `${why}.` })) : [],
        patterns: [{ group: [...forbid, ...BENCH], message: `${why}; product code never imports bench code.` }],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.stack', '.stack-cluster', '.dist-cluster', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    files: ['cli/**', 'stack/**', 'generator/**', 'scripts/**', 'e2e/**', 'bench/**', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: BENCH, message: 'product code never imports bench code.' }] }] },
  },
  ...boundaries,
  {
    files: ['bench/page/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
