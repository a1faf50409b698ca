import { kvs } from '@forge/kvs';
import type { FaultKind } from '../../dev/emulator';
import type { Disclosure, Result } from '../../src/contract';
import { acknowledgmentKey, KEY_FAMILIES } from '../../src/domain/storage/inventory';
import { verifyChain } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { JIRA_SITE, addAdmins, admin, as, startApp, yieldingBackoff, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

/**
 * Every storage call of acknowledge, getDisclosure, listAcknowledgments and exportReceipts faulted in turn
 * (429, 503, a timeout, a write that lands but answers a timeout, a pause while a double-click and a crowd
 * go ahead), on the real @forge/kvs client and the emulator. After each run: the next read already shows
 * whatever is on the chain, a retry succeeds, and every admin has exactly one receipt.
 */

const statement = sampleCatalog().versions[0]!;
const payload = { version: statement.source.version, hash: statement.hash };
const FAULTS: FaultKind[] = ['rate-limit', 'server-error', 'timeout', 'lost-response', 'pause'];
const READS = ['getDisclosure', 'listAcknowledgments', 'exportReceipts'] as const;
type Read = (typeof READS)[number];

interface Site {
  app: App;
  crowd: string[];
}

function site(): Site {
  const app = startApp(undefined, { backoff: yieldingBackoff });
  return { app, crowd: addAdmins(app, 4) };
}

const receipts = (app: App): StoredReceipt[] =>
  [...app.emulator.entries(JIRA_SITE)]
    .filter(([key]) => key.startsWith(KEY_FAMILIES.receipt.prefix))
    .map(([, value]) => value as StoredReceipt);

const onChain = (app: App, accountId: string): number =>
  receipts(app).filter((stored) => stored.accountId === accountId).length;

/** Storage calls `run` makes, on a fresh site prepared by `prepare`. */
async function callsOf(prepare: (s: Site) => Promise<void>, run: (s: Site) => Promise<unknown>): Promise<number> {
  const s = site();
  try {
    await prepare(s);
    s.app.emulator.resetCounters();
    await run(s);
    return s.app.emulator.usage().calls;
  } finally {
    s.app.stop();
  }
}

async function untilPaused(app: App): Promise<void> {
  for (let turn = 0; turn < 10_000 && app.emulator.pausedCalls() === 0; turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
  expect(app.emulator.pausedCalls()).toBe(1);
}

function expectRetryable(result: Result<unknown>): void {
  if (result.ok) return;
  expect(result.error).toEqual(expect.objectContaining({ code: 'STORAGE_UNAVAILABLE', retryable: true }));
}

/** A member's or admin's page load never fails on storage: at worst it has the statement and no status. */
function expectAnsweredWithoutStatus(result: Result<unknown>): void {
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const disclosure = result.data as Disclosure;
  expect(disclosure.statement.version).toBeGreaterThan(0);
  if (disclosure.status.state !== 'unavailable') return;
  expect(disclosure.status.retryAfterSeconds).toBeGreaterThan(0);
  expect(disclosure.viewer.canAcknowledge).toBe(false);
  expect(disclosure.viewer.acknowledgedCurrent).toBeNull();
}

/** The next read shows the admin's acknowledgment exactly when its receipt is on the chain. */
async function expectReadShowsChain(app: App, accountId: string): Promise<void> {
  const seen = await app.ok('getDisclosure', undefined, as(accountId));
  const on = onChain(app, accountId) === 1;
  expect(seen.viewer.acknowledgedCurrent !== null).toBe(on);
  expect(seen.viewer.canAcknowledge).toBe(!on);
  if (on) expect(seen.status.state).toBe('acknowledged');
}

/** Retries until the acknowledgment succeeds, then checks one receipt per admin and an unbroken chain. */
async function expectHealed(s: Site, accountIds: string[]): Promise<void> {
  for (const accountId of accountIds) {
    const again = await s.app.ok('acknowledge', payload, as(accountId));
    expect(again.acknowledgment.accountId).toBe(accountId);
  }
  for (const accountId of accountIds) expect(onChain(s.app, accountId)).toBe(1);
  const chain = receipts(s.app)
    .map((stored) => stored.receipt)
    .sort((a, b) => a.seq - b.seq);
  expect(chain.map((receipt) => receipt.seq)).toEqual(chain.map((_, i) => i + 1));
  expect(verifyChain(chain)).toEqual([]);
  const seen = await s.app.ok('getDisclosure', undefined, admin);
  expect(seen.viewer.acknowledgedCurrent).not.toBeNull();
}

const seed = async (s: Site): Promise<void> => {
  await s.app.ok('acknowledge', payload, as(s.crowd[0]!));
};

describe('acknowledge with each of its storage calls faulted in turn', () => {
  let calls = 0;
  beforeAll(async () => {
    calls = await callsOf(seed, (s) => s.app.ok('acknowledge', payload, admin));
    expect(calls).toBeGreaterThanOrEqual(6);
  });

  it.each(FAULTS)('%s at every call: one receipt each, and the next read shows what the chain holds', async (kind) => {
    for (let at = 0; at < calls; at += 1) {
      const s = site();
      try {
        await seed(s);
        const others = s.crowd.slice(1);
        s.app.emulator.injectFault({ kind, afterCalls: at });
        if (kind === 'pause') {
          // The first request stalls at this call; a double-click and three other admins go ahead.
          const first = s.app.call('acknowledge', payload, admin);
          await untilPaused(s.app);
          const [second, ...crowd] = await Promise.all([
            s.app.call('acknowledge', payload, admin),
            ...others.map((id) => s.app.call('acknowledge', payload, as(id))),
          ]);
          s.app.emulator.releasePaused();
          const late = await first;
          for (const result of [second, ...crowd, late]) expect(result.ok).toBe(true);
          if (late.ok && second.ok) expect(late.data.receipt).toEqual(second.data.receipt);
        } else {
          const result = await s.app.call('acknowledge', payload, admin);
          expectRetryable(result);
          await expectReadShowsChain(s.app, admin.accountId!);
          if (result.ok) {
            // A second click after the first finished, faulted at the same call, never undoes it.
            s.app.emulator.injectFault({ kind, afterCalls: at });
            expectRetryable(await s.app.call('acknowledge', payload, admin));
            s.app.emulator.clearFaults();
            const seen = await s.app.ok('getDisclosure', undefined, admin);
            expect(seen.viewer.acknowledgedCurrent).not.toBeNull();
            expect(seen.viewer.canAcknowledge).toBe(false);
          }
          // Retries, a double-click and the crowd together.
          await Promise.all([
            s.app.call('acknowledge', payload, admin),
            s.app.call('acknowledge', payload, admin),
            ...others.map((id) => s.app.call('acknowledge', payload, as(id))),
          ]);
        }
        s.app.emulator.clearFaults();
        await expectHealed(s, [admin.accountId!, ...others]);
      } finally {
        s.app.stop();
      }
    }
  });
});

/**
 * A site where `admin`'s acknowledgment left a pending claim whose receipt is on the chain (the receipt
 * write landed, its answer was lost) and nothing after it ran.
 */
async function pendingWithReceipt(s: Site): Promise<void> {
  await seed(s);
  await s.app.ok('acknowledge', payload, admin);
  const key = acknowledgmentKey(statement.source.version, admin.accountId!);
  const mine = receipts(s.app).find((stored) => stored.accountId === admin.accountId)!;
  const claim = { pending: true, claimId: mine.receipt.receiptId, at: mine.receipt.at, fromSeq: mine.receipt.seq - 1 };
  await s.app.emulator.run({ installContext: JIRA_SITE }, () => kvs.set(key, claim));
}

const readPayload = (name: Read) => (name === 'getDisclosure' ? undefined : {});

describe('reads with each of their storage calls faulted in turn', () => {
  it('a pending claim whose receipt is on the chain is complete after the next read', async () => {
    const s = site();
    try {
      await pendingWithReceipt(s);
      const seen = await s.app.ok('getDisclosure', undefined, admin);
      expect(seen.viewer.acknowledgedCurrent).toEqual(expect.objectContaining({ accountId: admin.accountId }));
      expect(seen.status.state).toBe('acknowledged');
      const marker = s.app.emulator
        .entries(JIRA_SITE)
        .get(acknowledgmentKey(statement.source.version, admin.accountId!));
      expect(marker).not.toHaveProperty('pending');
    } finally {
      s.app.stop();
    }
  });

  it.each(READS)('%s: every fault at every call answers or fails retryably, and the next read heals', async (name) => {
    const run = (s: Site) => s.app.call(name, readPayload(name), admin);
    const calls = await callsOf(pendingWithReceipt, run);
    expect(calls).toBeGreaterThanOrEqual(1);
    for (const kind of FAULTS) {
      for (let at = 0; at < calls; at += 1) {
        const s = site();
        try {
          await pendingWithReceipt(s);
          s.app.emulator.injectFault({ kind, afterCalls: at });
          let result: Result<unknown>;
          if (kind === 'pause') {
            const reading = run(s);
            await untilPaused(s.app);
            const others = await Promise.all(s.crowd.slice(1).map((id) => s.app.call('acknowledge', payload, as(id))));
            for (const other of others) expect(other.ok).toBe(true);
            s.app.emulator.releasePaused();
            result = await reading;
            expect(result.ok).toBe(true);
          } else {
            result = await run(s);
            if (name === 'getDisclosure') expectAnsweredWithoutStatus(result);
            else expectRetryable(result);
          }
          s.app.emulator.clearFaults();
          await expectReadShowsChain(s.app, admin.accountId!);
          await expectHealed(s, [admin.accountId!, ...s.crowd.slice(1)]);
        } finally {
          s.app.stop();
        }
      }
    }
  });
});
