/**
 * A step of `npm run build:package`: the package's Forge runtime (`privacy-panel/forge`) as one file,
 * dist/forge/index.cjs. esbuild bundles src/host/index.ts with the MIT libraries it uses (tree-shaken) and
 * minifies it, with a notice naming each bundled package and its licence. The Forge clients stay imports,
 * so a host's bundler takes them from the host's own installation (Atlassian's licence covers using them,
 * not shipping copies), and `@forge/api` and `@forge/kvs` are narrowed to the modules the panel calls
 * (src/host/forge-api-slim.ts, src/host/kvs-slim.ts). The host's function bundle then grows by what `npm run bench` reports
 * (issue 12: at most 150 KB).
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist/forge/index.cjs');

/** `@forge/api` and `@forge/kvs` themselves → the slim modules; every other `@forge/…` import stays an import. */
const forgeClients: Plugin = {
  name: 'forge-clients',
  setup(build) {
    build.onResolve({ filter: /^@forge\/api$/ }, () => ({ path: join(ROOT, 'src/host/forge-api-slim.ts') }));
    build.onResolve({ filter: /^@forge\/kvs$/ }, () => ({ path: join(ROOT, 'src/host/kvs-slim.ts') }));
    build.onResolve({ filter: /^@forge\// }, (args) => ({ path: args.path, external: true }));
  },
};

const NOTICE =
  'privacy-panel/forge: the Privacy Panel Forge runtime (MIT); its source is src/ of the privacy-panel repository.';

/** The npm packages esbuild put into the bundle, from its metafile: name → folder. */
function bundledPackages(inputs: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match?.[1] && match[2]) packages.set(match[2], join(ROOT, match[1]));
  }
  return new Map([...packages].sort(([a], [b]) => a.localeCompare(b)));
}

/** "name version (licence, copyright line)" for a bundled package, from its package.json and licence file. */
function licenceLine(name: string, dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; license?: string };
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const copyright = file
    ? readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .find((line) => /^\s*copyright/i.test(line))
        ?.trim()
    : undefined;
  return `${name} ${pkg.version ?? '?'} (${pkg.license ?? 'see its package'}${copyright ? `, ${copyright}` : ''})`;
}

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
    plugins: [forgeClients],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // The notice names every package the bundle holds, read from what esbuild actually bundled. It goes just
  // before the source map comment, so no mapped line moves.
  const packages = bundledPackages(Object.keys(result.metafile.inputs));
  const lines = [...packages].map(([name, dir]) => licenceLine(name, dir));
  const notice = `/*!\n${NOTICE}\nBundles: ${lines.join('; ')}.\n*/\n`;
  mkdirSync(dirname(OUT), { recursive: true });
  for (const file of result.outputFiles) {
    if (file.path !== OUT) {
      writeFileSync(file.path, file.contents);
      continue;
    }
    const text = file.text;
    const at = text.lastIndexOf('//# sourceMappingURL=');
    writeFileSync(file.path, at < 0 ? text + notice : text.slice(0, at) + notice + text.slice(at));
  }
  console.log(
    `dist/forge/index.cjs: ${Math.round(statSync(OUT).size / 1024)} KB, bundling ${[...packages.keys()].join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
