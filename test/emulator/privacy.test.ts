import { privacy } from '@forge/api';
import { ForgeEmulator, SAMPLE_ACCOUNTS } from '../../dev/emulator';

const JIRA = 'ari:cloud:jira::site/22222222-2222-4222-8222-222222222222';
const accounts = (n: number, prefix = 'acc'): Array<{ accountId: string; updatedAt: string }> =>
  Array.from({ length: n }, (_, i) => ({ accountId: `${prefix}-${i}`, updatedAt: '2026-01-01T00:00:00Z' }));

let emulator: ForgeEmulator;
beforeEach(() => {
  emulator = new ForgeEmulator().install();
});
afterEach(() => emulator.uninstall());

/** Calls the endpoint the way privacy.reportPersonalData does, to see status and headers. */
function rawReport(body: unknown): Promise<Response> {
  const forgeFetch = (
    globalThis as unknown as { __forge_fetch__: (t: object, p: string, i: object) => Promise<Response> }
  ).__forge_fetch__;
  return forgeFetch({ type: 'fpp', provider: 'app', remote: 'stargate' }, '/app/report-accounts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('personal data reporting', () => {
  it('names closed and updated accounts (200) and records the call', async () => {
    emulator.users.markUpdated(SAMPLE_ACCOUNTS.member, new Date('2026-03-01T00:00:00Z'));
    const result = await emulator.run({ installContext: JIRA }, () =>
      privacy.reportPersonalData([
        { accountId: SAMPLE_ACCOUNTS.siteAdmin, updatedAt: '2026-01-01T00:00:00Z' },
        { accountId: SAMPLE_ACCOUNTS.closedAdmin, updatedAt: '2026-01-01T00:00:00Z' },
        { accountId: SAMPLE_ACCOUNTS.member, updatedAt: '2026-01-01T00:00:00Z' },
      ]),
    );
    expect(result).toEqual([
      { accountId: SAMPLE_ACCOUNTS.closedAdmin, status: 'closed' },
      { accountId: SAMPLE_ACCOUNTS.member, status: 'updated' },
    ]);
    expect(emulator.privacyReporting.calls).toHaveLength(1);
    expect(emulator.privacyReporting.calls[0]?.accounts.map((a) => a.accountId)).toEqual([
      SAMPLE_ACCOUNTS.siteAdmin,
      SAMPLE_ACCOUNTS.closedAdmin,
      SAMPLE_ACCOUNTS.member,
    ]);
    expect(emulator.counters()['privacy.report']).toBe(1);
  });

  it('answers 204 with a Cycle-Period header when nothing changed, including data fetched after an update', async () => {
    emulator.users.markUpdated(SAMPLE_ACCOUNTS.member, new Date('2026-03-01T00:00:00Z'));
    emulator.privacyReporting.cyclePeriodSeconds = 3600;
    const r = await rawReport({ accounts: [{ accountId: SAMPLE_ACCOUNTS.member, updatedAt: '2026-03-02T00:00:00Z' }] });
    expect(r.status).toBe(204);
    expect(r.headers.get('Cycle-Period')).toBe('3600');
    expect(
      await privacy.reportPersonalData([{ accountId: SAMPLE_ACCOUNTS.siteAdmin, updatedAt: '2026-01-01T00:00:00Z' }]),
    ).toEqual([]);
  });

  it('sends the default cycle period of 7 days on 200', async () => {
    const r = await rawReport({
      accounts: [{ accountId: SAMPLE_ACCOUNTS.closedAdmin, updatedAt: '2026-01-01T00:00:00Z' }],
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('Cycle-Period')).toBe('604800');
  });

  it('rate-limits the next n calls with 429 and Retry-After, then recovers', async () => {
    emulator.privacyReporting.rateLimitNext(2, 30);
    for (let i = 0; i < 2; i++) {
      const rejected: unknown = await privacy.reportPersonalData(accounts(1)).then(
        () => undefined,
        (resp: unknown) => resp,
      );
      expect(rejected).toBeInstanceOf(Response);
      expect((rejected as Response).status).toBe(429);
      expect((rejected as Response).headers.get('Retry-After')).toBe('30');
    }
    await expect(privacy.reportPersonalData(accounts(1))).resolves.toEqual([]);
    expect(emulator.privacyReporting.calls.map((c) => c.status)).toEqual([429, 429, 204]);
  });

  it('rejects more than 90 accounts in one request with 400; the client splits larger lists itself', async () => {
    expect((await rawReport({ accounts: accounts(91) })).status).toBe(400);
    expect((await rawReport({ accounts: accounts(90) })).status).toBe(204);
    expect((await rawReport({ accounts: [] })).status).toBe(400);
    expect((await rawReport({ accounts: [{ accountId: 'x' }] })).status).toBe(400);
    await expect(privacy.reportPersonalData(accounts(181))).resolves.toEqual([]);
    expect(emulator.privacyReporting.calls.slice(-3).map((c) => c.accounts.length)).toEqual([90, 90, 1]);
  });
});
