/**
 * The package's runtime imports `@forge/kvs` through src/host/kvs-slim.ts (four of its modules, not its
 * index, which loads tslib). The slim client must send the index's requests for every call the panel makes,
 * in both ways a Forge runtime reaches storage (the app's `kvs` remote, or a KVS host named by
 * `__forge_runtime__`), and its errors and conditions must be the index's own classes.
 */
import type * as KvsIndex from '@forge/kvs';
import { ForgeEmulator, type ForgeFetch } from '../../dev/emulator';
import type * as KvsSlim from '../../src/host/kvs-slim';

interface Seen {
  target: unknown;
  path: string;
  init: unknown;
}

type Client = typeof KvsIndex.kvs;

const SITE = 'ari:cloud:jira::site/55555555-5555-4555-8555-555555555555';
const RUNTIME = {
  proxy: { token: 'invocation-token' },
  kvs: { url: 'https://kvs.example.internal', host: 'kvs.example.internal' },
  tracing: { traceId: 'trace-1', spanId: 'span-1' },
};

const emulator = new ForgeEmulator();
let seen: Seen[] = [];
const slots = globalThis as unknown as { __forge_fetch__: ForgeFetch; __forge_runtime__?: unknown };

/** Loads both clients afresh, so each reads `__forge_runtime__` as it is now, as at a function's cold start. */
function loadClients(): { index: typeof KvsIndex; slim: typeof KvsSlim } {
  let loaded: { index: typeof KvsIndex; slim: typeof KvsSlim } | undefined;
  jest.isolateModules(() => {
    loaded = {
      index: jest.requireActual<typeof KvsIndex>('@forge/kvs'),
      slim: jest.requireActual<typeof KvsSlim>('../../src/host/kvs-slim'),
    };
  });
  if (!loaded) throw new Error('clients did not load');
  return loaded;
}

/** Every kind of call the panel's store makes (src/platform/kvs-store.ts), in order, with their answers. */
async function script(client: Client, conditions: typeof KvsIndex.WhereConditions): Promise<unknown[]> {
  return emulator.run({ installContext: SITE }, async () => {
    const answers: unknown[] = [];
    await client.set('pp:slim:a', { n: 1 }, { keyPolicy: 'FAIL_IF_EXISTS' });
    await client.set('pp:slim:b', { n: 2 });
    answers.push(await client.get('pp:slim:a'));
    answers.push(await client.get('pp:slim:absent'));
    answers.push(await client.batchGet([{ key: 'pp:slim:a' }, { key: 'pp:slim:b' }]));
    const page = await client.query().where('key', conditions.beginsWith('pp:slim:')).limit(20).getMany();
    answers.push(page);
    await client.delete('pp:slim:a');
    await client.delete('pp:slim:b');
    return answers;
  });
}

beforeAll(() => {
  emulator.install();
  const recording: ForgeFetch = (target, path, init) => {
    seen.push({ target, path, init: JSON.parse(JSON.stringify(init ?? null)) as unknown });
    return emulator.fetch(target, path, init);
  };
  slots.__forge_fetch__ = recording;
});
afterAll(() => {
  delete slots.__forge_runtime__;
  emulator.uninstall();
});
beforeEach(() => {
  seen = [];
  delete slots.__forge_runtime__;
});

describe('kvs-slim', () => {
  it.each([
    ['the app kvs remote (no __forge_runtime__)', undefined],
    ['a KVS host named by __forge_runtime__', RUNTIME],
  ] as const)('sends what the index sends through %s, and gets the same answers', async (_name, runtime) => {
    if (runtime) slots.__forge_runtime__ = runtime;
    const { index, slim } = loadClients();
    const fromIndex = await script(index.kvs, index.WhereConditions);
    const indexCalls = seen;
    seen = [];
    const fromSlim = await script(slim.kvs, slim.WhereConditions);
    expect(fromSlim).toEqual(fromIndex);
    expect(seen).toEqual(indexCalls);
    expect(seen).toHaveLength(8);
    expect(fromIndex[0]).toEqual({ n: 1 });
    if (runtime) {
      expect(seen.every((s) => JSON.stringify(s.init).includes('Bearer invocation-token'))).toBe(true);
    } else {
      expect(seen.every((s) => (s.target as { remote?: string }).remote === 'kvs')).toBe(true);
    }
  });

  it('reads __forge_runtime__ on each call, never a copy kept from load time', async () => {
    const { slim } = loadClients();
    slots.__forge_runtime__ = { ...RUNTIME, proxy: { token: 'second-invocation' } };
    await emulator.run({ installContext: SITE }, () => slim.kvs.get('pp:slim:any'));
    expect(JSON.stringify(seen[0]?.init)).toContain('Bearer second-invocation');
  });

  it("throws the index's own error class, so the store's checks hold", async () => {
    const { index, slim } = loadClients();
    expect(slim.ForgeKvsAPIError).toBe(index.ForgeKvsAPIError);
    expect(slim.WhereConditions).toBe(index.WhereConditions);
    await emulator.run({ installContext: SITE }, () => slim.kvs.set('pp:slim:once', 1));
    const second = emulator.run({ installContext: SITE }, () =>
      slim.kvs.set('pp:slim:once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }),
    );
    await expect(second).rejects.toBeInstanceOf(index.ForgeKvsAPIError);
  });
});
