/**
 * The package's runtime imports `@forge/api` through src/host/forge-api-slim.ts (three of its modules, not
 * its index). These must be the index's own functions: the same route builder, and the same requests
 * reaching the platform for every call the panel makes.
 */
import api, { privacy as indexPrivacy, route as indexRoute } from '@forge/api';
import { ForgeEmulator, type ForgeFetch } from '../../dev/emulator';
import slim, { privacy as slimPrivacy, route as slimRoute } from '../../src/host/forge-api-slim';

const SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';
const ADMIN = '712020:slim-admin';

interface Seen {
  path: string;
  method: string;
  body: unknown;
  target: unknown;
}

const emulator = new ForgeEmulator();
let seen: Seen[] = [];

beforeAll(() => {
  emulator.install();
  emulator.users.set({ accountId: ADMIN, displayName: 'Slim Admin', admin: { jira: true, confluence: true } });
  // Record every request the clients make, then let the emulator answer it.
  const recording: ForgeFetch = (target, path, init) => {
    seen.push({ target, path, method: init?.method ?? 'GET', body: init?.body ?? null });
    return emulator.fetch(target, path, init);
  };
  (globalThis as unknown as { __forge_fetch__: ForgeFetch }).__forge_fetch__ = recording;
});
afterAll(() => emulator.uninstall());
beforeEach(() => {
  seen = [];
});

const asAdmin = <T>(fn: () => Promise<T>) => emulator.run({ installContext: SITE, accountId: ADMIN }, fn);

describe('forge-api-slim', () => {
  it('exports the very route builder of @forge/api', () => {
    expect(slimRoute).toBe(indexRoute);
  });

  it.each([
    ['requestJira', slimRoute`/rest/api/3/mypermissions?permissions=ADMINISTER`],
    ['requestConfluence', slimRoute`/wiki/rest/api/user/current?expand=operations`],
  ] as const)('asUser().%s sends what the index sends, and gets the same answer', async (method, path) => {
    const call = (client: typeof slim) =>
      asAdmin(async () => {
        const response = await client.asUser()[method](path, {
          headers: { Accept: 'application/json' },
        });
        return { status: response.status, body: (await response.json()) as unknown };
      });
    const fromIndex = await call(api);
    const indexCalls = seen;
    seen = [];
    const fromSlim = await call(slim);
    expect(fromSlim).toEqual(fromIndex);
    expect(fromIndex.status).toBe(200);
    expect(seen).toEqual(indexCalls);
    expect(seen).toHaveLength(1);
  });

  it('privacy.reportPersonalData sends what the index sends', async () => {
    const accounts = [{ accountId: ADMIN, updatedAt: '2026-11-01T00:00:00.000Z' }];
    const fromIndex = await asAdmin(() => indexPrivacy.reportPersonalData(accounts));
    const indexCalls = seen;
    seen = [];
    const fromSlim = await asAdmin(() => slimPrivacy.reportPersonalData(accounts));
    expect(fromSlim).toEqual(fromIndex);
    expect(seen).toEqual(indexCalls);
    expect(emulator.privacyReporting.calls.map((c) => c.accounts.length)).toEqual([1, 1]);
  });
});
