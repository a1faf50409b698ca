import api, { route } from '@forge/api';
import Resolver from '@forge/resolver';
import { kvs } from '@forge/kvs';
import { APP_ACCOUNT_ID, ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';

const JIRA = 'ari:cloud:jira::site/11111111-1111-4111-8111-111111111111';
const CONFLUENCE = 'ari:cloud:confluence::site/11111111-1111-4111-8111-111111111111';

const emulator = new ForgeEmulator();
beforeAll(() => emulator.install());
afterAll(() => emulator.uninstall());

async function jiraAdmin(accountId: string): Promise<{ status: number; admin?: boolean }> {
  return emulator.run({ installContext: JIRA, accountId }, async () => {
    const r = await api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, {
      headers: { Accept: 'application/json' },
    });
    if (!r.ok) return { status: r.status };
    const body = (await r.json()) as { permissions: { ADMINISTER: { key: string; havePermission: boolean } } };
    expect(body.permissions.ADMINISTER.key).toBe('ADMINISTER');
    return { status: r.status, admin: body.permissions.ADMINISTER.havePermission };
  });
}

async function confluenceAdmin(accountId: string): Promise<{ status: number; admin?: boolean; accountId?: string }> {
  return emulator.run({ installContext: CONFLUENCE, accountId }, async () => {
    const r = await api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`);
    if (!r.ok) return { status: r.status };
    const body = (await r.json()) as {
      accountId: string;
      operations: Array<{ operation: string; targetType: string }>;
    };
    const admin = body.operations.some((o) => o.operation === 'administer' && o.targetType === 'application');
    return { status: r.status, admin, accountId: body.accountId };
  });
}

describe('admin checks', () => {
  it('Jira mypermissions follows admin.jira of the acting user', async () => {
    expect(await jiraAdmin(SAMPLE_ACCOUNTS.siteAdmin)).toEqual({ status: 200, admin: true });
    expect(await jiraAdmin(SAMPLE_ACCOUNTS.jiraAdmin)).toEqual({ status: 200, admin: true });
    expect(await jiraAdmin(SAMPLE_ACCOUNTS.confluenceAdmin)).toEqual({ status: 200, admin: false });
    expect(await jiraAdmin(SAMPLE_ACCOUNTS.member)).toEqual({ status: 200, admin: false });
  });

  it('Confluence user/current lists administer only for Confluence admins', async () => {
    expect(await confluenceAdmin(SAMPLE_ACCOUNTS.confluenceAdmin)).toEqual({
      status: 200,
      admin: true,
      accountId: SAMPLE_ACCOUNTS.confluenceAdmin,
    });
    expect(await confluenceAdmin(SAMPLE_ACCOUNTS.jiraAdmin)).toEqual({
      status: 200,
      admin: false,
      accountId: SAMPLE_ACCOUNTS.jiraAdmin,
    });
    expect(await confluenceAdmin(SAMPLE_ACCOUNTS.member)).toMatchObject({ status: 200, admin: false });
  });

  it('an unknown or closed account acting as user gets 401', async () => {
    expect(await jiraAdmin('unknown-account')).toEqual({ status: 401 });
    expect(await confluenceAdmin(SAMPLE_ACCOUNTS.closedAdmin)).toEqual({ status: 401 });
    const anonymous = await emulator.run({ installContext: JIRA }, () =>
      api.asUser().requestJira(route`/rest/api/3/myself`),
    );
    expect(anonymous.status).toBe(401);
  });

  it('asUser(accountId) acts as that account; asApp acts as the app, which is not an admin', async () => {
    const r = await emulator.run({ installContext: JIRA, accountId: SAMPLE_ACCOUNTS.member }, () =>
      api.asUser(SAMPLE_ACCOUNTS.siteAdmin).requestJira(route`/rest/api/3/myself`),
    );
    expect(((await r.json()) as { accountId: string }).accountId).toBe(SAMPLE_ACCOUNTS.siteAdmin);
    const app = await emulator.run({ installContext: CONFLUENCE, accountId: SAMPLE_ACCOUNTS.siteAdmin }, () =>
      api.asApp().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`),
    );
    const body = (await app.json()) as { accountId: string; operations: Array<{ operation: string }> };
    expect(body.accountId).toBe(APP_ACCOUNT_ID);
    expect(body.operations.map((o) => o.operation)).not.toContain('administer');
  });

  it('follows changes to the directory', async () => {
    const local = new ForgeEmulator({
      users: [{ accountId: 'u1', displayName: 'One', admin: { jira: false, confluence: false } }],
    });
    local.install();
    try {
      const check = (): Promise<boolean> =>
        local.run({ installContext: JIRA, accountId: 'u1' }, async () => {
          const r = await api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
          return ((await r.json()) as { permissions: { ADMINISTER: { havePermission: boolean } } }).permissions
            .ADMINISTER.havePermission;
        });
      expect(await check()).toBe(false);
      local.users.set({ accountId: 'u1', displayName: 'One', admin: { jira: true, confluence: false } });
      expect(await check()).toBe(true);
    } finally {
      local.uninstall();
      emulator.install();
    }
  });
});

describe('user lookups', () => {
  it('Jira /rest/api/3/user answers known users and 404 for unknown or closed ones', async () => {
    const get = (id: string) =>
      emulator.run({ installContext: JIRA, accountId: SAMPLE_ACCOUNTS.member }, () =>
        api.asUser().requestJira(route`/rest/api/3/user?accountId=${id}`),
      );
    const ok = await get(SAMPLE_ACCOUNTS.jiraAdmin);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ accountId: SAMPLE_ACCOUNTS.jiraAdmin, displayName: 'Jordan Jira-Admin' });
    expect((await get('nobody')).status).toBe(404);
    expect((await get(SAMPLE_ACCOUNTS.closedAdmin)).status).toBe(404);
  });

  it('Confluence /wiki/rest/api/user answers known users and 404 otherwise', async () => {
    const get = (id: string) =>
      emulator.run({ installContext: CONFLUENCE }, () =>
        api.asApp().requestConfluence(route`/wiki/rest/api/user?accountId=${id}`),
      );
    const ok = await get(SAMPLE_ACCOUNTS.siteAdmin);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ accountId: SAMPLE_ACCOUNTS.siteAdmin, displayName: 'Avery Site-Admin' });
    expect((await get('nobody')).status).toBe(404);
    expect((await get(SAMPLE_ACCOUNTS.closedAdmin)).status).toBe(404);
  });

  it('answers unknown paths with 404 naming the path', async () => {
    const r = await api.asApp().requestJira(route`/rest/api/3/issue/ABC-1`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ path: '/rest/api/3/issue/ABC-1' });
  });
});

describe('invoke', () => {
  it('calls a resolver handler with the platform-vouched context, inside that installation', async () => {
    const resolver = new Resolver();
    resolver.define('whoami', async ({ payload, context }) => {
      await kvs.set('seen', (payload as { n: number }).n);
      return {
        accountId: context['accountId'] as string,
        installContext: context['installContext'] as string,
        extension: (context['extension'] as { type: string }).type,
        installationId: (context['installation'] as { ari: { installationId: string } }).ari.installationId,
        at: new Date(0),
      };
    });
    const result = await emulator.invoke(
      resolver.getDefinitions(),
      'whoami',
      { n: 7, dropped: undefined },
      { installContext: CONFLUENCE, accountId: 'acc-1' },
    );
    expect(result).toEqual({
      accountId: 'acc-1',
      installContext: CONFLUENCE,
      extension: 'confluence:globalSettings',
      installationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at: '1970-01-01T00:00:00.000Z',
    });
    expect(emulator.entries(CONFLUENCE).get('seen')).toBe(7);
    expect(emulator.entries(JIRA).has('seen')).toBe(false);
  });

  it('leaves accountId undefined when the identity has none', async () => {
    const resolver = new Resolver().define('who', ({ context }) => ({
      has: 'accountId' in context && context['accountId'] !== undefined,
    }));
    expect(await emulator.invoke(resolver.getDefinitions(), 'who', undefined, { installContext: JIRA })).toEqual({
      has: false,
    });
  });
});
