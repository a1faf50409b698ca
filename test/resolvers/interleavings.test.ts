import fc from 'fast-check';
import type { FaultKind } from '../../dev/emulator';
import { acknowledgmentKey, firstAcknowledgmentKey, KEY_FAMILIES } from '../../src/domain/storage/inventory';
import { verifyChain } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import {
  JIRA_SITE,
  SAMPLE_ACCOUNTS,
  addAdmins,
  admin,
  as,
  secondAdmin,
  startApp,
  yieldingBackoff,
  type App,
} from '../support/app';
import { sampleCatalog } from '../support/statements';

/**
 * One admin and one version give one receipt under any interleaving: faulted attempts (429, timeout, a
 * write that lands but whose answer is lost, on any write of the call), retries, double-clicks and another
 * admin acknowledging in between, checked against the emulator. Every retry heals: after a final clean
 * attempt the marker, the first marker and the chain are complete.
 */

const statement = sampleCatalog().versions[0]!;
const payload = { version: statement.source.version, hash: statement.hash };

type Step =
  | { op: 'ack'; who: 'A' | 'B' }
  | { op: 'faulted'; who: 'A' | 'B'; kind: FaultKind; afterWrites: number }
  | { op: 'together'; pair: 'AA' | 'AB' | 'AAB' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('ack' as const), who: fc.constantFrom('A' as const, 'B' as const) }),
  fc.record({
    op: fc.constant('faulted' as const),
    who: fc.constantFrom('A' as const, 'B' as const),
    kind: fc.constantFrom<FaultKind>('rate-limit', 'timeout', 'lost-response', 'server-error'),
    afterWrites: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    op: fc.constant('together' as const),
    pair: fc.constantFrom('AA' as const, 'AB' as const, 'AAB' as const),
  }),
);

const who = (name: 'A' | 'B') => (name === 'A' ? admin : secondAdmin);

async function run(app: App, s: Step): Promise<void> {
  const ack = (name: 'A' | 'B') => app.call('acknowledge', payload, who(name));
  if (s.op === 'ack') await ack(s.who);
  else if (s.op === 'together') await Promise.all(s.pair.split('').map((name) => ack(name as 'A' | 'B')));
  else {
    app.emulator.injectFault({ kind: s.kind, pathPrefix: '/api/v1/set', afterCalls: s.afterWrites });
    await ack(s.who);
    app.emulator.clearFaults();
  }
}

function chain(app: App): StoredReceipt[] {
  return [...app.emulator.entries(JIRA_SITE).entries()]
    .filter(([key]) => key.startsWith(KEY_FAMILIES.receipt.prefix))
    .map(([, value]) => value as StoredReceipt)
    .sort((a, b) => a.receipt.seq - b.receipt.seq);
}

describe('acknowledgment interleavings', () => {
  it('one admin, one version → one receipt, and a clean retry completes every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const app = startApp(sampleCatalog(), { backoff: yieldingBackoff });
        try {
          for (const s of steps) await run(app, s);
          const a = await app.ok('acknowledge', payload, admin);
          const b = await app.ok('acknowledge', payload, secondAdmin);
          const receipts = chain(app);
          const of = (id: string) => receipts.filter((r) => r.accountId === id);
          expect(of(SAMPLE_ACCOUNTS.siteAdmin)).toHaveLength(1);
          expect(of(SAMPLE_ACCOUNTS.jiraAdmin)).toHaveLength(1);
          expect(receipts.map((r) => r.receipt.seq)).toEqual(receipts.map((_, i) => i + 1));
          expect(verifyChain(receipts.map((r) => r.receipt))).toEqual([]);
          const entries = app.emulator.entries(JIRA_SITE);
          expect(entries.get(acknowledgmentKey(1, SAMPLE_ACCOUNTS.siteAdmin))).toEqual({
            seq: a.receipt.seq,
            receiptId: a.receipt.receiptId,
            at: a.acknowledgment.at,
          });
          expect(of(SAMPLE_ACCOUNTS.siteAdmin)[0]!.receipt.receiptId).toBe(a.receipt.receiptId);
          expect(of(SAMPLE_ACCOUNTS.jiraAdmin)[0]!.receipt.receiptId).toBe(b.receipt.receiptId);
          expect(entries.has(firstAcknowledgmentKey(1))).toBe(true);
          expect(a.status.state).toBe('acknowledged');
        } finally {
          app.stop();
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000);

  it('a double-click while another admin acknowledges never duplicates (200 trials)', async () => {
    const app = startApp(sampleCatalog(), { backoff: yieldingBackoff });
    try {
      for (let trial = 0; trial < 200; trial += 1) {
        app.emulator.reset(JIRA_SITE);
        await Promise.all([
          app.call('acknowledge', payload, admin),
          app.call('acknowledge', payload, secondAdmin),
          app.call('acknowledge', payload, admin),
        ]);
        const receipts = chain(app);
        expect(receipts.filter((r) => r.accountId === SAMPLE_ACCOUNTS.siteAdmin)).toHaveLength(1);
        expect(receipts).toHaveLength(2);
        app.platformClock.advance(60_000);
      }
    } finally {
      app.stop();
    }
  }, 300_000); // 200 trials on a shared machine: generous, never a timed assertion
});

describe('a double-click in a crowd', () => {
  it('the first attempt may jump far ahead, the second reads every receipt: one receipt each, a gapless chain (10 trials of 60 admins)', async () => {
    const app = startApp(sampleCatalog(), { backoff: yieldingBackoff });
    try {
      const crowd = addAdmins(app, 60);
      let calls = 0;
      let queries = 0;
      for (let trial = 0; trial < 10; trial += 1) {
        app.emulator.reset(JIRA_SITE);
        app.emulator.resetCounters();
        await Promise.all([
          app.call('acknowledge', payload, admin),
          ...crowd.map((accountId) => app.call('acknowledge', payload, as(accountId))),
          app.call('acknowledge', payload, admin),
        ]);
        calls += crowd.length + 2;
        queries += app.emulator.counters()['kvs.query'] ?? 0;
        const receipts = chain(app);
        expect(receipts.filter((r) => r.accountId === SAMPLE_ACCOUNTS.siteAdmin)).toHaveLength(1);
        expect(receipts).toHaveLength(crowd.length + 1);
        expect(receipts.map((r) => r.receipt.seq)).toEqual(receipts.map((_, i) => i + 1));
        expect(verifyChain(receipts.map((r) => r.receipt))).toEqual([]);
        app.platformClock.advance(60_000);
      }
      // Two head queries per acknowledgment; more means writers far behind did jump (the path under test).
      expect(queries).toBeGreaterThan(2 * calls);
    } finally {
      app.stop();
    }
  }, 300_000);
});

describe('a finished acknowledgment whose first marker was lost', () => {
  it('the next page load of that admin writes it, so the site does not read "never"', async () => {
    const app = startApp();
    try {
      await app.ok('acknowledge', payload, admin);
      await app.emulator.run({ installContext: JIRA_SITE }, async () => {
        const { kvs } = await import('@forge/kvs');
        await kvs.delete(firstAcknowledgmentKey(1));
      });
      const seen = await app.ok('getDisclosure', undefined, admin);
      expect(seen.status.state).toBe('acknowledged');
      expect(app.emulator.entries(JIRA_SITE).has(firstAcknowledgmentKey(1))).toBe(true);
    } finally {
      app.stop();
    }
  });
});
