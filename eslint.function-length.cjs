'use strict';
/**
 * No function over 80 lines (blank lines and comments aside) outside the tests. A function that should stay
 * long says why, on the line above it:
 *   // eslint-disable-next-line max-lines-per-function -- <reason>
 * test/lint/function-length.test.ts proves the rule fires and that every such comment gives a reason.
 */
module.exports = [
  {
    files: ['src/**/*.ts', 'toolkit/**/*.ts', 'dev/**/*.ts', 'scripts/**/*.ts', 'static/admin/src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
];
