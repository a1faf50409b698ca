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

describe('privacy-panel/forge, the runtime a host bundles', () => {
  it('requires only the Forge clients it calls and node:crypto: no compiler, YAML, Markdown or toolkit, and no Forge code of its own', () => {
    requirePackageBuilt();
    const code = fs.readFileSync(path.join(REPO, 'dist/forge/index.cjs'), 'utf8');
    const specifiers = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]));
    expect([...specifiers].sort()).toEqual([
      // @forge/api narrowed to the three modules the panel calls (src/host/forge-api-slim.ts)
      '@forge/api/out/api/fetch',
      '@forge/api/out/privacy',
      '@forge/api/out/safeUrl',
      // @forge/kvs without its index, which loads tslib (src/host/kvs-slim.ts)
      '@forge/kvs/out/conditions',
      '@forge/kvs/out/errors',
      '@forge/kvs/out/kvs',
      '@forge/kvs/out/storage-api',
      '@forge/resolver',
      'node:crypto',
    ]);
    // Atlassian's clients are the host's to install, never copied into the package. The one platform seam
    // it names is the storage endpoint of src/host/kvs-slim.ts (its two requests; test/host/kvs-slim.test.ts).
    expect(code).not.toMatch(/Atlassian Developer Terms/);
    expect(code.match(/__forge_fetch__/g)).toHaveLength(2);
    expect(code).not.toMatch(/__forge_fetch__\(\{type:"(?!kvs")/);
    // What it does bundle is named with its licence, read from what esbuild bundled.
    expect(code).toMatch(/Bundles: json-canonicalize [\d.]+ \(MIT, Copyright[^;]*; valibot [\d.]+ \(MIT, Copyright/);
  });
});

describe('privacy-panel/mount, for a host whose own Custom UI shows the panel', () => {
  it("exports mountPrivacyPanel, leaves @forge/bridge to the host's bundle, and ships its styles as a file", () => {
    requirePackageBuilt();
    const code = fs.readFileSync(path.join(REPO, 'dist/mount/index.js'), 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*\bas mountPrivacyPanel\b/);
    // The mount's chunks import @forge/bridge (the host's bundler resolves it); none carries a copy of it.
    const chunks = fs
      .readdirSync(path.join(REPO, 'dist/mount'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => fs.readFileSync(path.join(REPO, 'dist/mount', name), 'utf8'));
    expect(chunks.some((chunk) => /from\s*"@forge\/bridge"/.test(chunk))).toBe(true);
    expect(chunks.some((chunk) => chunk.includes('__bridge'))).toBe(false);
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
      // A Confluence-only app previews in Confluence, and git ignores the preview's storage.
      expect(preview.state.viewpoint.product).toBe('confluence');
      expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toContain('.preview/');
    } finally {
      await preview.close();
    }
  });
});
