import path from 'node:path';
import { ForgeEmulator, SAMPLE_ACCOUNTS, STRICT_KVS } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import type { PrivacyPanelData } from '../../src/host';
import { bundledEvidence } from '../../dev/harness/bundled-catalog';
import { REPO, requirePackageBuilt } from '../host/harness';
import { sampleCatalog } from '../support/statements';

/**
 * What a host runs: the packed runtime (dist/forge), its scheduled personal data report under a host's key
 * prefix, with a report answer lost and a storage write that lands but answers an error.
 */

type Handler = Parameters<ForgeEmulator['invoke']>[0];
interface Panel {
  handler: Handler;
  reportPersonalData(event: unknown, context: unknown): Promise<void>;
}

const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const CLOSING = SAMPLE_ACCOUNTS.siteAdmin;
const STAYING = SAMPLE_ACCOUNTS.jiraAdmin;

let emulator: ForgeEmulator;
beforeEach(() => {
  emulator = new ForgeEmulator({ kvs: STRICT_KVS }).install();
});
afterEach(() => emulator.uninstall());

it('the packed runtime reports each account once per lost answer, erases the closed one, under a key prefix', async () => {
  requirePackageBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require(path.join(REPO, 'dist/forge/index.cjs')) as {
    createPrivacyPanel(data: PrivacyPanelData): Panel;
  };
  const panel = runtime.createPrivacyPanel({
    catalog: sampleCatalog(),
    evidence: bundledEvidence,
    keyPrefix: 'host-pp:',
  });
  for (const accountId of [CLOSING, STAYING]) {
    const identity = { installContext: SITE, accountId };
    const disclosure = (await emulator.invoke(panel.handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
    if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
    const { version, hash } = disclosure.data.statement;
    await emulator.invoke(panel.handler, 'acknowledge', { version, hash }, identity);
  }
  emulator.users.closeAccount(CLOSING);
  emulator.injectFault({ kind: 'lost-response', pathPrefix: '/app/report-accounts' });
  emulator.injectFault({ kind: 'lost-response', pathPrefix: '/api/v1/set', afterCalls: 3 });

  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  await emulator.run({ installContext: SITE }, () => panel.reportPersonalData({}, { installContext: SITE }));
  log.mockRestore();
  expect(lines).toEqual(['privacy-panel: personal data report complete: reported 2, closed 1, updated 0, erased 1']);

  const per = emulator.privacyReporting.acceptedPerAccount();
  expect(per.get(CLOSING)).toEqual({ accepted: 2, lost: 1 });
  expect(per.get(STAYING)).toEqual({ accepted: 2, lost: 1 });
  const keys = [...emulator.entries(SITE).keys()];
  expect(JSON.stringify([...emulator.entries(SITE)])).not.toContain(CLOSING);
  expect(keys).toEqual(
    expect.arrayContaining([
      'host-pp:privacy:batch:0000000001:0000000001:01',
      'host-pp:privacy:batch:0000000001:0000000001:02',
    ]),
  );
  expect(emulator.entries(SITE).get('host-pp:privacy:report')).toEqual(
    expect.objectContaining({ cycleComplete: true, lastRun: expect.objectContaining({ outcome: 'complete' }) }),
  );
  expect(keys.every((key) => key.startsWith('host-pp:'))).toBe(true);
});

it("the packed runtime answers a member's page load with the statement and status unavailable under a 429", async () => {
  requirePackageBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require(path.join(REPO, 'dist/forge/index.cjs')) as {
    createPrivacyPanel(data: PrivacyPanelData): Panel;
  };
  const panel = runtime.createPrivacyPanel({ catalog: sampleCatalog(), evidence: bundledEvidence });
  const identity = { installContext: SITE, accountId: SAMPLE_ACCOUNTS.member };
  emulator.injectFault({ kind: 'rate-limit', retryAfterSeconds: 30 });
  const disclosure = (await emulator.invoke(panel.handler, 'getDisclosure', {}, identity)) as Result<Disclosure>;
  if (!disclosure.ok) throw new Error(JSON.stringify(disclosure.error));
  expect(disclosure.data.statement.version).toBe(1);
  expect(disclosure.data.status).toEqual({ state: 'unavailable', retryAfterSeconds: expect.any(Number) });
  expect(disclosure.data.viewer.canAcknowledge).toBe(false);
});
