import { acknowledge } from '../../src/domain/acknowledgments/acknowledge';
import { eraseAccount } from '../../src/domain/personal-data/erase';
import type { ReportProgress } from '../../src/domain/personal-data/progress-record';
import { verifyChain } from '../../src/domain/receipts/receipt';
import type { ErasureBody, Receipt } from '../../src/domain/receipts/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { sha256Hex } from '../../src/domain/canonical';
import { assembleBundle, sealBundle, serializeBundle } from '../../toolkit/export/bundle';
import { verifyExport } from '../../toolkit/export/verify';
import { systemIds } from '../../src/platform/system';
import { JIRA_SITE, SAMPLE_ACCOUNTS, admin, as, secondAdmin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { dump, privacyHarness, type PrivacyHarness } from './support';

const CLOSING = SAMPLE_ACCOUNTS.siteAdmin;
const STAYING = SAMPLE_ACCOUNTS.jiraAdmin;
const catalogV2: StatementCatalog = sampleCatalog('material');
const ackOf = (catalog: StatementCatalog, version: number) => ({ version, hash: catalog.versions[version - 1]!.hash });

let app: App;
let h: PrivacyHarness;

/** v1 acknowledged by CLOSING then STAYING; v2 published and acknowledged by CLOSING. */
async function history(): Promise<void> {
  await app.ok('acknowledge', ackOf(catalogV2, 1), admin);
  await app.ok('acknowledge', ackOf(catalogV2, 1), secondAdmin);
  app.publish(catalogV2);
  await app.ok('acknowledge', ackOf(catalogV2, 2), admin);
}

async function exportedChain(): Promise<Receipt[]> {
  const page = await app.ok('exportReceipts', {}, secondAdmin);
  return page.receipts.map((s) => s.receipt).reverse();
}

beforeEach(async () => {
  app = startApp();
  h = privacyHarness(app, { catalog: catalogV2 });
  await history();
});
afterEach(() => app.stop());

describe('erasure of closed accounts', () => {
  it('acknowledging registered both accounts, each once', () => {
    const keys = [...app.emulator.entries(JIRA_SITE).keys()];
    expect(keys.filter((k) => k.startsWith('pp:acct:'))).toHaveLength(2);
    expect(keys).toEqual(expect.arrayContaining([`pp:acctid:${CLOSING}`, `pp:acctid:${STAYING}`]));
  });

  it('a closed account is erased everywhere, the chain still verifies, and an erasure receipt is appended', async () => {
    const before = await exportedChain();
    expect(dump(app)).toContain(CLOSING);
    app.emulator.users.closeAccount(CLOSING);

    await h.runReport();

    expect(dump(app)).not.toContain(CLOSING);
    expect(dump(app)).toContain(STAYING);
    const after = await exportedChain();
    expect(verifyChain(after)).toEqual([]);
    expect(after.slice(0, before.length)).toEqual(before); // no receipt was rewritten
    const erasure = after[after.length - 1] as ErasureBody & { hash: string };
    expect(erasure).toEqual(
      expect.objectContaining({
        kind: 'account-erased',
        reason: 'account-closed',
        erasedSeqs: [1, 3],
        seq: 4,
        notice: expect.objectContaining({ version: 2 }),
      }),
    );
    expect(JSON.stringify(erasure)).not.toContain(CLOSING);

    // The admin's export file still verifies offline, commitments included for the account that stayed.
    const page = await app.ok('exportReceipts', {}, secondAdmin);
    const bundle = await sealBundle(
      assembleBundle({
        exportedAt: h.clock.now().toISOString(),
        installation: page.installation,
        product: page.product,
        salt: page.salt ?? null,
        versions: catalogV2.versions.map(({ source, hash }) => ({ source, hash })),
        receipts: page.receipts,
      }),
      sha256Hex,
    );
    const verified = verifyExport(serializeBundle(bundle));
    expect(verified.problems).toEqual([]);
    expect(verified).toEqual(expect.objectContaining({ ok: true, receipts: 4, commitmentsChecked: 1 }));

    const rows = (await app.ok('listAcknowledgments', {}, secondAdmin)).rows;
    expect(rows.map((r) => [r.seq, r.kind, r.accountId])).toEqual([
      [4, 'account-erased', null],
      [3, 'acknowledgment', null],
      [2, 'acknowledgment', STAYING],
      [1, 'acknowledgment', null],
    ]);
    expect(rows[0]!.erasedSeqs).toEqual([1, 3]);
    const disclosure = await app.ok('getDisclosure', undefined, secondAdmin);
    expect(disclosure.status).toEqual(
      expect.objectContaining({
        state: 'acknowledged',
        first: expect.objectContaining({ version: 2, accountId: null }),
      }),
    );
    const inForce = await app.ok('inForceOn', { date: new Date().toISOString().slice(0, 10) }, secondAdmin);
    expect(inForce.acknowledged.map((a) => a.accountId).sort()).toEqual([null]); // v2 is in force; only CLOSING acknowledged it
    const keys = [...app.emulator.entries(JIRA_SITE).keys()];
    expect(keys).toEqual(
      expect.arrayContaining(['pp:ack:v000001:erased-1', 'pp:ack:v000002:erased-3', `pp:ack:v000001:${STAYING}`]),
    );
    expect((app.emulator.entries(JIRA_SITE).get('pp:privacy:report') as ReportProgress).lastRun).toEqual(
      expect.objectContaining({ reported: 2, closed: 1, outcome: 'complete' }),
    );
  });

  it('the erased account is not reported again, and erasing twice appends nothing', async () => {
    app.emulator.users.closeAccount(CLOSING);
    await h.runReport();
    h.clock.advance(8 * 24 * 3600 * 1000);
    await h.runReport();
    const reports = app.emulator.privacyReporting.calls.map((c) => c.accounts.map((a) => a.accountId));
    expect(reports).toEqual([[CLOSING, STAYING], [STAYING]]);
    const repeated = await app.emulator.run({ installContext: JIRA_SITE }, () =>
      eraseAccount(
        { store: h.store, clock: h.clock, ids: systemIds, catalog: catalogV2 },
        { installation: JIRA_SITE, product: 'jira' },
        CLOSING,
      ),
    );
    expect(repeated).toEqual({ erasedSeqs: [], receiptAppended: false });
    expect((await exportedChain()).length).toBe(4);
  });

  it('an erasure cut short by one storage failure is finished by the same run', async () => {
    app.emulator.users.closeAccount(CLOSING);
    app.emulator.injectFault({ kind: 'server-error', pathPrefix: '/api/v1/delete', times: 1 });
    await h.runReport();
    expect(h.logs).toEqual(['privacy-panel: personal data report complete: reported 2, closed 1, updated 0, erased 1']);
    expect(dump(app)).not.toContain(CLOSING);
    expect(h.sleeps).toHaveLength(1); // one jittered wait before starting again from storage
  });

  it('an erasure that keeps failing is finished by the next run, with one erasure receipt', async () => {
    app.emulator.users.closeAccount(CLOSING);
    app.emulator.injectFault({ kind: 'server-error', pathPrefix: '/api/v1/delete', times: 5 });
    await h.runReport();
    expect(h.logs[0]).toContain('stopped (StorageUnavailableError)');
    expect(dump(app)).toContain(CLOSING);
    // The closed answer is kept on the batch's own record, not in the progress the run could not save.
    const sent = app.emulator.entries(JIRA_SITE).get('pp:privacy:batch:0000000001:0000000001:01');
    expect(sent).toEqual(expect.objectContaining({ state: 'sent', closedSeqs: [1], nextSeq: 3 }));

    await h.runReport(); // the same day: finishes the erasure without reporting again
    expect(dump(app)).not.toContain(CLOSING);
    expect(app.emulator.privacyReporting.calls).toHaveLength(1);
    const chain = await exportedChain();
    expect(verifyChain(chain)).toEqual([]);
    expect(chain.filter((r) => r.kind === 'account-erased')).toHaveLength(1);
  });

  it('a registration that fails does not lose the acknowledgment; the next report backfills it', async () => {
    const late = '712020:late-registration';
    await app.emulator.run({ installContext: JIRA_SITE }, async () => {
      const failing = {
        ...h.store,
        putIfAbsent: (key: string, value: Parameters<typeof h.store.putIfAbsent>[1]) =>
          key.startsWith('pp:acct') ? Promise.reject(new Error('storage down')) : h.store.putIfAbsent(key, value),
      };
      const outcome = await acknowledge(
        { store: failing, clock: h.clock, ids: systemIds },
        { statement: catalogV2.versions[1]!, accountId: late, product: 'jira', installation: JIRA_SITE },
      );
      expect(outcome.created).toBe(true);
    });
    expect(app.emulator.entries(JIRA_SITE).has(`pp:acctid:${late}`)).toBe(false);
    await h.runReport(); // at once: the acknowledgment may still be registering, so the backfill leaves it
    expect(app.emulator.entries(JIRA_SITE).has(`pp:acctid:${late}`)).toBe(false);
    h.clock.advance(8 * 24 * 3600 * 1000); // the next cycle: long dead, it is registered and reported
    await h.runReport();
    expect(app.emulator.entries(JIRA_SITE).has(`pp:acctid:${late}`)).toBe(true);
    expect(app.emulator.privacyReporting.calls.at(-1)!.accounts.map((a) => a.accountId)).toContain(late);
  });

  it('an acknowledgment by the closed account on another site is untouched', async () => {
    const other = 'ari:cloud:jira::site/33333333-3333-4333-8333-333333333333';
    await app.ok('acknowledge', ackOf(catalogV2, 2), as(CLOSING, other));
    app.emulator.users.closeAccount(CLOSING);
    await h.runReport(JIRA_SITE);
    expect(dump(app)).not.toContain(CLOSING);
    expect(dump(app, other)).toContain(CLOSING); // erased there when that site's own report runs
    await h.runReport(other);
    expect(dump(app, other)).not.toContain(CLOSING);
  });
});
