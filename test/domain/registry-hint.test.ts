/**
 * A retry of a claim whose receipt never landed registers its account from the registry hint the newest
 * receipt carries (StoredReceipt.registryFrom), read in the batch read of its claim's first number: no
 * registry query, and still one gapless registry entry per account, whatever the hint says.
 */
import { kvs } from '@forge/kvs';
import { ForgeEmulator } from '../../dev/emulator';
import { acknowledge, type AcknowledgeDeps } from '../../src/domain/acknowledgments/acknowledge';
import { exportSlice } from '../../src/domain/acknowledgments/export-slice';
import { chainHead } from '../../src/domain/receipts/chain';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { acknowledgmentKey, KEY_FAMILIES, receiptKey } from '../../src/domain/storage/inventory';
import { createKvsStore } from '../../src/platform/kvs-store';
import { systemClock, systemIds } from '../../src/platform/system';
import { sampleCatalog } from '../support/statements';

const SITE = 'ari:cloud:jira::site/46464646-4646-4646-8646-464646464646';
const emulator = new ForgeEmulator();
const store = createKvsStore();
const inSite = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE }, fn);
const statement = sampleCatalog().versions[0]!;
const deps: AcknowledgeDeps = { store, clock: systemClock, ids: systemIds };
const ack = (accountId: string) =>
  inSite(() => acknowledge(deps, { statement, accountId, product: 'jira', installation: SITE }));
const LOST = '712020:lost';

beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());

/** Registry entries by number, and the account each names. */
function registry(): Array<[string, string | null]> {
  return [...emulator.entries(SITE).entries()]
    .filter(([key]) => key.startsWith(KEY_FAMILIES.accountRegistry.prefix))
    .map(([key, value]) => [key, (value as { accountId: string | null }).accountId]);
}

/** One acknowledgment, then a claim for LOST whose request died before its receipt, then `after` more. */
async function lostClaimBehind(after: number): Promise<void> {
  emulator.reset();
  await ack('712020:first');
  const head = await inSite(() => chainHead(store));
  await inSite(() =>
    kvs.set(acknowledgmentKey(statement.source.version, LOST), {
      pending: true,
      claimId: '7d1c2f0e-0000-4000-8000-00000000b001',
      at: new Date().toISOString(),
      fromSeq: head.seq,
    }),
  );
  for (let i = 0; i < after; i += 1) await ack(`712020:crowd-${i}`);
}

describe('the registry hint beside each receipt', () => {
  it('each receipt carries a registry number the registry had reached when it was written', async () => {
    emulator.reset();
    await ack('712020:a');
    await ack('712020:b');
    const newest = (await inSite(() => chainHead(store))).value!;
    // b read the registry head (a's entry, number 1) beside its claim, then registered as number 2.
    expect(newest.registryFrom).toBe(1);
    expect(registry().map(([, account]) => account)).toEqual(['712020:b', '712020:a']);
  });

  it("a lost claim's retry registers from the hint: no registry query, one batch read on its path", async () => {
    await lostClaimBehind(30);
    emulator.resetCounters();
    const outcome = await ack(LOST);
    expect(outcome.created).toBe(true);
    // Only the chain head is queried; the registry head comes out of the claim path's batch read.
    expect(emulator.counters()).toMatchObject({ 'kvs.query': 1, 'kvs.batchGet': 2 });
    const entries = registry();
    expect(entries).toHaveLength(32);
    // Numbers count down in keys: the first key is the newest number, and it is LOST's.
    expect(entries[0]![1]).toBe(LOST);
    expect(new Set(entries.map(([, account]) => account)).size).toBe(32);
  });

  it('a hint past the registry (a number with no entry) is not trusted: the retry queries, with no gap', async () => {
    await lostClaimBehind(3);
    const newest = (await inSite(() => chainHead(store))).value!;
    await inSite(() => kvs.set(receiptKey(newest.receipt.seq), { ...newest, registryFrom: 90 }));
    emulator.resetCounters();
    await ack(LOST);
    expect(emulator.counters()).toMatchObject({ 'kvs.query': 2 });
    const entries = registry();
    expect(entries).toHaveLength(5);
    expect(entries[0]).toEqual([expect.stringMatching(/9999999994$/), LOST]);
  });

  it('an export carries no hint: the record an auditor reads is the receipt and its account', async () => {
    emulator.reset();
    await ack('712020:a');
    await ack('712020:b');
    const slice = await inSite(() => exportSlice(store, systemClock, { max: 10, budgetMs: 10_000 }));
    expect(slice.receipts).toHaveLength(2);
    for (const stored of slice.receipts) expect(Object.keys(stored).sort()).toEqual(['accountId', 'receipt']);
    const raw = [...emulator.entries(SITE).values()].filter(
      (value): value is StoredReceipt => typeof value === 'object' && value !== null && 'registryFrom' in value,
    );
    // Stored beside each receipt: a registered at 1 from 0, b from 1.
    expect(raw.map((stored) => stored.registryFrom).sort()).toEqual([0, 1]);
  });
});
