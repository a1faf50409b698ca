import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { DEFAULT_INSTALL_CONTEXT, FakeClock, ForgeEmulator, type KvsOptions } from '../../dev/emulator';

/** The emulator's readings of Forge's ambiguous limits: the query cap, the unit quotas, the conflict answer. */

const OTHER_SITE = 'ari:cloud:jira::site/99999999-9999-4999-8999-999999999999';

async function kvsError(fn: () => Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw error;
  }
  throw new Error('expected a ForgeKvsAPIError');
}

function start(kvsOptions: KvsOptions) {
  const clock = new FakeClock();
  const emulator = new ForgeEmulator({ kvs: kvsOptions, now: clock.now }).install();
  return { clock, emulator };
}

let stop: () => void = () => undefined;
afterEach(() => stop());

describe('query limit readings', () => {
  it.each([
    [20, 20, 21],
    [99, 99, 100],
    [100, 100, 101],
  ] as const)('cap %d accepts %d and refuses %d with LIST_QUERY_LIMIT_EXCEEDED', async (cap, ok, refused) => {
    const { emulator } = start({ queryLimitMax: cap });
    stop = () => emulator.uninstall();
    await expect(kvs.query().limit(ok).getMany()).resolves.toEqual({ results: [], nextCursor: undefined });
    const err = await kvsError(() => kvs.query().limit(refused).getMany());
    expect(err.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(err.responseDetails.status).toBe(400);
    if (cap === 99) expect(err.message).toBe('Limit for list query should be below 100.');
  });
});

describe('per-installation quotas', () => {
  it('refuses a write past 4,000 units a minute with 429 RATE_LIMIT_EXCEEDED, writes nothing, and recovers next minute', async () => {
    const { emulator, clock } = start({ quotas: true });
    stop = () => emulator.uninstall();
    const bigValue = 'x'.repeat(39 * 1024); // 4 units per write (rounded up to 10 KB)
    for (let i = 0; i < 1000; i += 1) await kvs.set(`big:${i}`, bigValue);
    expect(emulator.usage().writeUnits).toBe(4000);
    const err = await kvsError(() => kvs.set('small:1', 1));
    expect(err.responseDetails.status).toBe(429);
    expect(err.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).has('small:1')).toBe(false);
    // Reads have their own quota, and other installations their own.
    await expect(kvs.get('big:1')).resolves.toBe(bigValue);
    await emulator.run({ installContext: OTHER_SITE }, () => kvs.set('small:1', 1));
    clock.advance(60_000);
    await kvs.set('small:1', 1);
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).get('small:1')).toBe(1);
  });

  it('counts a batch by its total size once and a transaction as one write', async () => {
    const { emulator } = start({ quotas: true });
    stop = () => emulator.uninstall();
    await kvs.batchSet(Array.from({ length: 10 }, (_, i) => ({ key: `b:${i}`, value: 'y'.repeat(900) })));
    expect(emulator.usage().writeUnits).toBe(1);
    emulator.resetCounters();
    await kvs.transact().set('t:1', 1).set('t:2', 2).delete('b:1').execute();
    expect(emulator.usage().writeUnits).toBe(1);
    emulator.resetCounters();
    await kvs.query().limit(10).getMany();
    expect(emulator.usage()).toEqual(expect.objectContaining({ readUnits: 1, writeUnits: 0, calls: 1 }));
  });

  it('refuses reads past 4,000 units a minute', async () => {
    const { emulator } = start({ quotas: { readUnitsPerMinute: 3, writeUnitsPerMinute: 4000 } });
    stop = () => emulator.uninstall();
    await kvs.set('k', 1);
    for (let i = 0; i < 3; i += 1) await kvs.get('k');
    expect((await kvsError(() => kvs.get('k'))).code).toBe('RATE_LIMIT_EXCEEDED');
    expect(emulator.usage().rateLimited).toBe(1);
  });
});

describe('FAIL_IF_EXISTS on an existing key', () => {
  it('answers 409 KEY_CONFLICT by default, or whatever shape it is told', async () => {
    const { emulator } = start({});
    await kvs.set('k', 1);
    const byDefault = await kvsError(() => kvs.set('k', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect([byDefault.responseDetails.status, byDefault.code]).toEqual([409, 'KEY_CONFLICT']);
    emulator.uninstall();
    const other = start({ conflict: { status: 400, code: 'KEY_ALREADY_EXISTS', message: 'exists' } });
    stop = () => other.emulator.uninstall();
    await kvs.set('k', 1);
    const told = await kvsError(() => kvs.set('k', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect([told.responseDetails.status, told.code]).toEqual([400, 'KEY_ALREADY_EXISTS']);
    expect(other.emulator.entries(DEFAULT_INSTALL_CONTEXT).get('k')).toBe(1);
  });
});
