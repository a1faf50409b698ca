import { kvs } from '@forge/kvs';
import { STRICT_KVS } from '../../dev/emulator';
import {
  KEY_FAMILIES,
  KEY_NAMESPACE,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  receiptKey,
} from '../../src/domain/storage/inventory';
import { StoredShapeError } from '../../src/domain/platform-ports';
import { readRecord } from '../../src/domain/storage/typed-store';
import { verifyChain } from '../../src/domain/receipts/receipt';
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

  it('a host value under a receipt key reaches the page as a typed error naming the key and the rule', async () => {
    await app.ok('acknowledge', payload, admin);
    await inSite(() => kvs.set(receiptKey(1), { receipt: 'garbage', accountId: null }));
    const result = await app.call('listAcknowledgments', {}, admin);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'STORED_DATA_INVALID',
        message: expect.stringContaining(
          `${receiptKey(1)}: the value stored there is not a valid receipt record (receipt:`,
        ),
        retryable: false,
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/garbage|\.ts:\d+/);
  });

  it('a fake receipt never breaks the export: it is left out and named, and the rest is exported', async () => {
    await app.ok('acknowledge', payload, admin);
    await app.ok('acknowledge', payload, secondAdmin);
    await inSite(() => kvs.set(receiptKey(3), { receipt: { seq: 3, forged: true }, accountId: null }));
    const exported = await app.ok('exportReceipts', {}, admin);
    expect(exported.receipts.map((r) => r.receipt.seq)).toEqual([2, 1]);
    expect(exported.unreadable).toEqual([{ key: receiptKey(3), problem: expect.stringMatching(/^receipt\./) }]);
    const again = await app.ok('exportReceipts', {}, admin);
    expect(again.receipts).toHaveLength(2);
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

describe("a host whose own keys look like the panel's families without the pp: namespace", () => {
  /** Keys a host app may write for itself: the panel must never read, move or delete them. */
  const HOST_KEYS: ReadonlyArray<[string, unknown]> = [
    ['rcpt:9999999998', { receipt: { seq: 1 }, accountId: '712020:host-user' }],
    ['rcpt:0000000001', 'a host counter'],
    ['salt:installation', 'not hex at all'],
    ['privacy:report', { nextSeq: 'host' }],
    ['acctid:712020:host-user', { seq: 1 }],
    ['acct:9999999998', { accountId: '712020:host-user' }],
    ['ack:v000001:712020:host-user', { host: true }],
    ['first:v000001', 7],
    ['meta:layout', 'host layout'],
  ];
  const hostState = () =>
    [...app.emulator.entries(JIRA_SITE)]
      .filter(([key]) => !key.startsWith(KEY_NAMESPACE))
      .map(([key, value]) => [key, JSON.stringify(value)]);

  it('keeps every host key byte for byte, and the panel works beside it on its own keys only', async () => {
    await inSite(async () => {
      for (const [key, value] of HOST_KEYS) await kvs.set(key, value);
    });
    const before = hostState();
    expect(before).toHaveLength(HOST_KEYS.length);

    const empty = await app.ok('getDisclosure', undefined, admin);
    expect(empty.status.state).toBe('never');
    const first = await app.ok('acknowledge', payload, admin);
    expect(first.receipt.seq).toBe(1);
    const second = await app.ok('acknowledge', payload, secondAdmin);
    expect(second.receipt.seq).toBe(2);
    const seen = await app.ok('getDisclosure', undefined, admin);
    expect(seen.viewer.acknowledgedCurrent).toEqual(expect.objectContaining({ accountId: SAMPLE_ACCOUNTS.siteAdmin }));
    const history = await app.ok('listAcknowledgments', {}, admin);
    expect(history.rows.map((row) => row.seq)).toEqual([2, 1]);
    const exported = await app.ok('exportReceipts', {}, admin);
    expect(verifyChain(exported.receipts.map((r) => r.receipt).reverse())).toEqual([]);
    const inForce = await app.ok('inForceOn', { date: '2099-01-01' }, admin);
    expect(inForce.acknowledged).toHaveLength(2);

    expect(hostState()).toEqual(before);
    const ours = [...app.emulator.entries(JIRA_SITE).keys()].filter((key) => key.startsWith(KEY_NAMESPACE));
    expect(ours).toContain(receiptKey(2));
  });

  it('the store refuses any key outside the namespace, so no code path can reach a host key', async () => {
    const store = createKvsStore();
    for (const key of ['rcpt:9999999998', 'salt:installation', 'privacy:report']) {
      await expect(inSite(() => store.get(key))).rejects.toThrow(/not one of the panel's keys/);
      await expect(inSite(() => store.delete(key))).rejects.toThrow();
    }
    await expect(inSite(() => store.query('rcpt:', { limit: 1 }))).rejects.toThrow(/not one of the panel's keys/);
  });
});
