import { registryKey } from '../../src/domain/storage/inventory';
import { nextBatch } from '../../src/domain/personal-data/batch';
import { registerAccount } from '../../src/domain/personal-data/registry';
import { retryAfterSeconds } from '../../src/platform/personal-data';
import { JIRA_SITE, startApp, type App } from '../support/app';
import { bulkIds, privacyHarness, type PrivacyHarness } from './support';

let app: App;
let h: PrivacyHarness;
beforeEach(() => {
  app = startApp();
  h = privacyHarness(app);
});
afterEach(() => app.stop());

const inSite = <T>(fn: () => Promise<T>) => app.emulator.run({ installContext: JIRA_SITE }, fn);
const AT = '2026-06-01T00:00:00.000Z';

describe('account registry', () => {
  it('numbers accounts 1, 2, 3 … without gaps under concurrent registration', async () => {
    const ids = bulkIds(40);
    const outcomes = await inSite(() => Promise.all(ids.map((id) => registerAccount(h.store, id, AT))));
    expect(outcomes.map((o) => o!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const slots = [...app.emulator.entries(JIRA_SITE).keys()].filter((k) => k.startsWith('pp:acct:'));
    expect(slots.sort()).toEqual(Array.from({ length: 40 }, (_, i) => registryKey(i + 1)).sort());
  });

  it('registers an account once, even when the same account registers concurrently', async () => {
    const id = '712020:twice';
    const outcomes = await inSite(() => Promise.all([1, 2, 3, 4].map(() => registerAccount(h.store, id, AT))));
    expect(new Set(outcomes.map((o) => o!.seq)).size).toBe(1);
    expect(outcomes.filter((o) => o!.created)).toHaveLength(1);
    const batch = await inSite(() => nextBatch(h.store, 1, h.clock.now()));
    expect(batch.accounts.map((a) => a.accountId)).toEqual([id]);
  });

  it('a duplicate entry (lost race, never emptied) is emptied by the report and sent once', async () => {
    await inSite(async () => {
      await registerAccount(h.store, '712020:dup', AT);
      await h.store.putIfAbsent(registryKey(2), { accountId: '712020:dup', firstSeenAt: AT });
    });
    await h.runReport();
    expect(h.reported()).toEqual(['712020:dup']);
    expect(app.emulator.entries(JIRA_SITE).get(registryKey(2))).toEqual({ accountId: null, firstSeenAt: AT });
  });

  it('an entry whose index write never happened gets its index back and is reported', async () => {
    await inSite(() => h.store.putIfAbsent(registryKey(1), { accountId: '712020:orphan', firstSeenAt: AT }));
    await h.runReport();
    expect(h.reported()).toEqual(['712020:orphan']);
    expect(app.emulator.entries(JIRA_SITE).get('pp:acctid:712020:orphan')).toEqual({ seq: 1 });
  });

  it('an entry without its index, first seen under 10 minutes ago, is left to its registration in flight', async () => {
    const now = h.clock.now().toISOString();
    await inSite(async () => {
      await registerAccount(h.store, '712020:before', now);
      await h.store.putIfAbsent(registryKey(2), { accountId: '712020:in-flight', firstSeenAt: now });
    });
    await h.runReport();
    expect(h.reported()).toEqual(['712020:before']);
    expect(app.emulator.entries(JIRA_SITE).has('pp:acctid:712020:in-flight')).toBe(false);
    expect(h.logs).toEqual(['privacy-panel: personal data report partial: reported 1, closed 0, updated 0, erased 0']);
    h.clock.advance(11 * 60_000); // the registration died: the next run repairs and reports it, same cycle
    await h.runReport();
    expect(h.reported()).toEqual(['712020:before', '712020:in-flight']);
    expect(app.emulator.entries(JIRA_SITE).get('pp:acctid:712020:in-flight')).toEqual({ seq: 2 });
  });

  it('batches stop at 90 and resume at the next number', async () => {
    await h.register(bulkIds(100));
    const first = await inSite(() => nextBatch(h.store, 1, h.clock.now()));
    expect(first.accounts).toHaveLength(90);
    expect(first.nextSeq).toBe(91);
    const second = await inSite(() => nextBatch(h.store, first.nextSeq, h.clock.now()));
    expect(second.accounts.map((a) => a.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 91 + i));
    expect(second.nextSeq).toBe(101);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-06-01T09:00:00.000Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 01 Jun 2026 09:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });
});
