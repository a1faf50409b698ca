import fs from 'node:fs';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import {
  ROOT,
  bundleOffline,
  lintOffline,
  validateManifest,
  type BundleReport,
} from '../../toolkit/forge/offline-checks';

/** Forge's own checks, offline: what `forge lint` and `forge deploy` would say before anything uploads. */

const SITE = 'ari:cloud:jira::site/22222222-2222-4222-8222-222222222222';

describe('Forge platform checks (offline)', () => {
  it('the UI build exists (the manifest points at it)', () => {
    expect(fs.existsSync(path.join(ROOT, 'static/admin/build/index.html'))).toBe(true);
  });

  it('manifest.yml passes @forge/manifest validate()', async () => {
    const report = await validateManifest();
    expect(report.errors).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('the client-side Forge linters report no error', async () => {
    const report = await lintOffline();
    expect(report.errors).toBe(0);
  });

  describe('the function bundle', () => {
    let bundle: BundleReport;
    const emulator = new ForgeEmulator();

    beforeAll(async () => {
      bundle = await bundleOffline();
      emulator.install();
    }, 120_000);
    afterAll(() => {
      emulator.uninstall();
      if (bundle) fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    });

    it('builds offline from the packed runtime, as a host does, with the Forge clients inside', () => {
      expect(bundle.files['index.cjs']).toBeGreaterThan(1000);
      // src/index.ts imports privacy-panel/forge: webpack takes dist/forge/index.cjs, not src/host and what
      // it imports (issue 22), and the Forge clients that file requires from this repository's node_modules.
      expect(bundle.dependencies).toContain('privacy-panel');
      const map = JSON.parse(fs.readFileSync(path.join(bundle.outputDir, 'index.cjs.map'), 'utf8')) as {
        sources: string[];
      };
      const sources = map.sources.map((s) => s.replace(/^webpack:\/\/[^/]*\/\.\//, ''));
      expect(sources).toContain('dist/forge/index.cjs');
      for (const client of ['@forge/kvs', '@forge/resolver', '@forge/api'])
        expect(sources.some((s) => s.startsWith(`node_modules/${client}/`))).toBe(true);
      expect(sources.filter((s) => s.startsWith('src/'))).toEqual(['src/index.ts']);
    });

    it('loads and answers getDisclosure and acknowledge against the emulator', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(path.join(bundle.outputDir, 'index.cjs')) as {
        handler: Parameters<ForgeEmulator['invoke']>[0];
      };
      // Every function handler manifest.yml names is exported by the one entry point.
      expect(Object.keys(loaded).sort()).toEqual(['handler', 'onAppInstalled', 'onAppUpgraded', 'reportPersonalData']);
      const identity = { installContext: SITE, accountId: SAMPLE_ACCOUNTS.siteAdmin };
      const disclosure = (await emulator.invoke(loaded.handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
      if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
      expect(disclosure.data.status).toEqual({ state: 'never' });
      const { version, hash } = disclosure.data.statement;
      const ack = (await emulator.invoke(loaded.handler, 'acknowledge', { version, hash }, identity)) as Result<{
        created: boolean;
      }>;
      expect(ack).toEqual({ ok: true, data: expect.objectContaining({ created: true }) });
      expect([...emulator.entries(SITE).keys()].some((k) => k.startsWith('pp:rcpt:'))).toBe(true);
    });
  });
});
