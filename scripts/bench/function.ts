/**
 * Function bundle figures (issue 22): the panel's function bundle beside a minimal Forge function (one
 * resolver that reads KVS and calls a product API), both built by Forge's own bundler, with a budget of
 * twice the minimal one (330 KiB). Two bundles of the panel: this repository's own (what `forge deploy` of
 * manifest.yml builds: src/index.ts imports the packed `privacy-panel/forge`, dist/forge/index.cjs, which
 * `npm run build` writes), and a host's (the same handler in an app under .tmp/ that installs the package).
 * The repository's row says what is left in it. And the offline verifier's size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildVerifier } from '../build-verifier';
import { bundleSizes, linkPackage } from './host';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '../..');
const kb = (bytes: number) => Math.round(bytes / 1024);

const MINIMAL_HANDLER = `import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';
import api, { route } from '@forge/api';

const resolver = new Resolver();
resolver.define('get', async () => {
  const value = await kvs.get('key');
  await api.asApp().requestJira(route\`/rest/api/3/myself\`);
  return value ?? null;
});
export const handler = resolver.getDefinitions();
`;

const MINIMAL_MANIFEST = `modules:
  function:
    - key: fn
      handler: index.handler
app:
  id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555
  runtime:
    name: nodejs22.x
`;

/**
 * This repository's tsconfig as a host would have it: without the `paths` entry that points the type checker
 * at the runtime's source (src/host) here.
 */
function hostTsconfig(): string {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  delete config.compilerOptions['paths'];
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** An app folder under .tmp/ with this repository's tsconfig: files are path → text. */
function app(name: string, files: Record<string, string>): string {
  const dir = path.join(ROOT, '.tmp', name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries({
    'package.json': '{ "name": "bench-app", "version": "1.0.0", "private": true }\n',
    'tsconfig.json': hostTsconfig(),
    ...files,
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function measured(dir: string): Promise<number> {
  try {
    return (await bundleSizes(dir)).raw;
  } finally {
    if (dir.startsWith(path.join(ROOT, '.tmp'))) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the repository's bundle holds besides the Forge clients and webpack's wrapper, in bytes. */
function parts(): { runtime: number; data: number } {
  const json = (file: string) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'))).length;
  return {
    runtime: fs.statSync(path.join(ROOT, 'dist/forge/index.cjs')).size,
    data: json('src/generated/statements.json') + json('src/generated/evidence.json'),
  };
}

export async function benchFunction(): Promise<BenchRow[]> {
  linkPackage();
  const minimal = await measured(
    app('bench-fn-minimal', { 'manifest.yml': MINIMAL_MANIFEST, 'src/index.ts': MINIMAL_HANDLER }),
  );
  const own = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  const asHost = await measured(
    app('bench-fn-packed', {
      'manifest.yml': own('manifest.yml'),
      'src/index.ts': own('src/index.ts'),
      'src/generated/statements.json': own('src/generated/statements.json'),
      'src/generated/evidence.json': own('src/generated/evidence.json'),
    }),
  );
  const repository = await measured(ROOT);
  const { runtime, data } = parts();
  const budget = 2 * kb(minimal);
  const verifier = buildVerifier().bytes;
  return [
    {
      name: 'minimal Forge function bundle',
      measured: kb(minimal),
      unit: 'KiB',
      note: 'a resolver, KVS and a product API call',
    },
    {
      name: 'panel function bundle as a host runs it',
      measured: kb(asHost),
      unit: 'KiB',
      budget,
      kind: 'max',
      note: `${(asHost / minimal).toFixed(2)}× minimal: the same handler in an app that installs the package`,
    },
    {
      name: "this repository's own function bundle",
      measured: kb(repository),
      unit: 'KiB',
      budget,
      kind: 'max',
      note:
        `${(repository / minimal).toFixed(2)}× minimal, what forge deploy builds: the packed runtime ${kb(runtime)} KiB ` +
        `(minified, valibot tree-shaken), the statement catalog and evidence ${kb(data)} KiB (every published ` +
        `version's text), the Forge clients and webpack's wrapper about ${kb(repository - runtime - data)} KiB`,
    },
    {
      name: 'offline verifier (one HTML file)',
      measured: kb(verifier),
      unit: 'KiB',
      note: 'valibot, tree-shaken and minified',
    },
  ];
}
