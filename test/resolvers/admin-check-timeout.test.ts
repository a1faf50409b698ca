/** A permission check the product never answers must not hang the resolver: it fails closed, typed, retryable. */
import { RESOLVER_NAMES } from '../../src/contract';
import { ADMIN_CHECK_TIMEOUT_MS } from '../../src/platform/admin-gate';
import { CONFLUENCE_SITE, JIRA_SITE, SAMPLE_ACCOUNTS, admin, as, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

const TIMEOUT_MS = 50;
const PAYLOADS = {
  getDisclosure: {},
  acknowledge: { version: 1, hash: sampleCatalog().versions[0]!.hash },
  listAcknowledgments: {},
  getStatementVersions: {},
  diffVersions: { from: 1, to: 1 },
  exportReceipts: {},
  inForceOn: { date: '2026-11-23' },
} as const;
/** Resolvers that ask whether the caller is an administrator. */
const GATED = RESOLVER_NAMES.filter((name) => name !== 'getStatementVersions' && name !== 'diffVersions');

let app: App;
beforeEach(() => {
  app = startApp(sampleCatalog(), { adminCheckTimeoutMs: TIMEOUT_MS });
});
afterEach(() => app.stop());

it('defaults to a few seconds', () => {
  expect(ADMIN_CHECK_TIMEOUT_MS).toBe(5_000);
});

describe.each([
  ['Jira', JIRA_SITE, '/rest/api/3/mypermissions'],
  ['Confluence', CONFLUENCE_SITE, '/wiki/rest/api/user/current'],
] as const)('on %s', (_product, site, path) => {
  it.each(GATED)('%s: a hanging check → ADMIN_CHECK_UNAVAILABLE, retryable, nothing written', async (name) => {
    const before = [...app.emulator.entries(site).keys()].sort();
    app.emulator.injectFault({ kind: 'hang', pathPrefix: path });
    const result = await app.raw(name, PAYLOADS[name], as(SAMPLE_ACCOUNTS.siteAdmin, site));
    expect(result).toEqual({
      ok: false,
      error: { code: 'ADMIN_CHECK_UNAVAILABLE', message: expect.stringMatching(/try again/), retryable: true },
    });
    expect([...app.emulator.entries(site).keys()].sort()).toEqual(before);
  });

  it('a request that times out is retryable too, and the retry succeeds', async () => {
    app.emulator.injectFault({ kind: 'timeout', pathPrefix: path });
    const identity = as(SAMPLE_ACCOUNTS.siteAdmin, site);
    const first = await app.raw('acknowledge', PAYLOADS.acknowledge, identity);
    expect(first).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'ADMIN_CHECK_UNAVAILABLE', retryable: true }),
    });
    const retry = await app.raw('acknowledge', PAYLOADS.acknowledge, identity);
    expect(retry.ok).toBe(true);
  });
});

it('a prompt answer still works, and a non-admin is still refused', async () => {
  await app.ok('acknowledge', PAYLOADS.acknowledge, admin);
  const refused = await app.raw('listAcknowledgments', {}, as(SAMPLE_ACCOUNTS.member));
  expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN', retryable: false }) });
});
