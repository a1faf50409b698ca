'use strict';
/**
 * The house boundaries, as ESLint import rules (flat config objects). One home: eslint.config.mjs applies them,
 * and test/lint/boundaries.test.ts proves that a forbidden import fails.
 *   src/domain      pure: no Forge, no adapters, no resolvers, no build-time or dev code
 *   src/            what the Forge function runs: never toolkit/, dev/, scripts/ or test/
 *   toolkit/        build time and CLI: may read src/domain and src/contract, never the Forge adapters
 *   static/admin    the page: only the resolver contract (which re-exports the types it needs) and toolkit/export
 *   scripts/        repository scripts: never test/
 */

/** @param {string} name @param {string} regex @param {string} message */
const ban = (name, regex, message) => ({ regex, message: `${name}: ${message}` });

const FORGE = ban('forge', '^@forge/', 'the domain is pure: Forge-facing code belongs in src/platform');
const DEV = ban('dev', '(^|/)dev/', 'dev/ is the emulator and preview: shipped code never imports it');
const SCRIPTS = ban('scripts', '(^|/)scripts/', 'scripts/ holds repository scripts: nothing imports them');
const TEST = ban('test', '(^|/)test/', 'test/ is for tests only');
const TOOLKIT = ban('toolkit', '(^|/)toolkit/', 'toolkit/ runs at build time: the Forge function never loads it');

/** @param {{regex: string, message: string}[]} patterns */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

module.exports = [
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      FORGE,
      ban(
        'platform',
        '(^|/)platform/',
        'the domain reaches Forge only through the ports in src/domain/platform-ports.ts',
      ),
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
    files: ['static/admin/src/**/*.ts', 'static/admin/src/**/*.tsx'],
    rules: restrict([
      ban(
        'page',
        '^\\.\\./.*src/(?!contract$)',
        'the page imports only src/contract (it re-exports the types the page needs)',
      ),
      ban('page', '(^|/)toolkit/(?!export/)', 'the page imports only the browser-safe export library, toolkit/export'),
      DEV,
      SCRIPTS,
      TEST,
    ]),
  },
  {
    files: ['scripts/**/*.ts'],
    rules: restrict([TEST]),
  },
];
