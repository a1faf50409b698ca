/**
 * `privacy-panel add` on one fixture host per placement: the manifest still passes Forge's validator and
 * linter, Forge's bundler bundles the host with the panel, the bundle answers the panel's resolvers on the
 * emulator while the host's own still answer, `add` twice equals `add` once, `remove` restores every byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { addPanel, removePanel } from '../../toolkit/cli/host/add';
import type { Placement } from '../../toolkit/cli/host/plan';
import { bundleOffline, lintOffline, validateManifest } from '../../toolkit/forge/offline-checks';
import { applyServerWiring, copyFixture, publishStarter, requirePackageBuilt, snapshot } from './harness';

type Handler = Parameters<ForgeEmulator['invoke']>[0];

interface Case {
  fixture: string;
  placements: Placement['kind'][];
  /** One of the host's own resolver calls and what it answers. */
  own: { name: string; payload: Record<string, unknown>; answer: unknown; afterTrigger?: string };
  product: 'jira' | 'confluence';
}

const CASES: Case[] = [
  {
    fixture: 'jira-free-slot',
    placements: ['admin-page'],
    own: { name: 'draftNote', payload: { summary: 'login loop' }, answer: { note: 'Fixed: login loop' } },
    product: 'jira',
  },
  {
    fixture: 'jira-custom-ui-router',
    placements: ['sub-page'],
    own: { name: 'setRule', payload: { days: 10 }, answer: { saved: true } },
    product: 'jira',
  },
  {
    fixture: 'jira-ui-kit',
    placements: ['config'],
    own: { name: 'countStale', payload: { labels: ['a', 'b'] }, answer: { stale: 2 } },
    product: 'jira',
  },
  {
    fixture: 'confluence-only',
    placements: ['global-settings'],
    own: { name: 'termsIn', payload: { text: 'short interoperability' }, answer: { terms: ['interoperability'] } },
    product: 'confluence',
  },
  {
    fixture: 'jira-confluence',
    placements: ['admin-page', 'global-settings'],
    own: { name: 'whereAmI', payload: {}, answer: { from: 'confluence' } },
    product: 'confluence',
  },
  {
    fixture: 'legacy-storage-triggers',
    placements: ['admin-page'],
    // The host's own install trigger writes an unprefixed key beside the panel's receipts; both still read.
    own: { name: 'columns', payload: { project: 'default' }, answer: ['To do', 'Doing', 'Done'], afterTrigger: 'seed' },
    product: 'jira',
  },
];

const SITE = {
  jira: 'ari:cloud:jira::site/33333333-3333-4333-8333-333333333333',
  confluence: 'ari:cloud:confluence::site/33333333-3333-4333-8333-333333333333',
};

beforeAll(() => requirePackageBuilt());

describe.each(CASES)('add on $fixture', ({ fixture, placements, own, product }) => {
  let dir: string;
  let original: Map<string, string>;
  let notes: string[];
  const emulator = new ForgeEmulator();

  beforeAll(async () => {
    dir = copyFixture(fixture);
    original = snapshot(dir);
    const result = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(result.written).toBe(true);
    expect(result.plan.placements.map((p) => p.kind)).toEqual(placements);
    notes = result.plan.notes;
    // The vendor adds the printed lines for the sub-page placement (the panel's triggers run from them).
    if (placements.includes('sub-page')) applyServerWiring(dir, notes);
    emulator.install();
  }, 120_000);
  afterAll(() => {
    emulator.uninstall();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every byte of the manifest outside the blocks it adds', () => {
    const after = fs.readFileSync(path.join(dir, 'manifest.yml'), 'utf8');
    const without = after.replace(/^[ \t]*# privacy-panel:begin (\S+)\n[\s\S]*?^[ \t]*# privacy-panel:end \1\n/gm, '');
    const was = [...after.matchAll(/^[ \t]*# privacy-panel:was (.*)$/gm)].length;
    if (was === 0) expect(without).toBe(original.get('manifest.yml'));
    else expect(without.length).toBeLessThan(original.get('manifest.yml')?.length ?? 0);
  });

  it("passes Forge's manifest validator and client-side linter with no error", async () => {
    const report = await validateManifest(dir);
    expect(report.errors).toEqual([]);
    const lint = await lintOffline(dir);
    expect(lint.output.filter((line) => /\berror\b/.test(line) && !/0 errors/.test(line))).toEqual([]);
    expect(lint.errors).toBe(0);
  });

  it("bundles with Forge's bundler and answers the panel's and the host's resolvers", async () => {
    publishStarter(dir); // a draft is never acknowledged
    const bundle = await bundleOffline(dir);
    try {
      const load = (file: string) =>
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(path.join(bundle.outputDir, file)) as Record<string, Handler>;
      const host = load('index.cjs');
      const subPage = placements.includes('sub-page');
      // A sub-page host runs the panel's triggers from its own module: one entry, one copy of the runtime.
      expect(fs.existsSync(path.join(bundle.outputDir, 'privacy-panel/index.cjs'))).toBe(!subPage);
      const panelEntry = subPage ? {} : load('privacy-panel/index.cjs');
      if (subPage) {
        expect(Object.keys(host)).toEqual(
          expect.arrayContaining(['privacyPanelReport', 'privacyPanelInstalled', 'privacyPanelUpgraded']),
        );
      } else {
        expect(Object.keys(panelEntry).sort()).toEqual([
          'handler',
          'onAppInstalled',
          'onAppUpgraded',
          'reportPersonalData',
        ]);
      }
      const panel = subPage ? host['handler'] : panelEntry['handler'];
      const identity = { installContext: SITE[product], accountId: SAMPLE_ACCOUNTS.siteAdmin };
      const disclosure = (await emulator.invoke(panel as Handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
      if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
      const { version, hash } = disclosure.data.statement;
      const ack = await emulator.invoke(panel as Handler, 'acknowledge', { version, hash }, identity);
      expect(ack).toEqual({ ok: true, data: expect.objectContaining({ created: true }) });
      if (own.afterTrigger) {
        const trigger = host[own.afterTrigger] as unknown as (event: unknown, context: unknown) => Promise<void>;
        await emulator.run({ installContext: SITE[product] }, () => trigger({}, { installContext: SITE[product] }));
      }
      const answer = await emulator.invoke(host['handler'] as Handler, own.name, own.payload, identity);
      expect(answer).toEqual(own.answer);
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('changes nothing when run a second time', async () => {
    const before = snapshot(dir);
    const again = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(again.written).toBe(false);
    expect(again.plan.alreadyAdded).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('remove restores the host byte for byte and keeps policy/', () => {
    if (placements.includes('sub-page')) {
      // The vendor takes out the lines they added, as remove's message asks.
      fs.writeFileSync(path.join(dir, 'src/index.js'), original.get('src/index.js') ?? '');
    }
    expect(removePanel(dir).removed).toBe(true);
    expect(snapshot(dir, ['policy'])).toEqual(original);
    expect(fs.existsSync(path.join(dir, 'policy/statement.yml'))).toBe(true);
  });
});
