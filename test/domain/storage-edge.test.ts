import { kvs } from '@forge/kvs';
import { STRICT_KVS } from '../../dev/emulator';
import {
  KEY_FAMILIES,
  KEY_NAMESPACE,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  receiptKey,
} from '../../src/domain/inventory';
import { StoredShapeError } from '../../src/domain/ports';
import { readRecord } from '../../src/domain/records';
import { verifyChain } from '../../src/domain/receipts/receipt';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { createKvsStore } from '../../src/platform/kvs-store';
import { JIRA_SITE, SAMPLE_ACCOUNTS, addAdmins, admin, as, secondAdmin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

const statement = sampleCatalog().versions[0]!;
const payload = { version: statement.source.version, hash: statement.hash };

let app: App;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.stop());

const inSite = <T>(fn: () => Promise<T>) => app.emulator.run({ installContext: JIRA_SITE }, fn);

describe('the typed storage edge', () => {
  it('every key the panel writes is under the pp: namespace and declared', async () => {
    await app.ok('acknowledge', payload, admin);
    await app.ok('acknowledge', payload, secondAdmin);
    const keys = app.keys();
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(key.startsWith(KEY_NAMESPACE)).toBe(true);
    for (const family of Object.values(KEY_FAMILIES)) expect(family.prefix.startsWith(KEY_NAMESPACE)).toBe(true);
  });

  it.each([
    ['a receipt without its hash', receiptKey(1), { receipt: { seq: 1 }, accountId: null }, 'receipt'],
    ['a marker with a text seq', acknowledgmentKey(1, 'x'), { seq: '1', receiptId: 'r', at: 'now' }, 'acknowledgment'],
    ['a first marker that is a number', firstAcknowledgmentKey(1), 7, 'first-acknowledgment'],
  ])('%s read back is a StoredShapeError naming the key and family', async (_label, key, value, family) => {
    await inSite(() => kvs.set(key, value));
    const family_ = Object.entries(KEY_FAMILIES).find(([, f]) => f.name === family)![0] as keyof typeof KEY_FAMILIES;
    const error: unknown = await inSite(() => readRecord(createKvsStore(), family_, key)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredShapeError);
    expect(error).toEqual(expect.objectContaining({ key, family }));
  });

  it('a damaged record reaches the page as a typed error, never a crash or a stack trace', async () => {
    await app.ok('acknowledge', payload, admin);
    await inSite(() => kvs.set(receiptKey(1), { receipt: 'garbage', accountId: null }));
    const result = await app.call('listAcknowledgments', {}, admin);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL', retryable: true }) });
    expect(JSON.stringify(result)).not.toMatch(/garbage|\.ts:\d+/);
  });

  it('no query asks for more than 20 keys: history, export and in-force work under the strictest cap', async () => {
    for (const id of addAdmins(app, 45)) await app.ok('acknowledge', payload, as(id));
    const history = await app.ok('listAcknowledgments', { limit: 25 }, admin);
    expect(history.rows).toHaveLength(25);
    const exported = await app.ok('exportReceipts', {}, admin);
    expect(exported.receipts).toHaveLength(45);
    const inForce = await app.ok('inForceOn', { date: '2099-01-01' }, admin);
    expect(inForce.acknowledged).toHaveLength(45);
    expect(STRICT_KVS.queryLimitMax).toBe(20);
  });
});

describe('0.1.x records (keys without the namespace)', () => {
  /** What 0.1.x left: a receipt, its marker and first marker, the salt, a registry entry and index. */
  async function legacyInstallation(): Promise<StoredReceipt> {
    // Write one acknowledgment the current way, then move every key back to its 0.1.x name.
    await app.ok('acknowledge', payload, admin);
    const entries = app.emulator.entries(JIRA_SITE);
    await inSite(async () => {
      for (const [key, value] of entries) {
        await kvs.delete(key);
        if (key !== `${KEY_NAMESPACE}meta:layout`) await kvs.set(key.slice(KEY_NAMESPACE.length), value);
      }
    });
    return entries.get(receiptKey(1)) as StoredReceipt;
  }

  it('are moved under pp: once, on the first call, and the chain continues from them', async () => {
    const legacy = await legacyInstallation();
    expect(app.keys()).toContain('rcpt:9999999998');
    const seen = await app.ok('getDisclosure', undefined, admin);
    expect(seen.viewer.acknowledgedCurrent).toEqual(expect.objectContaining({ accountId: SAMPLE_ACCOUNTS.siteAdmin }));
    expect(app.keys().every((key) => key.startsWith(KEY_NAMESPACE))).toBe(true);
    expect(app.emulator.entries(JIRA_SITE).get(receiptKey(1))).toEqual(legacy);

    const again = await app.ok('acknowledge', payload, admin);
    expect(again.created).toBe(false); // the 0.1.x marker still counts
    const next = await app.ok('acknowledge', payload, secondAdmin);
    expect(next.receipt.seq).toBe(2);
    const exported = await app.ok('exportReceipts', {}, admin);
    expect(verifyChain(exported.receipts.map((r) => r.receipt).reverse())).toEqual([]);
  });

  it('an acknowledgment that races the migration still lands on one unbroken chain', async () => {
    await legacyInstallation();
    const admins = addAdmins(app, 5);
    await Promise.all(admins.map((id) => app.ok('acknowledge', payload, as(id))));
    const exported = await app.ok('exportReceipts', {}, admin);
    const chain = exported.receipts.map((r) => r.receipt).reverse();
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(verifyChain(chain)).toEqual([]);
    expect(app.keys().every((key) => key.startsWith(KEY_NAMESPACE))).toBe(true);
  });
});
