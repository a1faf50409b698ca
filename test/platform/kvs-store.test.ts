import { ForgeEmulator } from '../../dev/emulator';
import { SALT_KEY, UndeclaredKeyError, acknowledgmentKey } from '../../src/domain/storage/inventory';
import { InvalidCursorError, StorageUnavailableError } from '../../src/domain/platform-ports';
import { createKvsStore } from '../../src/platform/kvs-store';

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

describe('a write-once write on a taken key, whatever shape the refusal takes', () => {
  const shapes = [
    { status: 409, code: 'KEY_CONFLICT', message: 'exists' },
    { status: 409, code: 'KEY_ALREADY_EXISTS', message: 'exists' },
    { status: 400, code: 'SOMETHING_NEW', message: 'the key exists' },
    { status: 412, code: 'PRECONDITION_FAILED', message: 'no' },
    { status: 409, code: '', message: '', rawText: 'Conflict' },
  ];

  it.each(shapes)('%j → false (taken), never an untyped error', async (conflict) => {
    const strict = new ForgeEmulator({ kvs: { conflict } }).install();
    try {
      const site = (fn: () => Promise<boolean>) => strict.run({ installContext: SITE }, fn);
      expect(await site(() => store.putIfAbsent(SALT_KEY, 'a'.repeat(64)))).toBe(true);
      expect(await site(() => store.putIfAbsent(SALT_KEY, 'b'.repeat(64)))).toBe(false);
      expect(strict.entries(SITE).get(SALT_KEY)).toBe('a'.repeat(64));
    } finally {
      strict.uninstall();
      emulator.install();
    }
  });

  it('an unknown refusal of a key that is absent fails closed: typed, retryable, nothing written', async () => {
    emulator.injectFault({ kind: 'refuse', status: 400, code: 'SOMETHING_NEW', pathPrefix: '/api/v1/set' });
    const error: unknown = await inSite(() => store.putIfAbsent(SALT_KEY, 'a'.repeat(64))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).reason).toBe('unexpected-answer');
    expect(emulator.entries(SITE).size).toBe(0);
  });

  it('20 admins racing on one key all get an answer: one true, 19 false, none INTERNAL', async () => {
    const racing = new ForgeEmulator({ kvs: { conflict: { status: 400, code: 'WHATEVER', message: 'taken' } } });
    racing.install();
    try {
      const answers = await racing.run({ installContext: SITE }, () =>
        Promise.all(Array.from({ length: 20 }, (_, i) => store.putIfAbsent(SALT_KEY, String(i).padStart(64, '0')))),
      );
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(answers.filter((a) => !a)).toHaveLength(19);
    } finally {
      racing.uninstall();
      emulator.install();
    }
  });
});
