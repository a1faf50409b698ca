/**
 * A fresh append far behind a busy head jumps to the newest receipt instead of reading 25 at a time, but
 * only when `mayJump` confirms that no second attempt of the same receipt can sit in the numbers skipped.
 */
import { ForgeEmulator } from '../../dev/emulator';
import { acknowledge, type AcknowledgeDeps } from '../../src/domain/acknowledgments/acknowledge';
import { KEY_FAMILIES, receiptKey } from '../../src/domain/storage/inventory';
import type { Store } from '../../src/domain/platform-ports';
import { appendReceipt, type ReceiptDraft } from '../../src/domain/receipts/chain';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { createKvsStore } from '../../src/platform/kvs-store';
import { systemClock, systemIds } from '../../src/platform/system';
import { sampleCatalog } from '../support/statements';
import { chainOf } from '../export/helpers';

const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
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

/** A draft with the id of receipt `seq` of the stored chain: as if a second attempt had appended it there. */
function draftLike(seq: number): ReceiptDraft {
  const { receipt } = chain[seq - 1]!;
  return {
    kind: 'app-installed',
    receiptId: receipt.receiptId,
    notice: receipt.notice,
    product: receipt.product,
    installation: receipt.installation,
    at: receipt.at,
    appVersion: '1.0.0',
  };
}

const start = () => ({ seq: 1, value: chain[0]! });

describe('appending far behind the head', () => {
  it('jumps to the newest receipt when allowed: one batch read and one query, whatever the distance', async () => {
    const outcome = await inSite(() =>
      appendReceipt(store, { ...draftLike(1), receiptId: 'fresh-receipt' }, null, {
        from: start(),
        fresh: true,
        mayJump: () => Promise.resolve(true),
      }),
    );
    expect(outcome).toMatchObject({ appended: true, conflicts: 1 });
    expect(outcome.stored.receipt.seq).toBe(HEAD + 1);
    expect(outcome.stored.receipt.prevHash).toBe(chain[HEAD - 1]!.receipt.hash);
    expect(emulator.counters()).toMatchObject({ 'kvs.batchGet': 1, 'kvs.query': 1, 'kvs.set': 2 });
  });

  it('reads every receipt instead when mayJump says another attempt may be appending, and finds its append', async () => {
    let asked = 0;
    const outcome = await inSite(() =>
      appendReceipt(store, draftLike(30), null, {
        from: start(),
        fresh: true,
        mayJump: () => {
          asked += 1;
          return Promise.resolve(false);
        },
      }),
    );
    expect(asked).toBe(1);
    expect(outcome).toMatchObject({ appended: false });
    expect(outcome.stored.receipt.seq).toBe(30);
    expect(emulator.entries(SITE).size).toBe(HEAD);
  });

  it('without that check the jump would skip the other append: why `mayJump` exists', async () => {
    const outcome = await inSite(() =>
      appendReceipt(store, draftLike(30), null, { from: start(), fresh: true, mayJump: () => Promise.resolve(true) }),
    );
    expect(outcome.stored.receipt.seq).toBe(HEAD + 1);
  });

  it('a retry (not fresh) never jumps: it finds its own receipt wherever it is', async () => {
    let asked = 0;
    const outcome = await inSite(() =>
      appendReceipt(store, draftLike(45), null, {
        from: start(),
        fresh: false,
        mayJump: () => {
          asked += 1;
          return Promise.resolve(true);
        },
      }),
    );
    expect(asked).toBe(0);
    expect(outcome).toMatchObject({ appended: false });
    expect(outcome.stored.receipt.seq).toBe(45);
  });
});

describe('a second attempt while the first is far behind the head', () => {
  const statement = sampleCatalog().versions[0]!;
  const input = (accountId: string) => ({ statement, accountId, product: 'jira' as const, installation: SITE });
  const deps = (using: Store): AcknowledgeDeps => ({ store: using, clock: systemClock, ids: systemIds });

  it("a paused first attempt follows its claim's path to the receipt its second attempt appended", async () => {
    emulator.reset();
    const ADA = '712020:ada';
    // The first attempt pauses just before its first receipt write, as a slow request would.
    let pause: (() => void) | undefined;
    const paused = new Promise<void>((resolve) => (pause = resolve));
    let reachedWrite: (() => void) | undefined;
    const atWrite = new Promise<void>((resolve) => (reachedWrite = resolve));
    let held = false;
    const slow: Store = {
      ...store,
      async putIfAbsent(key, value) {
        if (!held && key.startsWith(KEY_FAMILIES.receipt.prefix)) {
          held = true;
          reachedWrite?.();
          await paused;
        }
        return store.putIfAbsent(key, value);
      },
    };
    const first = inSite(() => acknowledge(deps(slow), input(ADA)));
    await atWrite;
    // Meanwhile 40 other admins acknowledge, then Ada's second attempt (a double-click) appends the receipt.
    for (let i = 0; i < 40; i += 1) await inSite(() => acknowledge(deps(store), input(`712020:crowd-${i}`)));
    const second = await inSite(() => acknowledge(deps(store), input(ADA)));
    expect(second).toMatchObject({ created: true });
    expect(second.receipt.receipt.seq).toBe(41);
    pause?.();
    const outcome = await first;
    // Its number was taken long ago: the step record the second attempt wrote leads it to Ada's receipt.
    expect(outcome.created).toBe(false);
    expect(outcome.receipt.receipt.receiptId).toBe(second.receipt.receipt.receiptId);
    const receipts = [...emulator.entries(SITE).keys()].filter((key) => key.startsWith(KEY_FAMILIES.receipt.prefix));
    expect(receipts).toHaveLength(41);
  });
});
