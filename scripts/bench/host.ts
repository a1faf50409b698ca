/**
 * Host figures: how much `privacy-panel add` grows a host's function bundle (at most 150 KB), for every
 * placement `add` chooses: its own Jira admin page, a sub-page of the host's Custom UI page (the printed
 * wiring pasted in; the panel's runtime then runs from the host's module), the Configure entry of a UI Kit
 * host, a Confluence global settings page, and Jira and Confluence together. Each fixture host (a copy in
 * .tmp/) is bundled before and after `add` with Forge's bundler; the package resolves from this
 * repository's dist/ (npm run build:package).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addPanel } from '../../toolkit/cli/host/add';
import { applyServerWiring } from '../../toolkit/cli/host/wiring';
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

export async function bundleSizes(dir: string): Promise<{ raw: number; gzip: number }> {
  const bundle = await bundleOffline(dir);
  try {
    return sizes(bundle.outputDir);
  } finally {
    fs.rmSync(bundle.outputDir, { recursive: true, force: true });
  }
}

/** One fixture host per placement `add` chooses. */
const SHAPES = [
  { fixture: 'jira-free-slot', placement: 'own Jira admin page' },
  { fixture: 'jira-custom-ui-router', placement: 'sub-page of a Custom UI page' },
  { fixture: 'sub-page-history', placement: 'sub-page, resolver in another file' },
  { fixture: 'jira-ui-kit', placement: 'Configure entry of a UI Kit host' },
  { fixture: 'confluence-only', placement: 'Confluence global settings' },
  { fixture: 'jira-confluence', placement: 'Jira admin page and Confluence settings' },
] as const;

const kb = (bytes: number) => Math.round(bytes / 1024);

async function growth(fixture: string): Promise<{ before: number; after: number; gzip: number }> {
  const dir = path.join(ROOT, `.tmp/bench-host-${fixture}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'test/fixtures/hosts', fixture), dir, { recursive: true });
  try {
    const before = await bundleSizes(dir);
    const added = await addPanel(dir, { yes: true });
    applyServerWiring(dir, added.plan.notes);
    const after = await bundleSizes(dir);
    return { before: before.raw, after: after.raw, gzip: after.gzip - before.gzip };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes `privacy-panel` resolve to this repository's dist/ from any app under .tmp/, as it does in a host. */
export function linkPackage(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist/forge/index.cjs'))) throw new Error('run npm run build:package first');
  const link = path.join(ROOT, '.tmp/node_modules/privacy-panel');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(ROOT, link, 'dir');
  }
}

export async function benchHost(): Promise<BenchRow[]> {
  linkPackage();
  const rows: BenchRow[] = [];
  for (const shape of SHAPES) {
    const g = await growth(shape.fixture);
    rows.push({
      name: `host function bundle growth: ${shape.placement} (${shape.fixture})`,
      measured: kb(g.after - g.before),
      unit: 'KB',
      budget: 150,
      kind: 'max',
      note: `${kb(g.before)} → ${kb(g.after)} KB, ${kb(g.gzip)} KB gzipped: one copy of the panel's runtime, the Forge clients it calls, the starter statement and evidence`,
    });
  }
  return rows;
}
