import { PRIVACY_REPORT_KEY, registryKey } from '../../src/domain/storage/inventory';
import type { ReportProgress } from '../../src/domain/personal-data/progress-record';
import type { PersonalDataReporter } from '../../src/domain/personal-data/types';
import { forgePersonalDataReporter } from '../../src/platform/personal-data';
import { JIRA_SITE, SAMPLE_ACCOUNTS, startApp, type App } from '../support/app';
import { DAY_MS, WEEK_MS, bulkIds, privacyHarness, type PrivacyHarness } from './support';

let app: App;
let h: PrivacyHarness;
beforeEach(() => {
  app = startApp();
  h = privacyHarness(app);
});
afterEach(() => app.stop());

const calls = () => app.emulator.privacyReporting.calls;
const progress = () => app.emulator.entries(JIRA_SITE).get(PRIVACY_REPORT_KEY) as ReportProgress;
const sorted = (ids: readonly string[]) => [...ids].sort();

/** The real client, arming a rate limit on the emulator once `after` calls went through. */
function rateLimitAfter(after: number, retryAfterSeconds: number): PersonalDataReporter {
  let made = 0;
  return {
    report: (accounts) => {
      if (made++ === after) app.emulator.privacyReporting.rateLimitNext(1, retryAfterSeconds);
      return forgePersonalDataReporter.report(accounts);
    },
  };
}

describe('personal data report', () => {
  it('reports 1,000 registered accounts in one run, one batch of at most 90 at a time, each once', async () => {
    const ids = bulkIds(1000);
    await h.register(ids);
    await h.runReport();
    expect(calls()).toHaveLength(12);
    expect(calls().every((c) => c.accounts.length <= 90 && c.status === 204)).toBe(true);
    expect(sorted(h.reported())).toEqual(sorted(ids));
    expect(calls()[0]!.accounts[0]).toEqual({ accountId: ids[0], updatedAt: '2026-06-01T09:00:00.000Z' });
    expect(progress()).toEqual(
      expect.objectContaining({ cycleComplete: true, nextSeq: 1001, cycle: { reported: 1000, closed: 0, updated: 0 } }),
    );
    expect(progress().lastRun).toEqual({
      reported: 1000,
      closed: 0,
      updated: 0,
      at: '2026-06-01T09:00:00.000Z',
      outcome: 'complete',
    });
    expect(h.logs).toEqual([
      'privacy-panel: personal data report complete: reported 1000, closed 0, updated 0, erased 0',
    ]);
  });

  it('a run stopped by a 429 halfway resumes there after Retry-After, and reports nobody twice', async () => {
    const ids = bulkIds(1000);
    h = privacyHarness(app, { reporter: rateLimitAfter(6, 3600) });
    await h.register(ids);

    await h.runReport();
    expect(calls().map((c) => c.status)).toEqual([204, 204, 204, 204, 204, 204, 429]);
    expect(h.reported()).toHaveLength(540);
    expect(progress()).toEqual(
      expect.objectContaining({ cycleComplete: false, nextSeq: 541, notBefore: '2026-06-01T10:00:00.000Z' }),
    );
    expect(progress().lastRun?.outcome).toBe('rate-limited');

    h.clock.advance(30 * 60 * 1000); // before Retry-After: nothing is sent
    await h.runReport();
    expect(calls()).toHaveLength(7);
    expect(progress().lastRun?.outcome).toBe('waiting');

    h.clock.advance(DAY_MS);
    await h.runReport();
    expect(progress().lastRun).toEqual(expect.objectContaining({ reported: 460, outcome: 'complete' }));
    expect(h.reported()).toHaveLength(1000);
    expect(sorted(h.reported())).toEqual(sorted(ids));
    expect(progress().notBefore).toBeUndefined();
  });

  it('waits out a short Retry-After within the run', async () => {
    h = privacyHarness(app, { reporter: rateLimitAfter(1, 5) });
    await h.register(bulkIds(200));
    await h.runReport();
    expect(calls().map((c) => c.status)).toEqual([204, 429, 204, 204]);
    expect(h.sleeps).toEqual([5000]);
    expect(h.reported()).toHaveLength(200);
    expect(progress().lastRun?.outcome).toBe('complete');
  });

  it('a 503 ends the run without throwing; the next run resumes after the last batch sent', async () => {
    await h.register(bulkIds(300));
    app.emulator.injectFault({ kind: 'server-error', pathPrefix: '/app/report-accounts', afterCalls: 2 });
    await expect(h.runReport()).resolves.toBeUndefined();
    expect(progress()).toEqual(
      expect.objectContaining({ nextSeq: 181, lastRun: expect.objectContaining({ outcome: 'failed', reported: 180 }) }),
    );
    h.clock.advance(DAY_MS);
    await h.runReport();
    expect(sorted(h.reported())).toEqual(sorted(bulkIds(300)));
  });

  it('never reports again before the cycle period has passed, then reports everyone again', async () => {
    await h.register(bulkIds(100));
    await h.runReport();
    expect(h.reported()).toHaveLength(100);

    for (const step of [DAY_MS, 5 * DAY_MS, DAY_MS - 60_000]) {
      h.clock.advance(step); // up to 7 days less a minute
      await h.runReport();
      expect(calls()).toHaveLength(2);
      expect(progress().lastRun?.outcome).toBe('not-due');
    }
    h.clock.advance(60_000);
    await h.runReport();
    expect(calls()).toHaveLength(4);
    expect(h.reported()).toHaveLength(200);
    expect(progress().cycleStartedAt).toBe(new Date(Date.parse('2026-06-01T09:00:00.000Z') + WEEK_MS).toISOString());
  });

  it('accounts registered during a cycle are reported in the same cycle', async () => {
    h = privacyHarness(app, { reporter: rateLimitAfter(1, 3600) });
    await h.register(bulkIds(150, 'early'));
    await h.runReport();
    expect(h.reported()).toHaveLength(90);
    await h.register(bulkIds(10, 'late'));
    h.clock.advance(2 * 3600 * 1000);
    await h.runReport();
    expect(sorted(h.reported())).toEqual(sorted([...bulkIds(150, 'early'), ...bulkIds(10, 'late')]));
  });

  it('never reports `unknown` or `unidentified`, whether registered or written straight into the registry', async () => {
    await h.register(['unknown', 'unidentified', 'UNKNOWN', SAMPLE_ACCOUNTS.member]);
    expect([...app.emulator.entries(JIRA_SITE).keys()].filter((k) => k.startsWith('pp:acct'))).toHaveLength(2);
    await app.emulator.run({ installContext: JIRA_SITE }, async () => {
      await h.store.putIfAbsent(registryKey(2), { accountId: 'unknown', firstSeenAt: '2026-01-01T00:00:00.000Z' });
      await h.store.putIfAbsent(registryKey(3), { accountId: 'unidentified', firstSeenAt: '2026-01-01T00:00:00.000Z' });
    });
    await h.runReport();
    expect(h.reported()).toEqual([SAMPLE_ACCOUNTS.member]);
    expect(calls().flatMap((c) => c.accounts.map((a) => a.accountId.toLowerCase()))).not.toEqual(
      expect.arrayContaining(['unknown']),
    );
  });

  it('counts `updated` accounts and keeps nothing but counts', async () => {
    await h.register([SAMPLE_ACCOUNTS.member, SAMPLE_ACCOUNTS.jiraAdmin]);
    app.emulator.users.markUpdated(SAMPLE_ACCOUNTS.member, new Date('2026-06-02T00:00:00.000Z'));
    await h.runReport();
    expect(calls().map((c) => c.status)).toEqual([200]);
    expect(progress().lastRun).toEqual(expect.objectContaining({ reported: 2, updated: 1, closed: 0 }));
    expect(JSON.stringify(progress())).not.toContain('712020:');
    expect(app.emulator.entries(JIRA_SITE).has(`pp:acctid:${SAMPLE_ACCOUNTS.member}`)).toBe(true);
  });

  it('a storage failure never escapes the handler, logs no account ID, and the next run carries on', async () => {
    await h.register(bulkIds(20));
    app.emulator.injectFault({ kind: 'timeout', times: 1000 });
    await expect(h.runReport()).resolves.toBeUndefined();
    expect(h.logs).toEqual([
      'privacy-panel: personal data report stopped (StorageUnavailableError); the next run resumes',
    ]);
    app.emulator.clearFaults();
    await h.runReport();
    expect(h.reported()).toHaveLength(20);
    expect(h.logs.join('\n')).not.toContain('712020:');
  });

  it('does nothing without an installation context', async () => {
    await h.register(bulkIds(5));
    const { createPersonalDataTrigger } = await import('../../src/triggers/report-personal-data');
    const logs: string[] = [];
    const trigger = createPersonalDataTrigger({
      catalog: (await import('../support/statements')).sampleCatalog(),
      log: (l) => logs.push(l),
    });
    await trigger({}, {});
    expect(calls()).toHaveLength(0);
    expect(logs).toEqual(['privacy-panel: personal data report skipped: no installation context']);
  });
});
