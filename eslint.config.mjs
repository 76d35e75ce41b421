// @ts-check
import js from '@eslint/js';
import lexical from '@lexical/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'stream',
];

/** Fences between runtimes (style.md rule 1): each folder may import only what runs where it runs. */
function fence(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.bench/**',
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'tmp/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: false, project: false },
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@lexical': lexical },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@lexical/rules-of-lexical': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    plugins: { '@lexical': lexical },
    rules: { '@lexical/rules-of-lexical': 'error' },
  },
  fence(
    ['src/shared/**'],
    [
      ...NODE_BUILTINS,
      'electron',
      'react',
      'react-dom',
      '**/core/**',
      '**/main/**',
      '**/renderer/**',
      '**/cli/**',
      '**/preload/**',
    ],
    'src/shared runs everywhere: no Node, DOM, Electron or other folders.',
  ),
  fence(
    ['src/core/**', 'src/cli/**'],
    [
      'electron',
      'react',
      'react-dom',
      '@lexical/react*',
      '**/renderer/**',
      '**/main/**',
      '**/preload/**',
    ],
    'The core and CLI are plain Node: no Electron, React or DOM.',
  ),
  fence(
    ['src/renderer/**'],
    [...NODE_BUILTINS, 'electron', '**/core/**', '**/main/**', '**/cli/**', '**/preload/**'],
    'The renderer runs in a sandboxed page: no Node, Electron or core imports; talk to the journal through the bridge.',
  ),
  fence(
    ['src/preload/**'],
    [
      ...NODE_BUILTINS,
      'react',
      'react-dom',
      '**/core/**',
      '**/main/**',
      '**/renderer/**',
      '**/cli/**',
      'zod',
    ],
    'The sandboxed preload may import only electron and the dependency-free parts of src/shared.',
  ),
  fence(
    ['src/main/**'],
    ['react', 'react-dom', '**/renderer/**', '**/cli/**', 'better-sqlite3-multiple-ciphers'],
    'The Electron main process relays to the core worker; no SQL or UI here.',
  ),
);
