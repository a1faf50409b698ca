/**
 * A step of `npm run build:package`: the package's Forge runtime (`privacy-panel/forge`) as one file,
 * dist/forge/index.cjs. esbuild bundles src/host/index.ts with the MIT libraries it uses (tree-shaken) and
 * minifies it; the Forge clients stay imports, so a host's bundler takes them from the host's own
 * installation (Atlassian's licence covers using them, not shipping copies), and `@forge/api` is narrowed
 * to the modules the panel calls (src/host/forge-api-slim.ts). The host's function bundle then grows by
 * what `npm run bench` reports (issue 12: at most 150 KB).
 */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist/forge/index.cjs');

/** `@forge/api` itself → the slim module; every other `@forge/…` import stays an import. */
const forgeClients: Plugin = {
  name: 'forge-clients',
  setup(build) {
    build.onResolve({ filter: /^@forge\/api$/ }, () => ({ path: join(ROOT, 'src/host/forge-api-slim.ts') }));
    build.onResolve({ filter: /^@forge\// }, (args) => ({ path: args.path, external: true }));
  },
};

const NOTICE = [
  'privacy-panel/forge: the Privacy Panel Forge runtime (MIT). Source: src/ of the privacy-panel package repository.',
  'Bundles zod (MIT, Copyright (c) 2025 Colin McDonnell) and json-canonicalize (MIT, Copyright (c) 2018 Riceball LEE).',
].join('\n');

async function main(): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'src/host/index.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    banner: { js: `/*!\n${NOTICE}\n*/` },
    plugins: [forgeClients],
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`dist/forge/index.cjs: ${Math.round(bytes / 1024)} KB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
