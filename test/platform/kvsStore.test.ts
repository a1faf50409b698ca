import { ForgeEmulator } from '../../dev/emulator';
import { SALT_KEY, UndeclaredKeyError, acknowledgmentKey } from '../../src/domain/inventory';
import { InvalidCursorError, StorageUnavailableError } from '../../src/domain/ports';
import { createKvsStore } from '../../src/platform/kvsStore';

/** The only storage adapter, driving the real @forge/kvs client on the emulator. */
const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const emulator = new ForgeEmulator();
const store = createKvsStore();
const inSite = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE }, fn);

beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());
beforeEach(() => {
  emulator.reset();
  emulator.clearFaults();
});

describe('the KVS store', () => {
  it.each([
    ['put', (): Promise<unknown> => store.put('cache:x', 1)],
    ['putIfAbsent', (): Promise<unknown> => store.putIfAbsent('notes:1', 'x')],
    ['delete', (): Promise<unknown> => store.delete('tmp')],
  ])('%s refuses a key no inventory family declares, and writes nothing', async (_name, write) => {
    await expect(inSite(write)).rejects.toThrow(UndeclaredKeyError);
    expect(emulator.entries(SITE).size).toBe(0);
  });

  it('putIfAbsent writes once, then answers false and leaves the first value', async () => {
    expect(await inSite(() => store.putIfAbsent(SALT_KEY, 'first'))).toBe(true);
    expect(await inSite(() => store.putIfAbsent(SALT_KEY, 'second'))).toBe(false);
    expect(await inSite(() => store.get(SALT_KEY))).toBe('first');
  });

  it('getMany reads up to 25 keys in one operation and leaves out the missing ones', async () => {
    await inSite(() => store.putIfAbsent(acknowledgmentKey(1, 'a'), { seq: 1 }));
    emulator.resetCounters();
    const found = await inSite(() => store.getMany([acknowledgmentKey(1, 'a'), acknowledgmentKey(1, 'b')]));
    expect([...found.keys()]).toEqual([acknowledgmentKey(1, 'a')]);
    expect(emulator.counters()['kvs.batchGet']).toBe(1);
  });

  it.each([
    ['rate-limit', 'rate-limited'],
    ['server-error', 'server-error'],
    ['timeout', 'timeout'],
  ] as const)('maps a %s to a retryable StorageUnavailableError (%s)', async (kind, reason) => {
    emulator.injectFault({ kind });
    const error = await inSite(() => store.get(SALT_KEY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).reason).toBe(reason);
  });

  it('turns a forged cursor into InvalidCursorError', async () => {
    await expect(inSite(() => store.query('pp:ack:', { limit: 10, cursor: 'forged' }))).rejects.toThrow(
      InvalidCursorError,
    );
  });
});
