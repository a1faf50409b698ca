import { kvs } from '@forge/kvs';
import { ForgeEmulator, SAMPLE_ACCOUNTS, STRICT_KVS, type InvocationIdentity } from '../../dev/emulator';
import type { Defs, ResolverName, Result } from '../../src/contract';
import { createPrivacyPanel } from '../../src/host';
import { SALT_KEY, UndeclaredKeyError, acknowledgmentKey, receiptKey } from '../../src/domain/storage/inventory';
import { KeyPrefixError, validateKeyPrefix } from '../../src/domain/storage/key-prefix';
import { verifyChain } from '../../src/domain/receipts/receipt';
import { bundledEvidence } from '../../dev/harness/bundled-catalog';
import { createKvsStore } from '../../src/platform/kvs-store';
import { resolverFunctions } from '../../src/resolvers';
import { sampleCatalog } from '../support/statements';

/** The panel's keys under a prefix of the host's choosing, on the real @forge/kvs client and the emulator. */
const SITE = 'ari:cloud:jira::site/55555555-5555-4555-8555-555555555555';
const PREFIX = 'privacy-panel:';
const catalog = sampleCatalog();
const statement = catalog.versions[0]!;
const payload = { version: statement.source.version, hash: statement.hash };
const admin: InvocationIdentity = { accountId: SAMPLE_ACCOUNTS.siteAdmin, installContext: SITE };
const secondAdmin: InvocationIdentity = { accountId: SAMPLE_ACCOUNTS.jiraAdmin, installContext: SITE };

/** A host's own keys that begin with `pp:`: two of them look exactly like the panel's default layout. */
const HOST_KEYS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['pp:something', { host: 'settings' }],
  [receiptKey(1), 'a host value that is no receipt'],
  [acknowledgmentKey(1, SAMPLE_ACCOUNTS.siteAdmin), 42],
  ['pp:meta:settings', 'not ours'],
]);

let emulator: ForgeEmulator;
beforeEach(() => {
  emulator = new ForgeEmulator({ kvs: STRICT_KVS }).install();
});
afterEach(() => emulator.uninstall());

const inSite = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE }, fn);
const physicalKeys = () => [...emulator.entries(SITE).keys()].sort();
const panelKeys = () => physicalKeys().filter((key) => !HOST_KEYS.has(key));

type Data<N extends ResolverName> = Awaited<ReturnType<Defs[N]>> extends Result<infer T> ? T : never;

function panel(keyPrefix?: string) {
  const created = createPrivacyPanel({ catalog, evidence: bundledEvidence, ...(keyPrefix ? { keyPrefix } : {}) });
  const ok = async <N extends ResolverName>(
    name: N,
    body: Parameters<Defs[N]>[0],
    who: InvocationIdentity,
  ): Promise<Data<N>> => {
    const result = (await emulator.invoke(created.handler, name, body, who)) as Result<Data<N>>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  return { ...created, ok };
}

async function writeHostKeys(): Promise<void> {
  await inSite(async () => {
    for (const [key, value] of HOST_KEYS) await kvs.set(key, value);
  });
}

function expectHostKeysUntouched(): void {
  const entries = emulator.entries(SITE);
  for (const [key, value] of HOST_KEYS) expect(entries.get(key)).toEqual(value);
}

describe('the key prefix rule', () => {
  it.each([
    ['no colon at the end', 'acme'],
    ['too short', ':'],
    ['too long (33)', `${'a'.repeat(32)}:`],
    ['whitespace', 'my app:'],
    ['a character KVS keys do not take', 'acme/pp:'],
    ['not ASCII', 'pé:'],
    ['empty', ''],
    ['not a string', 7],
  ])('%s: a KeyPrefixError naming the field, and nothing written', (_label, value) => {
    const error = (() => {
      try {
        return validateKeyPrefix(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KeyPrefixError);
    expect(error).toEqual(expect.objectContaining({ field: 'keyPrefix', value }));
    expect((error as Error).message).toMatch(/^keyPrefix .* is not allowed: /);
    const bad = value as string;
    expect(() => createKvsStore({ keyPrefix: bad })).toThrow(KeyPrefixError);
    expect(() => createPrivacyPanel({ catalog, evidence: bundledEvidence, keyPrefix: bad })).toThrow(KeyPrefixError);
    expect(() => resolverFunctions({ catalog, evidence: bundledEvidence, keyPrefix: bad })).toThrow(KeyPrefixError);
    expect(emulator.entries(SITE).size).toBe(0);
  });

  it.each(['pp:', 'privacy-panel:', 'acme.pp#2:', 'ac:', 'ack:', 'rcpt:new:', 'privacy:'])('accepts %s', (value) => {
    expect(validateKeyPrefix(value)).toBe(value);
  });

  it('defaults to pp:', () => {
    expect(validateKeyPrefix(undefined)).toBe('pp:');
  });
});

describe('the KVS store under a custom prefix', () => {
  const store = createKvsStore({ keyPrefix: PREFIX });

  it('stores logical pp: keys under the prefix, and reads, lists and deletes them by their logical names', async () => {
    await inSite(() => store.putIfAbsent(acknowledgmentKey(1, 'a'), { seq: 1 }));
    await inSite(() => store.put(SALT_KEY, 'salt'));
    expect(physicalKeys()).toEqual([`${PREFIX}ack:v000001:a`, `${PREFIX}salt:installation`]);
    expect(await inSite(() => store.get(SALT_KEY))).toBe('salt');
    const many = await inSite(() => store.getMany([SALT_KEY, acknowledgmentKey(1, 'a'), acknowledgmentKey(1, 'b')]));
    expect([...many.keys()].sort()).toEqual([acknowledgmentKey(1, 'a'), SALT_KEY]);
    const page = await inSite(() => store.query('pp:ack:', { limit: 10 }));
    expect(page.entries).toEqual([{ key: acknowledgmentKey(1, 'a'), value: { seq: 1 } }]);
    expect(await inSite(() => store.putIfAbsent(SALT_KEY, 'again'))).toBe(false);
    await inSite(() => store.delete(acknowledgmentKey(1, 'a')));
    expect(physicalKeys()).toEqual([`${PREFIX}salt:installation`]);
  });

  it('still refuses undeclared keys, judged by the logical key (a physical-looking key is undeclared)', async () => {
    await expect(inSite(() => store.put(`${PREFIX}salt:installation`, 'x'))).rejects.toThrow(UndeclaredKeyError);
    await expect(inSite(() => store.put('pp:cache:x', 'x'))).rejects.toThrow(UndeclaredKeyError);
    expect(emulator.entries(SITE).size).toBe(0);
  });

  it("never lists a host's pp: keys", async () => {
    await writeHostKeys();
    expect((await inSite(() => store.query('pp:', { limit: 20 }))).entries).toEqual([]);
    expect((await inSite(() => store.query('pp:rcpt:', { limit: 20 }))).entries).toEqual([]);
    expect(await inSite(() => store.get(receiptKey(1)))).toBeUndefined();
  });
});

describe('the panel under a custom prefix beside a host whose keys begin with pp:', () => {
  it('acknowledges, lists, exports and records lifecycle events under the prefix; the host keys stay as they were', async () => {
    await writeHostKeys();
    const app = panel(PREFIX);
    const seen = await app.ok('getDisclosure', undefined, admin);
    expect(seen.viewer.acknowledgedCurrent).toBeNull(); // the host's look-alike marker is not read
    expect(seen.evidence.keyFamilies.map((f) => f.pattern).every((p) => p.startsWith(PREFIX))).toBe(true);
    expect((await app.ok('acknowledge', payload, admin)).created).toBe(true);
    expect((await app.ok('acknowledge', payload, secondAdmin)).receipt.seq).toBe(2);
    await inSite(() => app.onAppInstalled({ app: { version: '1.0.0' } }, { installContext: SITE }));

    const history = await app.ok('listAcknowledgments', {}, admin);
    expect(
      history.rows
        .map((r) => r.accountId)
        .filter(Boolean)
        .sort(),
    ).toEqual([SAMPLE_ACCOUNTS.siteAdmin, SAMPLE_ACCOUNTS.jiraAdmin].sort());
    const exported = await app.ok('exportReceipts', {}, admin);
    expect(exported.receipts.map((r) => r.receipt.seq)).toEqual([3, 2, 1]);
    expect(verifyChain(exported.receipts.map((r) => r.receipt).reverse())).toEqual([]);

    expect(panelKeys().length).toBeGreaterThan(8);
    for (const key of panelKeys()) expect(key.startsWith(PREFIX)).toBe(true);
    expect(
      physicalKeys()
        .filter((key) => key.startsWith('pp:'))
        .sort(),
    ).toEqual([...HOST_KEYS.keys()].sort());
    expectHostKeysUntouched();
  });

  it('with the default prefix the same host keys would be read: why add chooses another prefix', async () => {
    await writeHostKeys();
    const app = panel();
    const result = (await emulator.invoke(app.handler, 'acknowledge', payload, admin)) as Result<unknown>;
    // The host's value under pp:rcpt: is no receipt: a typed error naming the key, and nothing written.
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'STORED_DATA_INVALID', message: expect.stringContaining(receiptKey(1)) }),
    });
    expectHostKeysUntouched();
  });
});
