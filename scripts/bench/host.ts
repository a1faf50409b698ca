/**
 * Host figures: how much `privacy-panel add` grows a host's function bundle (issue 12: at most 150 KB).
 * Bundles a fixture host (test/fixtures/hosts/jira-free-slot, a copy in .tmp/) before and after `add`,
 * with Forge's bundler; the package resolves from this repository's dist/ (npm run build:package).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addPanel } from '../../toolkit/cli/host/add';
import { bundleOffline } from '../../toolkit/forge/offline-checks';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '../..');

function sizes(dir: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(sub, { withFileTypes: true })) {
      const full = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cjs')) {
        const bytes = fs.readFileSync(full);
        raw += bytes.length;
        gzip += gzipSync(bytes).length;
      }
    }
  };
  walk(dir);
  return { raw, gzip };
}

async function bundleSizes(dir: string): Promise<{ raw: number; gzip: number }> {
  const bundle = await bundleOffline(dir);
  try {
    return sizes(bundle.outputDir);
  } finally {
    fs.rmSync(bundle.outputDir, { recursive: true, force: true });
  }
}

export async function benchHost(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, 'dist/forge/index.cjs'))) throw new Error('run npm run build:package first');
  const link = path.join(ROOT, '.tmp/node_modules/privacy-panel');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(ROOT, link, 'dir');
  }
  const dir = path.join(ROOT, '.tmp/bench-host');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'test/fixtures/hosts/jira-free-slot'), dir, { recursive: true });
  try {
    const before = await bundleSizes(dir);
    await addPanel(dir, { yes: true });
    const after = await bundleSizes(dir);
    const kb = (bytes: number) => Math.round(bytes / 1024);
    return [
      { name: 'host function bundle before add', measured: kb(before.raw), unit: 'KB' },
      { name: 'host function bundle after add', measured: kb(after.raw), unit: 'KB' },
      {
        name: 'host function bundle growth',
        measured: kb(after.raw - before.raw),
        unit: 'KB',
        budget: 150,
        kind: 'max',
        note: 'the panel entry: its minified runtime, the Forge clients it calls, the starter statement and evidence',
      },
      { name: 'host function bundle growth, gzipped', measured: kb(after.gzip - before.gzip), unit: 'KB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
