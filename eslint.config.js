// @ts-check
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/ is the domain layer: it must stay free of React, the DOM-bound client and the server.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'ws', 'better-sqlite3', '../client/*', '../server/*', 'node:*'] },
      ],
    },
  },
  {
    // Components read through the store and hooks; only client/sync talks to Yjs.
    files: ['client/**/*.tsx', 'client/features/**/*.ts', 'client/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['yjs', 'y-websocket', 'y-protocols'] }] },
  },
)
