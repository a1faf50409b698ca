// @ts-check
/**
 * Lint: typescript-eslint's type-checked strict rules, plus the house boundaries as import rules.
 * The boundaries keep the layers honest (README, "How it works"):
 *   src/domain      pure: no Forge, no adapters, no resolvers, no build-time or dev code
 *   src/            what the Forge function runs: never toolkit/, dev/, scripts/ or test/
 *   toolkit/        build time and CLI: may read src/domain and src/contract, never the Forge adapters
 *   static/admin    the page: only the resolver contract (and the types it re-exports) and the export library
 *   scripts/        repository scripts: never test/
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** @param {string} name @param {string} regex @param {string} message */
const ban = (name, regex, message) => ({ name, regex, message });

const FORGE = ban('forge', '^@forge/', 'the domain is pure: Forge-facing code belongs in src/platform');
const DEV = ban('dev', '(^|/)dev/', 'dev/ is the emulator and preview: never shipped or imported by shipped code');
const SCRIPTS = ban('scripts', '(^|/)scripts/', 'scripts/ holds repository scripts: nothing imports them');
const TEST = ban('test', '(^|/)test/', 'test/ is for tests only');
const TOOLKIT = ban('toolkit', '(^|/)toolkit/', 'toolkit/ runs at build time: the Forge function never loads it');

/** @param {{name: string, regex: string, message: string}[]} bans */
const restrict = (bans) => ({
  'no-restricted-imports': [
    'error',
    { patterns: bans.map((b) => ({ regex: b.regex, message: `${b.name}: ${b.message}` })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      'src/generated/',
      'static/admin/build/',
      '.preview/',
      '.artifacts/',
      'test/fixtures/',
      'dev/preview/client/',
      'static/admin/vite.config.ts',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.dev.json', './static/admin/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Template literals of numbers are how the code writes keys and messages; they are never objects.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `() => doSomething()` in callbacks and handlers is the idiom; a void value is never used by mistake there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // In a test, `x!` on a value the test itself just made fails the test at once if the guess is wrong.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // jest's asymmetric matchers (`expect.any`, `expect.objectContaining`) are typed `any` by @types/jest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      FORGE,
      ban('platform', '(^|/)platform/', 'the domain talks to Forge only through the ports in src/domain/ports.ts'),
      ban('resolvers', '(^|/)resolvers/', 'the domain never depends on the resolvers'),
      ban('triggers', '(^|/)triggers/', 'the domain never depends on the triggers'),
      DEV,
      SCRIPTS,
      TEST,
      TOOLKIT,
    ]),
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**/*.ts'],
    rules: restrict([DEV, SCRIPTS, TEST, TOOLKIT]),
  },
  {
    files: ['toolkit/**/*.ts'],
    rules: restrict([
      ban('platform', '(^|/)src/platform/', 'build-time code never loads the Forge adapters'),
      ban('resolvers', '(^|/)src/resolvers/', 'build-time code never loads the resolvers'),
      DEV,
      SCRIPTS,
      TEST,
    ]),
  },
  {
    files: ['static/admin/src/**/*.{ts,tsx}'],
    rules: restrict([
      ban(
        'page',
        '^\\.\\./.*src/(?!contract$)',
        'the page imports only src/contract (which re-exports the types it needs) and toolkit/export',
      ),
      ban('page-toolkit', '(^|/)toolkit/(?!export/)', 'the page imports only the browser-safe export library'),
      DEV,
      SCRIPTS,
      TEST,
    ]),
  },
  {
    files: ['scripts/**/*.ts'],
    rules: restrict([TEST]),
  },
);
