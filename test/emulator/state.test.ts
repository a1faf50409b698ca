import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import api, { route } from '@forge/api';
import { DEFAULT_INSTALL_CONTEXT, ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';

const SITE = '44444444-4444-4444-8444-444444444444';
const JIRA = `ari:cloud:jira::site/${SITE}`;
const CONFLUENCE = `ari:cloud:confluence::site/${SITE}`;
const OTHER_JIRA = 'ari:cloud:jira::site/55555555-5555-4555-8555-555555555555';

describe('installation isolation', () => {
  const emulator = new ForgeEmulator();
  beforeAll(() => emulator.install());
  afterAll(() => emulator.uninstall());

  it('keeps the same key apart per installation, and outside run() uses the default installation', async () => {
    await emulator.run({ installContext: JIRA }, () => kvs.set('policy:ack', 'jira'));
    await emulator.run({ installContext: CONFLUENCE }, () => kvs.set('policy:ack', 'confluence'));
    await kvs.set('policy:ack', 'default');
    expect(await emulator.run({ installContext: JIRA }, () => kvs.get('policy:ack'))).toBe('jira');
    expect(await emulator.run({ installContext: CONFLUENCE }, () => kvs.get('policy:ack'))).toBe('confluence');
    expect(await emulator.run({ installContext: OTHER_JIRA }, () => kvs.get('policy:ack'))).toBeUndefined();
    expect(await kvs.get('policy:ack')).toBe('default');
    expect(emulator.entries(DEFAULT_INSTALL_CONTEXT).get('policy:ack')).toBe('default');
    const listed = await emulator.run({ installContext: CONFLUENCE }, () =>
      kvs.query().where('key', WhereConditions.beginsWith('policy')).getMany(),
    );
    expect(listed.results).toEqual([{ key: 'policy:ack', value: 'confluence' }]);
  });

  it('keeps concurrent invocations apart', async () => {
    const write = (ctx: string, n: number): Promise<void> =>
      emulator.run({ installContext: ctx }, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        await kvs.set('n', n);
      });
    await Promise.all([write(JIRA, 1), write(CONFLUENCE, 2), write(OTHER_JIRA, 3)]);
    expect([JIRA, CONFLUENCE, OTHER_JIRA].map((c) => emulator.entries(c).get('n'))).toEqual([1, 2, 3]);
  });

  it('reset(installContext) wipes only that installation', async () => {
    await emulator.run({ installContext: JIRA }, () => kvs.set('x', 1));
    await emulator.run({ installContext: CONFLUENCE }, () => kvs.set('x', 2));
    emulator.reset(JIRA);
    expect(emulator.entries(JIRA).size).toBe(0);
    expect(emulator.entries(CONFLUENCE).get('x')).toBe(2);
    emulator.reset();
    expect(emulator.entries(CONFLUENCE).size).toBe(0);
  });

  it('rejects an identity that is not an installation ARI', async () => {
    await expect(emulator.run({ installContext: 'site-1' }, () => kvs.get('x'))).rejects.toThrow(/installation ARI/);
  });
});

describe('install and uninstall', () => {
  it('restores the previous __forge_fetch__', () => {
    const slots = globalThis as unknown as Record<string, unknown>;
    const before = (): Promise<Response> => Promise.resolve(new Response(null, { status: 418 }));
    slots['__forge_fetch__'] = before;
    const emulator = new ForgeEmulator().install();
    expect(slots['__forge_fetch__']).toBe(emulator.fetch);
    emulator.uninstall();
    expect(slots['__forge_fetch__']).toBe(before);
    delete slots['__forge_fetch__'];
    emulator.install();
    emulator.uninstall();
    expect('__forge_fetch__' in slots).toBe(false);
  });
});

describe('persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-emulator-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a new emulator on the same file sees data, secrets and users; parent folders are created', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'state.json');
    const first = new ForgeEmulator({ persistFile: file }).install();
    await first.run({ installContext: JIRA }, async () => {
      await kvs.set('ack:1', { by: 'a' });
      await kvs.setSecret('salt', 'pepper');
      await kvs.transact().set('t:1', 1).set('t:2', 2).execute();
      await kvs.delete('t:2');
    });
    first.users.closeAccount(SAMPLE_ACCOUNTS.member);
    first.uninstall();
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']); // no temp file left behind

    const second = new ForgeEmulator({ persistFile: file }).install();
    try {
      expect(await second.run({ installContext: JIRA }, () => kvs.get('ack:1'))).toEqual({ by: 'a' });
      expect(await second.run({ installContext: JIRA }, () => kvs.getSecret('salt'))).toBe('pepper');
      expect([...second.entries(JIRA).keys()]).toEqual(['ack:1', 't:1']);
      expect(second.users.get(SAMPLE_ACCOUNTS.member)?.accountStatus).toBe('closed');
      const r = await second.run({ installContext: JIRA, accountId: SAMPLE_ACCOUNTS.member }, () =>
        api.asUser().requestJira(route`/rest/api/3/myself`),
      );
      expect(r.status).toBe(401);
    } finally {
      second.uninstall();
    }
  });

  it('refuses a file that is not emulator state', () => {
    const file = path.join(dir, 'other.json');
    fs.writeFileSync(file, '{"hello":"world"}');
    expect(() => new ForgeEmulator({ persistFile: file })).toThrow(/not a state file/);
  });
});

describe('counters', () => {
  it('count every call by kind, failed ones included', async () => {
    const emulator = new ForgeEmulator().install();
    try {
      await kvs.set('a', 1);
      await kvs.get('a');
      await kvs.get('missing');
      await kvs.set('bad/key', 1).catch(() => undefined);
      emulator.injectFault({ kind: 'timeout' });
      await kvs.delete('a').catch(() => undefined);
      await kvs.query().getMany();
      await kvs.batchGet([{ key: 'a' }]);
      await kvs.batchSet([{ key: 'b', value: 1 }]);
      await kvs.batchDelete([{ key: 'b' }]);
      await kvs.transact().set('c', 1).execute();
      await kvs.getSecret('s');
      await kvs.setSecret('s', 1);
      await kvs.deleteSecret('s');
      await emulator.run({ installContext: JIRA, accountId: SAMPLE_ACCOUNTS.siteAdmin }, async () => {
        await api.asUser().requestJira(route`/rest/api/3/myself`);
        await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`);
      });
      expect(emulator.counters()).toEqual({
        'kvs.set': 2,
        'kvs.get': 2,
        'kvs.delete': 1,
        'kvs.query': 1,
        'kvs.batchGet': 1,
        'kvs.batchSet': 1,
        'kvs.batchDelete': 1,
        'kvs.transaction': 1,
        'kvs.secret.get': 1,
        'kvs.secret.set': 1,
        'kvs.secret.delete': 1,
        'product.jira': 1,
        'product.confluence': 1,
      });
      emulator.resetCounters();
      expect(emulator.counters()).toEqual({});
    } finally {
      emulator.uninstall();
    }
  });
});
