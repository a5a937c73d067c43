// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'test-output/**', 'packages/cli/bin/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify plugins and route handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(fs|path|crypto|os|url|util|stream|events|http|https|net|zlib|worker_threads|child_process|buffer|assert|readline|perf_hooks|timers)(/.*)?$', message: 'Use the node: protocol for Node built-ins.' },
        ],
      }],
    },
  },
  {
    // The CLI is a composition root like the server's main.ts: it may import the server app.
    files: ['packages/**/*.ts'],
    ignores: ['packages/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@authloop/server', '**/apps/**'], message: 'Packages never import apps.' },
          { regex: '^(fs|path|crypto|os|url|util|stream|events|http|https|net|zlib|worker_threads|child_process|buffer|assert|readline|perf_hooks|timers)(/.*)?$', message: 'Use the node: protocol for Node built-ins.' },
        ],
      }],
    },
  },
  {
    // The SDK may import types (only types) from the server's schema and error files; the browser
    // bundle then carries none of the server's code.
    files: ['packages/sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@authloop/server', '**/apps/**'], allowTypeImports: true, message: 'The SDK imports only types from the server (import type).' },
          { regex: '^(fs|path|crypto|os|url|util|stream|events|http|https|net|zlib|worker_threads|child_process|buffer|assert|readline|perf_hooks|timers)(/.*)?$', message: 'Use the node: protocol for Node built-ins.' },
        ],
      }],
    },
  },
  {
    // SDK integration tests start the real server, as a composition root does.
    files: ['packages/sdk/test/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The web app runs in browsers: it reaches the API only through the SDK, never server code.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@authloop/server', '**/apps/server/**', '@authloop/store', '@authloop/engine', '@authloop/crypto'], message: 'The web app talks to the server through @authloop/sdk only.' },
          { regex: '^node:', message: 'The web app runs in browsers.' },
        ],
      }],
    },
  },
  {
    // The rules of hooks and complete effect dependencies, for the web app's components and hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
