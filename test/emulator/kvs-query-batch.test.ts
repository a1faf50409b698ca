import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { DEFAULT_INSTALL_CONTEXT, ForgeEmulator } from '../../dev/emulator';

const emulator = new ForgeEmulator();
beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());
beforeEach(() => emulator.reset());

async function kvsError(fn: () => Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ForgeKvsAPIError);
    return e as ForgeKvsAPIError;
  }
  throw new Error('expected the KVS client to throw');
}

const pad = (n: number): string => String(n).padStart(3, '0');

describe('query', () => {
  it('returns keys with the prefix in lexicographic order, 10 by default', async () => {
    for (const k of ['ack:b', 'ack:a', 'ack:10', 'ack:2', 'other:a', 'ac']) await kvs.set(k, k.toUpperCase());
    const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('ack:')).getMany();
    expect(results).toEqual([
      { key: 'ack:10', value: 'ACK:10' },
      { key: 'ack:2', value: 'ACK:2' },
      { key: 'ack:a', value: 'ACK:A' },
      { key: 'ack:b', value: 'ACK:B' },
    ]);
    expect(nextCursor).toBeUndefined();

    for (let i = 0; i < 15; i++) await kvs.set(`many:${pad(i)}`, i);
    const page = await kvs.query().where('key', WhereConditions.beginsWith('many:')).getMany();
    expect(page.results).toHaveLength(10);
    expect(typeof page.nextCursor).toBe('string');
  });

  it('without where, lists every data key', async () => {
    await kvs.set('b', 1);
    await kvs.set('a', 2);
    const { results } = await kvs.query().getMany();
    expect(results.map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('paginates with the cursor, covering every key exactly once', async () => {
    const keys = Array.from({ length: 57 }, (_, i) => `rcpt:${pad(i)}`);
    for (const k of [...keys].reverse()) await kvs.set(k, { k });
    await kvs.set('rcpt', 'no colon: outside the prefix');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = kvs.query().where('key', WhereConditions.beginsWith('rcpt:')).limit(7);
      const page = await (cursor ? q.cursor(cursor) : q).getMany<{ k: string }>();
      for (const r of page.results) {
        expect(r.value.k).toBe(r.key);
        seen.push(r.key);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(keys);
    expect(pages).toBe(Math.ceil(57 / 7));
  });

  it('getOne answers the first key or undefined', async () => {
    await kvs.set('x:2', 2);
    await kvs.set('x:1', 1);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('x:')).getOne()).toEqual({ key: 'x:1', value: 1 });
    expect(await kvs.query().where('key', WhereConditions.beginsWith('y:')).getOne()).toBeUndefined();
  });

  it('accepts a limit of 100 and rejects 101 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await expect(kvs.query().limit(100).getMany()).resolves.toEqual({ results: [], nextCursor: undefined });
    const err = await kvsError(() => kvs.query().limit(101).getMany());
    expect(err.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(err.responseDetails.status).toBe(400);
  });

  it('rejects a cursor it did not issue', async () => {
    expect((await kvsError(() => kvs.query().cursor('garbage').getMany())).code).toBe('BAD_REQUEST');
  });

  it('never returns secrets', async () => {
    await kvs.setSecret('cfg:secret', 'hidden');
    await kvs.set('cfg:public', 'shown');
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('cfg:')).getMany();
    expect(results).toEqual([{ key: 'cfg:public', value: 'shown' }]);
  });
});

describe('batches', () => {
  it('batchSet, batchGet and batchDelete report per key', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'b:1', value: 1 },
      { key: 'b:2', value: { two: 2 } },
      { key: 'bad/key', value: 3 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b:1' }, { key: 'b:2' }]);
    expect(set.failedKeys).toEqual([{ key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } }]);

    const got = await kvs.batchGet<unknown>([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:missing' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'b:1', value: 1 },
      { key: 'b:2', value: { two: 2 } },
    ]);
    expect(got.failedKeys).toEqual([
      { key: 'b:missing', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } },
    ]);

    const del = await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:missing' }]);
    expect(del.successfulKeys).toEqual([{ key: 'b:1' }]);
    expect(del.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['b:missing', 'KEY_NOT_FOUND']]);
    expect([...emulator.entries(DEFAULT_INSTALL_CONTEXT).keys()]).toEqual(['b:2']);
  });

  it('takes 25 keys and rejects 26, an empty batch and repeated keys as a whole', async () => {
    const items = (n: number): Array<{ key: string; value: number }> =>
      Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await kvs.batchSet(items(25))).successfulKeys).toHaveLength(25);
    emulator.reset();
    expect((await kvsError(() => kvs.batchSet(items(26)))).responseDetails.status).toBe(400);
    expect((await kvsError(() => kvs.batchGet(items(26).map(({ key }) => ({ key }))))).code).toBe('BAD_REQUEST');
    expect((await kvsError(() => kvs.batchDelete(items(26).map(({ key }) => ({ key }))))).code).toBe('BAD_REQUEST');
    expect((await kvsError(() => kvs.batchSet([]))).code).toBe('BAD_REQUEST');
    expect(
      (
        await kvsError(() =>
          kvs.batchSet([
            { key: 'd', value: 1 },
            { key: 'd', value: 2 },
          ]),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).size).toBe(0);
  });
});

describe('transactions', () => {
  it('applies 25 operations together', async () => {
    await kvs.set('t:gone', 'x');
    let tx = kvs.transact().delete('t:gone');
    for (let i = 0; i < 24; i++) tx = tx.set(`t:${pad(i)}`, i);
    await tx.execute();
    const data = emulator.entries(DEFAULT_INSTALL_CONTEXT);
    expect(data.size).toBe(24);
    expect(data.get('t:023')).toBe(23);
    expect(data.has('t:gone')).toBe(false);
  });

  it('rejects 26 operations and writes nothing', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`t:${pad(i)}`, i);
    expect((await kvsError(() => tx.execute())).responseDetails.status).toBe(400);
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).size).toBe(0);
  });

  it('is all-or-nothing when one operation is invalid', async () => {
    await kvs.set('keep', 'original');
    const tx = kvs.transact().set('keep', 'changed').delete('other').set('bad@key', 1);
    expect((await kvsError(() => tx.execute())).code).toBe('INVALID_KEY');
    const tooBig = kvs
      .transact()
      .set('keep', 'changed')
      .set('huge', 'x'.repeat(250 * 1024));
    expect((await kvsError(() => tooBig.execute())).code).toBe('MAX_SIZE');
    expect(await kvs.get('keep')).toBe('original');
    expect(await kvs.get('huge')).toBeUndefined();
  });

  it('rejects a key used twice', async () => {
    const tx = kvs.transact().set('twice', 1).delete('twice');
    expect((await kvsError(() => tx.execute())).code).toBe('BAD_REQUEST');
    expect(await kvs.get('twice')).toBeUndefined();
  });
});
