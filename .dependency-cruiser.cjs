/**
 * Import cycles, type-only imports included (`tsPreCompilationDeps`), fail `npm run lint`.
 * ESLint's import plugins skip `import type`, which is how the cycles this check exists for were written.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycle',
      severity: 'error',
      comment: 'A module must not reach itself through its imports, type imports included.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.dev.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out|coverage|static/admin/build|src/generated|test/fixtures)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
  },
};
