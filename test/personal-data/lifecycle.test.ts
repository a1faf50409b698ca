import { verifyChain } from '../../src/domain/receipts/receipt';
import { createLifecycleTrigger } from '../../src/triggers/lifecycle';
import { JIRA_SITE, admin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { dump, privacyHarness, type PrivacyHarness } from './support';

let app: App;
let h: PrivacyHarness;
beforeEach(() => {
  app = startApp();
  h = privacyHarness(app);
});
afterEach(() => app.stop());

const v1 = () => ({ version: 1, hash: sampleCatalog().versions[0]!.hash });
const rows = async () =>
  (await app.ok('listAcknowledgments', {}, admin)).rows.map((r) => [
    r.seq,
    r.kind,
    r.version,
    r.accountId,
    r.appVersion,
  ]);

describe('lifecycle events on the chain', () => {
  it('install and upgrade appear in the history with their kind; the chain verifies', async () => {
    await h.installed('1.0.0');
    await app.ok('acknowledge', v1(), admin);
    await h.upgraded('2.0.0');
    expect(await rows()).toEqual([
      [3, 'app-upgraded', 1, null, '2.0.0'],
      [2, 'acknowledgment', 1, expect.any(String), undefined],
      [1, 'app-installed', 1, null, '1.0.0'],
    ]);
    const page = await app.ok('exportReceipts', {}, admin);
    const chain = page.receipts.map((s) => s.receipt).reverse();
    expect(verifyChain(chain)).toEqual([]);
    expect(chain[0]).toEqual(
      expect.objectContaining({ kind: 'app-installed', appVersion: '1.0.0', installation: JIRA_SITE, product: 'jira' }),
    );
    expect(chain[2]).toEqual(expect.objectContaining({ kind: 'app-upgraded', appVersion: '2.0.0' }));
  });

  it('an event delivered twice is recorded once; the same version later, after other receipts, again', async () => {
    await h.installed('1.0.0');
    await h.installed('1.0.0');
    await h.upgraded('2.0.0');
    await h.upgraded('2.0.0');
    expect((await rows()).map((r) => r[1])).toEqual(['app-upgraded', 'app-installed']);
    expect(h.logs).toEqual([
      'privacy-panel: app-installed 1.0.0 recorded',
      'privacy-panel: app-installed 1.0.0 already recorded',
      'privacy-panel: app-upgraded 2.0.0 recorded',
      'privacy-panel: app-upgraded 2.0.0 already recorded',
    ]);
  });

  it('keeps no account ID from the event (the installer is not stored)', async () => {
    await h.installed('1.0.0');
    expect(dump(app)).not.toContain('someone-who-installed');
  });

  it('the eventType in the payload wins over the module it came through', async () => {
    const logs: string[] = [];
    const trigger = createLifecycleTrigger('app-installed', { catalog: sampleCatalog(), log: (l) => logs.push(l) });
    await app.emulator.run({ installContext: JIRA_SITE }, () =>
      trigger(
        { eventType: 'avi:forge:upgraded:app', app: { id: 'x', version: '3.0.0' } },
        { installContext: JIRA_SITE },
      ),
    );
    expect((await rows()).map((r) => r[1])).toEqual(['app-upgraded']);
  });

  it('ignores an event without installation context or app version, and never throws on storage failure', async () => {
    const logs: string[] = [];
    const trigger = createLifecycleTrigger('app-installed', { catalog: sampleCatalog(), log: (l) => logs.push(l) });
    await trigger({ app: { version: '1.0.0' } }, {});
    await app.emulator.run({ installContext: JIRA_SITE }, () => trigger({ app: {} }, { installContext: JIRA_SITE }));
    app.emulator.injectFault({ kind: 'timeout', times: 100 });
    await expect(
      app.emulator.run({ installContext: JIRA_SITE }, () =>
        trigger({ app: { version: '1.0.0' } }, { installContext: JIRA_SITE }),
      ),
    ).resolves.toBeUndefined();
    app.emulator.clearFaults();
    expect(logs).toEqual([
      'privacy-panel: app-installed event ignored: no installation context or app version',
      'privacy-panel: app-installed event ignored: no installation context or app version',
      'privacy-panel: app-installed event not recorded (StorageUnavailableError)',
    ]);
    expect(await rows()).toEqual([]);
  });
});
