// @ts-check
/**
 * Lint: typescript-eslint's type-checked strict rules, plus the house boundaries (eslint.boundaries.cjs) and the
 * length of functions (eslint.function-length.cjs).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint.boundaries.cjs';
import functionLength from './eslint.function-length.cjs';

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
      'static/admin/vite.mount.config.ts',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.dev.json', './static/admin/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
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
      // afterAll runs even when beforeAll failed, so a fixture typed as set may be unset when it is torn down.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  ...boundaries,
  ...functionLength,
);
