/**
 * A claim's path along the chain is made of segments (src/domain/receipts/claimed-append.ts): a race lost
 * inside the segment costs a read and a write, no step record; a step is written only when every number of
 * the segment holds another receipt, and every later attempt follows it to the one receipt.
 */
import { ForgeEmulator } from '../../dev/emulator';
import { claimStepKey, KEY_FAMILIES, receiptKey } from '../../src/domain/storage/inventory';
import {
  appendClaimedReceipt,
  findClaimedReceipt,
  lostRaceDelay,
  type ClaimPath,
} from '../../src/domain/receipts/claimed-append';
import { chainHead, type ReceiptDraft } from '../../src/domain/receipts/chain';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { WAITING_MS } from '../../src/domain/storage/gapless-sequence';
import { createKvsStore } from '../../src/platform/kvs-store';
import { chainOf } from '../export/helpers';

const SITE = 'ari:cloud:jira::site/46464646-4646-4646-8646-464646464646';
const emulator = new ForgeEmulator();
const store = createKvsStore();
const inSite = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE }, fn);

const HEAD = 60;
let chain: StoredReceipt[];

beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());
beforeEach(async () => {
  emulator.reset();
  chain = chainOf(Array.from({ length: HEAD }, () => ({ kind: 'installed' as const, version: 1 })));
  await inSite(async () => {
    for (const stored of chain) await store.putIfAbsent(receiptKey(stored.receipt.seq), stored);
  });
  emulator.resetCounters();
});

function draftFor(claimId: string): ReceiptDraft {
  const { receipt } = chain[0]!;
  return {
    kind: 'app-installed',
    receiptId: claimId,
    notice: receipt.notice,
    product: receipt.product,
    installation: receipt.installation,
    at: receipt.at,
    appVersion: '1.0.0',
  };
}

const append = (path: ClaimPath, fresh: boolean) =>
  inSite(() =>
    appendClaimedReceipt(store, path, draftFor(path.claimId), '712020:segment-admin', {
      head: { seq: path.fromSeq, value: chain[path.fromSeq - 1] },
      fresh,
      newest: chainHead,
    }),
  );

const stepKeys = () =>
  [...emulator.entries(SITE).keys()].filter((key) => key.startsWith(KEY_FAMILIES.claimStep.prefix));

describe('a claim path made of segments', () => {
  it('a race lost inside the segment costs one read and one more write, and no step record', async () => {
    const path = { claimId: '6f1c2a40-1d2e-4c3b-9a5f-000000000001', fromSeq: HEAD - 5 };
    const outcome = await append(path, true);
    expect(outcome).toMatchObject({ appended: true, losses: 1 });
    expect(outcome.stored.receipt.seq).toBe(HEAD + 1);
    expect(outcome.stored.receipt.prevHash).toBe(chain[HEAD - 1]!.receipt.hash);
    expect(emulator.counters()).toMatchObject({ 'kvs.batchGet': 1, 'kvs.set': 2 });
    expect(emulator.counters()['kvs.query'] ?? 0).toBe(0);
    expect(stepKeys()).toEqual([]);
  });

  it('a full segment gets one step past the head, and a second attempt and a read follow it to the one receipt', async () => {
    const path = { claimId: '6f1c2a40-1d2e-4c3b-9a5f-000000000002', fromSeq: 5 };
    const first = await append(path, true);
    expect(first).toMatchObject({ appended: true });
    expect(first.stored.receipt.seq).toBe(HEAD + 1);
    expect(stepKeys()).toHaveLength(1);
    const [step] = stepKeys();
    expect(step).not.toBe(claimStepKey(path.claimId, path.fromSeq + 1));

    emulator.resetCounters();
    const again = await append(path, false);
    expect(again).toMatchObject({ appended: false });
    expect(again.stored.receipt.seq).toBe(HEAD + 1);
    expect(emulator.counters()['kvs.set'] ?? 0).toBe(0);
    expect(emulator.counters()['kvs.batchGet']).toBe(2);
    await expect(inSite(() => findClaimedReceipt(store, path))).resolves.toMatchObject({
      receipt: { seq: HEAD + 1, receiptId: path.claimId },
    });
    const receipts = [...emulator.entries(SITE).keys()].filter((key) => key.startsWith(KEY_FAMILIES.receipt.prefix));
    expect(receipts).toHaveLength(HEAD + 1);
  });

  it('finds its receipt where another attempt put it inside the segment, and writes nothing', async () => {
    const ours = chain[29]!.receipt;
    const outcome = await append({ claimId: ours.receiptId, fromSeq: 20 }, false);
    expect(outcome).toMatchObject({ appended: false });
    expect(outcome.stored.receipt.seq).toBe(30);
    expect(emulator.counters()['kvs.set'] ?? 0).toBe(0);
  });

  it('a first loss may wait almost the whole waiting limit (a crowd spreads out); a later one waits a few attempt-lengths', () => {
    expect(lostRaceDelay(1, 0.999_999, 20)).toBeLessThan(WAITING_MS);
    expect(lostRaceDelay(1, 0.999_999, 20)).toBeGreaterThan(10_000);
    // An attempt that has already run 9 s (slow storage) spreads over what is left, and does not give up.
    expect(lostRaceDelay(1, 0.999_999, 20, 9_000)).toBeLessThan(WAITING_MS - 9_000);
    expect(lostRaceDelay(2, 0.999_999, 20)).toBeLessThan(200);
    expect(lostRaceDelay(3, 0.999_999, 20)).toBeGreaterThan(lostRaceDelay(2, 0.999_999, 20));
  });
});
