/**
 * What the package's Forge runtime loads (nothing build-time), and `privacy-panel preview` in a host: the
 * panel served with the host's statement and evidence on the emulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { previewHost } from '../../dev/preview/host';
import type { Disclosure, Result } from '../../src/contract';
import { addPanel } from '../../toolkit/cli/host/add';
import { copyFixture, REPO, requirePackageBuilt } from './harness';

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe('privacy-panel/forge, the runtime a host bundles', () => {
  it('imports only the Forge clients, json-canonicalize, node:crypto, zod/mini and its own files: no compiler, YAML, Markdown or toolkit', () => {
    requirePackageBuilt();
    const specifiers = new Set<string>();
    for (const file of jsFiles(path.join(REPO, 'dist/forge'))) {
      for (const match of fs
        .readFileSync(file, 'utf8')
        .matchAll(/\bfrom\s+'([^']+)'|\bimport\s+'([^']+)'|require\('([^']+)'\)/g)) {
        const spec = match[1] ?? match[2] ?? match[3] ?? '';
        if (!spec.startsWith('.')) specifiers.add(spec);
      }
    }
    expect([...specifiers].sort()).toEqual([
      '@forge/api',
      '@forge/kvs',
      '@forge/resolver',
      'json-canonicalize',
      'node:crypto',
      'zod/mini', // payloads and stored values are checked at the function's edge (src/resolvers, src/domain/shapes.ts)
    ]);
  });
});

describe('privacy-panel/mount, for a host whose own Custom UI shows the panel', () => {
  it("exports mountPrivacyPanel, leaves @forge/bridge to the host's bundle, and ships its styles as a file", () => {
    requirePackageBuilt();
    const code = fs.readFileSync(path.join(REPO, 'dist/mount/index.js'), 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*\bas mountPrivacyPanel\b/);
    expect(code).toMatch(/from\s*"@forge\/bridge"/);
    expect(fs.statSync(path.join(REPO, 'dist/mount/mount.css')).size).toBeGreaterThan(1000);
  });
});

describe('privacy-panel preview in a host', () => {
  let dir: string;
  beforeAll(async () => {
    dir = copyFixture('confluence-only');
    await addPanel(dir, { yes: true, today: '2026-11-01' });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("serves the page and answers with the host's statement and evidence", async () => {
    const { preview, lines } = await previewHost(dir, 0);
    try {
      expect(lines.join('\n')).toMatch(/draft: not published yet/);
      const page = await fetch(preview.appUrl);
      expect(page.status).toBe(200);
      const response = await fetch(new URL('/__preview/bridge', preview.url), {
        method: 'POST',
        // The preview answers only its own pages: same origin, JSON (dev/preview/guard.ts).
        headers: { 'content-type': 'application/json', origin: new URL(preview.url).origin },
        body: JSON.stringify({ name: 'invoke', args: { functionKey: 'getDisclosure', payload: {} } }),
      });
      const { value } = (await response.json()) as { value: Result<Disclosure> };
      if (!value.ok) throw new Error(JSON.stringify(value.error));
      expect(value.data.statement.id).toBe('fixture-glossary');
      expect(value.data.evidence.manifest.scopes).toEqual(expect.arrayContaining(['read:confluence-content.summary']));
      expect(fs.existsSync(path.join(dir, '.preview'))).toBe(true);
    } finally {
      await preview.close();
    }
  });
});
