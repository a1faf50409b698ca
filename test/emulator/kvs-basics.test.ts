import { ForgeKvsAPIError, kvs, MetadataField } from '@forge/kvs';
import { DEFAULT_INSTALL_CONTEXT, ForgeEmulator, KEY_EXISTS_CODE } from '../../dev/emulator';

const emulator = new ForgeEmulator();
beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());
beforeEach(() => emulator.reset());

/** Runs `fn`, expecting the real client to throw ForgeKvsAPIError; returns it. */
async function kvsError(fn: () => Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ForgeKvsAPIError);
    return e as ForgeKvsAPIError;
  }
  throw new Error('expected the KVS client to throw');
}

describe('set, get, delete through the real @forge/kvs client', () => {
  it('round-trips a value and deletes it', async () => {
    await kvs.set('settings:a', { color: 'red', n: [1, 2] });
    expect(await kvs.get('settings:a')).toEqual({ color: 'red', n: [1, 2] });
    await kvs.delete('settings:a');
    expect(await kvs.get('settings:a')).toBeUndefined();
  });

  it('answers undefined for a missing key, and deleting a missing key succeeds', async () => {
    expect(await kvs.get('nothing-here')).toBeUndefined();
    await expect(kvs.delete('nothing-here')).resolves.toBeUndefined();
  });

  it("stores a copy, not the caller's object", async () => {
    const value = { list: ['x'] };
    await kvs.set('copy', value);
    value.list.push('y');
    const read = await kvs.get<{ list: string[] }>('copy');
    expect(read).toEqual({ list: ['x'] });
    read?.list.push('z');
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).get('copy')).toEqual({ list: ['x'] });
  });

  it('stores scalars and arrays at the top level', async () => {
    await kvs.set('n', 0);
    await kvs.set('b', false);
    await kvs.set('s', '');
    await kvs.set('arr', [null, 1]);
    expect([await kvs.get('n'), await kvs.get('b'), await kvs.get('s'), await kvs.get('arr')]).toEqual([
      0,
      false,
      '',
      [null, 1],
    ]);
  });

  it('OVERRIDE (the default) replaces the value', async () => {
    await kvs.set('k', 1);
    await kvs.set('k', 2, { keyPolicy: 'OVERRIDE' });
    await kvs.set('k', 3);
    expect(await kvs.get('k')).toBe(3);
  });

  it('FAIL_IF_EXISTS writes a new key, and on an existing key throws 409 and leaves the value unchanged', async () => {
    await kvs.set('once', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const err = await kvsError(() => kvs.set('once', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(err.code).toBe(KEY_EXISTS_CODE);
    expect(err.responseDetails.status).toBe(409);
    expect(err.name).toBe('ForgeKvsError');
    expect(await kvs.get('once')).toBe('first');
  });

  it('of concurrent FAIL_IF_EXISTS writes to one key, exactly one succeeds', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => kvs.set('race', i, { keyPolicy: 'FAIL_IF_EXISTS' })),
    );
    const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await kvs.get('race')).toBe(winners[0]);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as ForgeKvsAPIError).code).toBe(KEY_EXISTS_CODE);
  });

  it('returnValue PREVIOUS and LATEST answer with the value', async () => {
    expect(await kvs.set('rv', 'a', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('rv', 'b', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'rv',
      value: 'a',
    });
    expect(await kvs.set('rv', 'c', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({
      key: 'rv',
      value: 'c',
    });
  });

  it('keeps metadata and a TTL expiry time', async () => {
    await kvs.set('meta', 'v', { ttl: { value: 1, unit: 'DAYS' } });
    const got = await kvs.get('meta', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });
    expect(got?.value).toBe('v');
    expect(typeof got?.createdAt).toBe('number');
    expect(got?.updatedAt).toBeGreaterThanOrEqual(got?.createdAt ?? Infinity);
    expect(Date.parse(got?.expireTime ?? '')).toBeGreaterThan(Date.now());
  });
});

describe('documented limits', () => {
  it.each([
    ['a 501-character key', 'k'.repeat(501), 'KEY_TOO_LONG'],
    ['a key with /', 'a/b', 'INVALID_KEY'],
    ['a key with @', 'a@b', 'INVALID_KEY'],
    ['a key of only spaces', '   ', 'INVALID_KEY'],
    ['an empty key', '', 'KEY_TOO_SHORT'],
  ])('rejects %s with its code on set and get', async (_name, key, code) => {
    const onSet = await kvsError(() => kvs.set(key, 1));
    expect(onSet.code).toBe(code);
    expect(onSet.responseDetails.status).toBe(400);
    expect((await kvsError(() => kvs.get(key))).code).toBe(code);
  });

  it('accepts a 500-character key and every allowed character', async () => {
    await kvs.set('k'.repeat(500), 1);
    await kvs.set('aZ09:._ -#x', 2);
    expect(await kvs.get('k'.repeat(500))).toBe(1);
    expect(await kvs.get('aZ09:._ -#x')).toBe(2);
  });

  it('rejects a value over 240 KiB with MAX_SIZE and accepts one just under', async () => {
    const limit = 240 * 1024;
    expect((await kvsError(() => kvs.set('big', 'x'.repeat(limit)))).code).toBe('MAX_SIZE');
    await kvs.set('fits', 'x'.repeat(limit - 2)); // the two quotes of the JSON string count
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).has('big')).toBe(false);
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).has('fits')).toBe(true);
  });

  it('rejects a null value with BAD_REQUEST', async () => {
    const err = await kvsError(() => kvs.set('nothing', null));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.responseDetails.status).toBe(400);
  });

  it('rejects objects nested deeper than 31 levels with MAX_DEPTH', async () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { child: nest(levels - 1) });
    await kvs.set('deep-ok', nest(31));
    expect((await kvsError(() => kvs.set('deep-bad', nest(32)))).code).toBe('MAX_DEPTH');
  });
});

describe('secrets', () => {
  it('keeps secrets apart from data', async () => {
    await kvs.setSecret('token', { t: 's3cret' });
    expect(await kvs.getSecret('token')).toEqual({ t: 's3cret' });
    expect(await kvs.get('token')).toBeUndefined();
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).has('token')).toBe(false);
    expect(emulator.secretEntries(DEFAULT_INSTALL_CONTEXT).get('token')).toEqual({ t: 's3cret' });
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });
});
