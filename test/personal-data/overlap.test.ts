import { PRIVACY_REPORT_KEY } from '../../src/domain/storage/inventory';
import { StorageUnavailableError, type Store } from '../../src/domain/platform-ports';
import { eraseAccount } from '../../src/domain/personal-data/erase';
import type { PersonalDataReporter } from '../../src/domain/personal-data/types';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { createKvsStore } from '../../src/platform/kvs-store';
import { forgePersonalDataReporter } from '../../src/platform/personal-data';
import { systemIds } from '../../src/platform/system';
import { createPersonalDataTrigger } from '../../src/triggers/report-personal-data';
import { JIRA_SITE, admin, secondAdmin, SAMPLE_ACCOUNTS, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { TestClock, bulkIds, privacyHarness } from './support';

/** The personal data report reports nobody twice and erases once, even when runs overlap or a save fails. */

let app: App;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.stop());

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('overlapping report runs', () => {
  it('two runs at once report every account exactly once', async () => {
    const h = privacyHarness(app);
    const ids = bulkIds(300);
    await h.register(ids);
    await Promise.all([h.runReport(), h.runReport()]);
    await h.runReport(); // whatever one run left, the next finishes; nobody is sent again
    expect(sorted(h.reported())).toEqual(sorted(ids));
    expect(h.logs.join('\n')).not.toContain('stopped');
  });

  it('a run whose progress save fails after sending does not send that batch again, and finishes', async () => {
    const h = privacyHarness(app);
    const ids = bulkIds(200);
    await h.register(ids);
    let sent = 0;
    const reporter: PersonalDataReporter = {
      report: async (accounts) => {
        const answer = await forgePersonalDataReporter.report(accounts);
        sent += 1;
        return answer;
      },
    };
    const real = createKvsStore();
    let failedSaves = 0;
    const store: Store = {
      ...real,
      put: async (key, value) => {
        if (key === PRIVACY_REPORT_KEY && sent === 1 && failedSaves === 0) {
          failedSaves += 1;
          throw new StorageUnavailableError('injected', 'rate-limited');
        }
        return real.put(key, value);
      },
    };
    const clock = new TestClock();
    const logs: string[] = [];
    const trigger = createPersonalDataTrigger({
      catalog: sampleCatalog(),
      store,
      clock,
      reporter,
      log: (line) => logs.push(line),
      sleep: (ms) => {
        clock.advance(ms);
        return Promise.resolve();
      },
    });
    const run = () => app.emulator.run({ installContext: JIRA_SITE }, () => trigger({}, { installContext: JIRA_SITE }));
    await run();
    expect(failedSaves).toBe(1);
    expect(logs).toEqual(['privacy-panel: personal data report complete: reported 200, closed 0, updated 0, erased 0']);
    await run();
    expect(h.reported()).toHaveLength(200);
    expect(sorted(h.reported())).toEqual(sorted(ids));
  });

  it('two erasures of one closed account at once append one account-erased receipt', async () => {
    const statement = sampleCatalog().versions[0]!;
    await app.ok('acknowledge', { version: 1, hash: statement.hash }, admin);
    await app.ok('acknowledge', { version: 1, hash: statement.hash }, secondAdmin);
    const deps = { store: createKvsStore(), clock: new TestClock(), ids: systemIds, catalog: sampleCatalog() };
    const where = { installation: JIRA_SITE, product: 'jira' as const };
    const outcomes = await app.emulator.run({ installContext: JIRA_SITE }, () =>
      Promise.all([
        eraseAccount(deps, where, SAMPLE_ACCOUNTS.siteAdmin),
        eraseAccount(deps, where, SAMPLE_ACCOUNTS.siteAdmin),
      ]),
    );
    expect(outcomes.every((o) => o.erasedSeqs.join() === '1')).toBe(true);
    const page = await app.ok('exportReceipts', {}, secondAdmin);
    const erasures = page.receipts.filter((r: StoredReceipt) => r.receipt.kind === 'account-erased');
    expect(erasures).toHaveLength(1);
    expect(JSON.stringify(page)).not.toContain(SAMPLE_ACCOUNTS.siteAdmin);
  });
});
