import { RESOLVER_NAMES, type ResolverName } from '../../src/contract';
import { CONFLUENCE_SITE, JIRA_SITE, SAMPLE_ACCOUNTS, admin, as, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

/**
 * Every resolver, and what a caller who is not an administrator gets from it. A new resolver without a
 * row here fails to compile; removing the admin gate from any of them turns its row red.
 */
const NON_ADMIN_GETS = {
  getDisclosure: { payload: () => ({}), expect: 'no-personal-data' },
  acknowledge: { payload: () => ({ version: 1, hash: sampleCatalog().versions[0]!.hash }), expect: 'forbidden' },
  listAcknowledgments: { payload: () => ({}), expect: 'forbidden' },
  getStatementVersions: { payload: () => ({}), expect: 'no-personal-data' },
  diffVersions: { payload: () => ({ from: 1, to: 1 }), expect: 'no-personal-data' },
  exportReceipts: { payload: () => ({}), expect: 'forbidden' },
  inForceOn: { payload: () => ({ date: '2026-11-23' }), expect: 'forbidden' },
} as const satisfies Record<ResolverName, { payload: () => unknown; expect: 'forbidden' | 'no-personal-data' }>;

let app: App;
beforeEach(async () => {
  app = startApp();
  // Personal data exists on both sites before the probe.
  for (const site of [JIRA_SITE, CONFLUENCE_SITE]) {
    await app.ok('acknowledge', NON_ADMIN_GETS.acknowledge.payload(), as(SAMPLE_ACCOUNTS.siteAdmin, site));
  }
});
afterEach(() => app.stop());

const probes = RESOLVER_NAMES.flatMap((name) =>
  (
    [
      ['Jira member', as(SAMPLE_ACCOUNTS.member, JIRA_SITE)],
      ['Confluence member', as(SAMPLE_ACCOUNTS.member, CONFLUENCE_SITE)],
      ['Confluence-only admin on Jira', as(SAMPLE_ACCOUNTS.confluenceAdmin, JIRA_SITE)],
      ['unknown account', as('712020:nobody', JIRA_SITE)],
    ] as const
  ).map(([label, identity]) => [name, label, identity] as const),
);

describe('the admin gate', () => {
  it('covers every resolver in the contract', () => {
    expect(Object.keys(NON_ADMIN_GETS).sort()).toEqual([...RESOLVER_NAMES].sort());
  });

  it.each(probes)('%s as %s', async (name, _label, identity) => {
    const rule = NON_ADMIN_GETS[name];
    const before = [...app.emulator.entries(identity.installContext).keys()].sort();
    const result = await app.raw(name, rule.payload(), identity);
    if (rule.expect === 'forbidden') {
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    } else {
      expect(result.ok).toBe(true);
    }
    expect(JSON.stringify(result)).not.toContain(SAMPLE_ACCOUNTS.siteAdmin);
    expect([...app.emulator.entries(identity.installContext).keys()].sort()).toEqual(before);
  });

  it.each(RESOLVER_NAMES)('%s fails closed when the permission check itself fails', async (name) => {
    app.emulator.injectFault({ kind: 'server-error', pathPrefix: '/rest/api/3/mypermissions', times: 5 });
    const result = await app.raw(name, NON_ADMIN_GETS[name].payload(), admin);
    expect(JSON.stringify(result)).not.toContain(SAMPLE_ACCOUNTS.siteAdmin);
    if (NON_ADMIN_GETS[name].expect === 'forbidden') expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });
});

describe("Forge's consent request", () => {
  it.each(RESOLVER_NAMES.filter((name) => name !== 'getStatementVersions' && name !== 'diffVersions'))(
    '%s passes it through unchanged (Forge then asks the user to allow access) and writes nothing',
    async (name) => {
      const before = [...app.emulator.entries(JIRA_SITE).keys()].sort();
      app.emulator.users.set({ ...app.emulator.users.get(SAMPLE_ACCOUNTS.jiraAdmin)!, consented: false });
      const outcome = app.raw(name, NON_ADMIN_GETS[name].payload(), as(SAMPLE_ACCOUNTS.jiraAdmin, JIRA_SITE));
      await expect(outcome).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
      expect([...app.emulator.entries(JIRA_SITE).keys()].sort()).toEqual(before);
    },
  );
});
