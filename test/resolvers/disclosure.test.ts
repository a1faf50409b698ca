import { compiled, sampleCatalog, sampleSource } from '../support/statements';
import { SAMPLE_ACCOUNTS, addAdmins, admin, as, member, secondAdmin, startApp, type App } from '../support/app';

let app: App;
beforeEach(() => {
  app = startApp(sampleCatalog());
});
afterEach(() => app.stop());

const v1 = () => {
  const s = sampleCatalog().versions[0]!;
  return { version: 1, hash: s.hash };
};

const storageCalls = (counters: Record<string, number>) =>
  Object.entries(counters)
    .filter(([kind]) => kind.startsWith('kvs.'))
    .reduce((sum, [, n]) => sum + n, 0);

describe('getDisclosure', () => {
  it('gives the first paint everything in one call and one storage read', async () => {
    const data = await app.ok('getDisclosure', undefined, admin);
    expect(storageCalls(app.emulator.counters())).toBe(1);
    expect(data.product).toBe('jira');
    expect(data.statement).toEqual(
      expect.objectContaining({ version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    expect(data.statement.sections[0]!.blocks.length).toBeGreaterThan(0);
    expect(data.statement.facts.app.name).toBe('Sample App');
    expect(data.versions.map((v) => v.version)).toEqual([1]);
    expect(data.status).toEqual({ state: 'never' });
    expect(data.viewer).toEqual({ isAdmin: true, canAcknowledge: true, acknowledgedCurrent: null });
  });

  it('answers with the statement and an unavailable status while storage refuses the read', async () => {
    await app.ok('acknowledge', v1(), admin);
    for (const kind of ['rate-limit', 'server-error', 'timeout'] as const) {
      app.emulator.injectFault({ kind, afterCalls: 0 });
      const data = await app.ok('getDisclosure', undefined, member);
      app.emulator.clearFaults();
      expect(data.statement.version).toBe(1);
      expect(data.status).toEqual({ state: 'unavailable', retryAfterSeconds: expect.any(Number) });
      expect(data.viewer).toEqual({ isAdmin: false, canAcknowledge: false, acknowledgedCurrent: null });
    }
    app.emulator.injectFault({ kind: 'rate-limit', afterCalls: 0 });
    const seenByAdmin = await app.ok('getDisclosure', undefined, secondAdmin);
    app.emulator.clearFaults();
    // An admin who may not have acknowledged is not offered the button on a status nobody could read.
    expect(seenByAdmin.viewer).toEqual({ isAdmin: true, canAcknowledge: false, acknowledgedCurrent: null });
    const after = await app.ok('getDisclosure', undefined, member);
    expect(after.status.state).toBe('acknowledged');
  });

  it('shows who acknowledged first, and the second admin may add their own', async () => {
    await app.ok('acknowledge', v1(), admin);
    const seen = await app.ok('getDisclosure', undefined, secondAdmin);
    expect(seen.status).toEqual(
      expect.objectContaining({
        state: 'acknowledged',
        first: expect.objectContaining({ accountId: SAMPLE_ACCOUNTS.siteAdmin, version: 1 }),
      }),
    );
    expect(seen.viewer.canAcknowledge).toBe(true);
    await app.ok('acknowledge', v1(), secondAdmin);
    const after = await app.ok('getDisclosure', undefined, secondAdmin);
    expect(after.viewer.canAcknowledge).toBe(false);
    expect(after.viewer.acknowledgedCurrent).toEqual(expect.objectContaining({ accountId: SAMPLE_ACCOUNTS.jiraAdmin }));
    if (after.status.state !== 'acknowledged') throw new Error('expected acknowledged');
    expect(after.status.first.accountId).toBe(SAMPLE_ACCOUNTS.siteAdmin);
  });

  it('asks again after a material change, and not after an editorial one', async () => {
    await app.ok('acknowledge', v1(), admin);
    app.publish({ versions: [sampleSource(1), sampleSource(2, 'editorial')].map(compiled) });
    const editorial = await app.ok('getDisclosure', undefined, admin);
    expect(editorial.status).toEqual(expect.objectContaining({ state: 'acknowledged', standsFor: [2] }));
    app.publish({
      versions: [sampleSource(1), sampleSource(2, 'editorial'), sampleSource(3, 'material')].map(compiled),
    });
    const material = await app.ok('getDisclosure', undefined, admin);
    expect(material.status.state).toBe('outdated');
    if (material.status.state !== 'outdated') return;
    expect(material.status.last).toEqual(expect.objectContaining({ version: 1, accountId: SAMPLE_ACCOUNTS.siteAdmin }));
    expect(material.status.changedSince.map((v) => v.change?.materiality)).toEqual(['editorial', 'material']);
    expect(material.viewer.canAcknowledge).toBe(true);
  });

  it('finds an acknowledgment older than the 24 newest versions with a second read', async () => {
    const sources = [sampleSource(1), ...Array.from({ length: 29 }, (_, i) => sampleSource(i + 2, 'material'))];
    app.publish({ versions: [sources[0]!].map(compiled) });
    await app.ok('acknowledge', v1(), admin);
    app.publish({ versions: sources.map(compiled) });
    app.emulator.resetCounters();
    const data = await app.ok('getDisclosure', undefined, admin);
    expect(storageCalls(app.emulator.counters())).toBe(2);
    expect(data.status).toEqual(
      expect.objectContaining({ state: 'outdated', last: expect.objectContaining({ version: 1 }) }),
    );
  });

  it('gives a non-administrator the statement and status, but no account IDs and no button', async () => {
    addAdmins(app, 1);
    await app.ok('acknowledge', v1(), admin);
    const data = await app.ok('getDisclosure', undefined, member);
    expect(data.viewer).toEqual({ isAdmin: false, canAcknowledge: false, acknowledgedCurrent: null });
    expect(data.status.state).toBe('acknowledged');
    expect(JSON.stringify(data)).not.toContain(SAMPLE_ACCOUNTS.siteAdmin);
  });

  it('rejects any payload field', async () => {
    const result = await app.raw('getDisclosure', { accountId: 'x' }, admin);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'accountId' }),
    });
  });

  it('refuses a caller without an account (anonymous)', async () => {
    const result = await app.raw('getDisclosure', {}, as('unidentified'));
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });
});
