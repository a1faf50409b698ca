/**
 * The peer ranges of package.json hold: for each version a range admits beyond the repository's own
 * clients (the lowest of each major or minor it names), a host pinned at that version gets the panel with
 * `add`, bundles with Forge's bundler taking that client from the host's own installation, and the bundled
 * panel answers through the emulator: a resolver call, an acknowledgment and the personal data report.
 * The versions come from npm aliases in devDependencies (`<name>-v<major>[.<minor>]`, test/host/harness.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { addPanel } from '../../toolkit/cli/host/add';
import { bundleOffline } from '../../toolkit/forge/offline-checks';
import { copyFixture, installPackageCopy, pinDependency, publishStarter, REPO } from './harness';

type Handler = Parameters<ForgeEmulator['invoke']>[0];
interface PanelEntry {
  handler: Handler;
  reportPersonalData(event: unknown, context: unknown): Promise<void>;
}

const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const ADMIN = SAMPLE_ACCOUNTS.jiraAdmin;

/** Each pinned version, and the folder of the repository's alias the host's bundle must take it from. */
const PINS = [
  { dependency: '@forge/api', version: '7.0.0', alias: '@forge/api-v7', file: 'out/api/fetch.js' },
  { dependency: '@forge/resolver', version: '1.7.0', alias: '@forge/resolver-v1.7', file: 'out/index.js' },
] as const;

const peers = (
  JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
  }
).peerDependencies;

describe.each(PINS)('a host on $dependency $version', ({ dependency, version, alias, file }) => {
  let dir: string;
  let bundleDir: string;
  const emulator = new ForgeEmulator();

  beforeAll(async () => {
    dir = copyFixture('jira-free-slot');
    pinDependency(dir, dependency, version);
    installPackageCopy(dir);
    await addPanel(dir, { yes: true, today: '2026-11-01' });
    publishStarter(dir); // a draft is never acknowledged
    bundleDir = (await bundleOffline(dir)).outputDir;
    emulator.install();
  }, 300_000);
  afterAll(() => {
    emulator.uninstall();
    fs.rmSync(dir, { recursive: true, force: true });
    if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  });

  it('is a version the peer range names', () => {
    const range = peers[dependency] ?? '';
    const lowest = range.split('||').map((part) => part.trim().replace(/^\^/, ''));
    expect(lowest).toContain(version);
  });

  it("bundles the panel with the host's own client of that version", () => {
    const map = JSON.parse(fs.readFileSync(path.join(bundleDir, 'privacy-panel/index.cjs.map'), 'utf8')) as {
      sources: string[];
    };
    const from = (folder: string) => map.sources.some((source) => source.endsWith(`node_modules/${folder}/${file}`));
    expect(from(alias)).toBe(true);
    expect(from(dependency)).toBe(false);
  });

  it('answers a resolver call, an acknowledgment and the personal data report', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const panel = require(path.join(bundleDir, 'privacy-panel/index.cjs')) as PanelEntry;
    const identity = { installContext: SITE, accountId: ADMIN };
    const disclosure = (await emulator.invoke(panel.handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
    if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
    expect(disclosure.data.statement.id).toBe('fixture-release-notes');
    expect(disclosure.data.viewer.canAcknowledge).toBe(true); // the admin check asked the product as the user
    const { version: statementVersion, hash } = disclosure.data.statement;
    const acknowledged = (await emulator.invoke(
      panel.handler,
      'acknowledge',
      { version: statementVersion, hash },
      identity,
    )) as Result<unknown>;
    expect(acknowledged.ok).toBe(true);

    emulator.users.closeAccount(ADMIN);
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await emulator.run({ installContext: SITE }, () => panel.reportPersonalData({}, { installContext: SITE }));
    } finally {
      log.mockRestore();
    }
    expect(lines).toEqual(['privacy-panel: personal data report complete: reported 1, closed 1, updated 0, erased 1']);
    expect(emulator.privacyReporting.acceptedPerAccount().get(ADMIN)).toEqual({ accepted: 1, lost: 0 });
    expect(JSON.stringify([...emulator.entries(SITE)])).not.toContain(ADMIN);
  }, 60_000);
});
