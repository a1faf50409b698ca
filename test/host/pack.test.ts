/**
 * The package as a vendor gets it: `npm pack` → install the tarball into a fixture host in a temporary
 * folder outside the repository (its dependencies from the npm registry, or npm's cache) → `npx privacy-panel
 * add --yes` → `npx privacy-panel build` → Forge's bundler bundles the host → the bundle answers on the
 * emulator. Slow (an npm install): it runs in the full suite; skip it with PRIVACY_PANEL_SKIP_PACK=1.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { bundleOffline, validateManifest } from '../../toolkit/forge/offline-checks';
import { FIXTURES, REPO, requirePackageBuilt } from './harness';

type Handler = Parameters<ForgeEmulator['invoke']>[0];
const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const run = process.env['PRIVACY_PANEL_SKIP_PACK'] === '1' ? describe.skip : describe;

function sh(cwd: string, command: string, args: string[]): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
}

run('npm pack → install → add → build → bundle', () => {
  let work: string;
  let host: string;
  const emulator = new ForgeEmulator();

  beforeAll(() => {
    requirePackageBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-panel-pack-'));
    // dist/ is already built (npm test builds it first), so skip prepack's rebuild.
    const packed = JSON.parse(sh(REPO, 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work])) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = path.join(work, packed[0]?.filename ?? '');
    expect(packed[0]?.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'dist/forge/index.cjs',
        'dist/mount/index.js',
        'dist/page/index.html',
        'bin/privacy-panel.cjs',
      ]),
    );
    host = path.join(work, 'host');
    fs.cpSync(path.join(FIXTURES, 'jira-free-slot'), host, { recursive: true });
    sh(host, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball]);
    emulator.install();
  }, 900_000);
  afterAll(() => {
    emulator.uninstall();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('installs without tsx or the repository, and adds, builds, bundles and answers', async () => {
    expect(fs.existsSync(path.join(host, 'node_modules/tsx'))).toBe(false);
    const added = sh(host, 'npx', ['--no-install', 'privacy-panel', 'add', '--yes']);
    expect(added).toMatch(/its own admin page "privacy-panel-jira"/);
    const built = sh(host, 'npx', ['--no-install', 'privacy-panel', 'build']);
    expect(built).toMatch(/refreshed the page resource static\/privacy-panel/);
    expect(fs.existsSync(path.join(host, 'static/privacy-panel/index.html'))).toBe(true);
    expect((await validateManifest(host)).errors).toEqual([]);

    const bundle = await bundleOffline(host);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const panel = require(path.join(bundle.outputDir, 'privacy-panel/index.cjs')) as Record<string, Handler>;
      const identity = { installContext: SITE, accountId: SAMPLE_ACCOUNTS.siteAdmin };
      const disclosure = (await emulator.invoke(
        panel['handler'] as Handler,
        'getDisclosure',
        {},
        identity,
      )) as Result<Disclosure>;
      if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
      expect(disclosure.data.statement.version).toBe(1);
      const { version, hash } = disclosure.data.statement;
      const ack = await emulator.invoke(panel['handler'] as Handler, 'acknowledge', { version, hash }, identity);
      expect(ack).toEqual({ ok: true, data: expect.objectContaining({ created: true }) });
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }, 600_000);
});
