import { accountIndexKey, acknowledgmentKey, receiptKey } from '../../src/domain/storage/inventory';
import { verifyChain } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { compiled, sampleCatalog, sampleSource } from '../support/statements';
import {
  CONFLUENCE_SITE,
  JIRA_SITE,
  SAMPLE_ACCOUNTS,
  addAdmins,
  admin,
  as,
  member,
  secondAdmin,
  startApp,
  type App,
} from '../support/app';

let app: App;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.stop());

const current = () => {
  const statement = sampleCatalog().versions[0]!;
  return { version: statement.source.version, hash: statement.hash };
};

function receipts(site = JIRA_SITE): StoredReceipt[] {
  return [...app.emulator.entries(site).entries()]
    .filter(([key]) => key.startsWith('pp:rcpt:'))
    .map(([, value]) => value as StoredReceipt)
    .sort((a, b) => a.receipt.seq - b.receipt.seq);
}

describe('acknowledge', () => {
  it('records one receipt with version, hash, product, time and the trusted account', async () => {
    const data = await app.ok('acknowledge', current(), admin);
    expect(data.created).toBe(true);
    expect(data.acknowledgment.accountId).toBe(SAMPLE_ACCOUNTS.siteAdmin);
    expect(data.status).toEqual(expect.objectContaining({ state: 'acknowledged' }));
    const [stored] = receipts();
    expect(stored!.accountId).toBe(SAMPLE_ACCOUNTS.siteAdmin);
    expect(stored!.receipt).toEqual(
      expect.objectContaining({
        seq: 1,
        product: 'jira',
        installation: JIRA_SITE,
        notice: expect.objectContaining({ version: 1, hash: current().hash }),
      }),
    );
    expect(Date.parse(stored!.receipt.at)).not.toBeNaN();
  });

  it('acknowledging twice records once', async () => {
    await app.ok('acknowledge', current(), admin);
    const again = await app.ok('acknowledge', current(), admin);
    expect(again.created).toBe(false);
    expect(receipts()).toHaveLength(1);
    expect(app.keys().filter((k) => k.startsWith('pp:ack:'))).toHaveLength(1);
  });

  it('50 administrators acknowledging at once all land, on one unbroken chain', async () => {
    const admins = addAdmins(app, 50);
    const results = await Promise.all(admins.map((id) => app.call('acknowledge', current(), as(id))));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    const chain = receipts();
    expect(chain).toHaveLength(50);
    expect(new Set(chain.map((r) => r.accountId))).toEqual(new Set(admins));
    expect(chain.map((r) => r.receipt.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(verifyChain(chain.map((r) => r.receipt))).toEqual([]);
    expect(app.keys().filter((k) => k.startsWith('pp:ack:'))).toHaveLength(50);
  });

  it('one account double-clicking at once still records once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => app.call('acknowledge', current(), admin)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(receipts()).toHaveLength(1);
  });

  it.each([
    ['an older version', { version: 2, hash: 'a'.repeat(64) }, 'version'],
    ['the right version with another hash', { version: 1, hash: 'b'.repeat(64) }, 'hash'],
  ])('refuses %s as stale and writes nothing', async (_label, payload, field) => {
    const result = await app.call('acknowledge', payload, admin);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'STALE_STATEMENT', field, retryable: false }),
    });
    expect(app.keys()).toEqual([]);
  });

  it('refuses a stale version after a new one was published', async () => {
    const old = current();
    app.publish({ versions: [sampleSource(1), sampleSource(2)].map(compiled) });
    const result = await app.call('acknowledge', old, admin);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('STALE_STATEMENT');
    expect(app.keys()).toEqual([]);
  });

  it.each([
    ['Jira', JIRA_SITE],
    ['Confluence', CONFLUENCE_SITE],
  ])('refuses a non-administrator on %s and writes nothing', async (_label, site) => {
    const result = await app.call('acknowledge', current(), as(SAMPLE_ACCOUNTS.member, site));
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(app.keys(site)).toEqual([]);
  });

  it('a Jira-only administrator is not a Confluence administrator', async () => {
    const result = await app.call('acknowledge', current(), as(SAMPLE_ACCOUNTS.jiraAdmin, CONFLUENCE_SITE));
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });

  it("ignores a payload's accountId: it is an unknown field, and identity comes from the context only", async () => {
    const spoof = await app.raw('acknowledge', { ...current(), accountId: SAMPLE_ACCOUNTS.siteAdmin }, member);
    expect(spoof).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'accountId' }) });
    expect(app.keys()).toEqual([]);
    await app.ok('acknowledge', current(), secondAdmin);
    expect(receipts()[0]!.accountId).toBe(SAMPLE_ACCOUNTS.jiraAdmin);
  });

  it('keeps Jira and Confluence installations apart', async () => {
    await app.ok('acknowledge', current(), as(SAMPLE_ACCOUNTS.siteAdmin, CONFLUENCE_SITE));
    expect(receipts(CONFLUENCE_SITE)).toHaveLength(1);
    expect(receipts(JIRA_SITE)).toHaveLength(0);
    expect(receipts(CONFLUENCE_SITE)[0]!.receipt.product).toBe('confluence');
  });

  describe('storage faults', () => {
    it.each([
      [
        'rate limit on the claim write',
        { kind: 'rate-limit' as const, pathPrefix: '/api/v1/set', retryAfterSeconds: 2 },
      ],
      ['timeout on the claim write', { kind: 'timeout' as const, pathPrefix: '/api/v1/set' }],
      ['server error on the claim write', { kind: 'server-error' as const, pathPrefix: '/api/v1/set' }],
      ['rate limit on the first read', { kind: 'rate-limit' as const, pathPrefix: '/api/v1/batch/get' }],
      ['timeout on the head query', { kind: 'timeout' as const, pathPrefix: '/api/v1/query' }],
    ])('%s → a typed, retryable error and nothing written', async (_label, fault) => {
      // The salt is written beside the claim; write it first so the fault lands on the claim itself.
      if (fault.pathPrefix === '/api/v1/set') {
        await app.ok('acknowledge', current(), secondAdmin);
      }
      // The one-time installation salt may be created before the fault; no acknowledgment state may be.
      const acknowledgmentKeys = () => app.keys().filter((k) => !k.startsWith('pp:salt:'));
      const before = acknowledgmentKeys();
      app.emulator.injectFault(fault);
      const result = await app.call('acknowledge', current(), admin);
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'STORAGE_UNAVAILABLE', retryable: true }),
      });
      expect(JSON.stringify(result)).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(acknowledgmentKeys()).toEqual(before);
      const retried = await app.ok('acknowledge', current(), admin);
      expect(retried.created).toBe(true);
      expect(receipts().filter((r) => r.accountId === SAMPLE_ACCOUNTS.siteAdmin)).toHaveLength(1);
    });

    it('a fault after the receipt is written is healed by the retry without a second receipt', async () => {
      await app.ok('acknowledge', current(), secondAdmin); // salt exists now
      // sets: claim, receipt, then registry, marker completion, first marker. Let the claim and receipt through.
      app.emulator.injectFault({ kind: 'rate-limit', pathPrefix: '/api/v1/set', afterCalls: 2, times: 2 }); // registry entry, marker completion
      const failed = await app.call('acknowledge', current(), admin);
      expect(!failed.ok && failed.error.code).toBe('STORAGE_UNAVAILABLE');
      const own = app.emulator.entries(JIRA_SITE).get(acknowledgmentKey(1, SAMPLE_ACCOUNTS.siteAdmin));
      expect(own).toEqual(expect.objectContaining({ pending: true })); // the claim stands, unfinished
      const healed = await app.ok('acknowledge', current(), admin);
      expect(healed.receipt.seq).toBe(2);
      expect(receipts().filter((r) => r.accountId === SAMPLE_ACCOUNTS.siteAdmin)).toHaveLength(1);
      expect(app.emulator.entries(JIRA_SITE).has(receiptKey(3))).toBe(false);
      expect(app.emulator.entries(JIRA_SITE).get(acknowledgmentKey(1, SAMPLE_ACCOUNTS.siteAdmin))).toEqual({
        seq: 2,
        receiptId: healed.receipt.receiptId,
        at: healed.acknowledgment.at,
      });
      expect(app.keys()).toContain(accountIndexKey(SAMPLE_ACCOUNTS.siteAdmin));
    });
  });
});
