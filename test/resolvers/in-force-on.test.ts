import { SAMPLE_ACCOUNTS, admin, member, secondAdmin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

/**
 * Versions (test/support/statements.ts): v1 in force from 2026-01-01, v2 (material) from 2026-02-01,
 * v3 (editorial) from 2026-03-01. Ada acknowledges v1 on 2026-01-20; Grace acknowledges v2 on 2026-02-10.
 */
let now = new Date('2026-01-20T09:00:00.000Z');
let app: App;
const catalog = sampleCatalog('material', 'editorial');
const versionAt = (index: number) => ({ version: index + 1, hash: catalog.versions[index]!.hash });

beforeAll(async () => {
  app = startApp({ versions: catalog.versions.slice(0, 1) }, { clock: { now: () => now } });
  await app.ok('acknowledge', versionAt(0), admin);
  app.publish({ versions: catalog.versions.slice(0, 2) });
  now = new Date('2026-02-10T15:30:00.000Z');
  await app.ok('acknowledge', versionAt(1), secondAdmin);
  app.publish(catalog);
});
afterAll(() => app.stop());

const inForce = async (date: string) => {
  const data = await app.ok('inForceOn', { date }, admin);
  return {
    version: data.inForce?.version ?? null,
    standing: data.standing,
    who: data.acknowledged.map((a) => [a.version, a.accountId]),
  };
};

describe('in force on a date', () => {
  it.each([
    ['2025-12-31', { version: null, standing: [], who: [] }],
    ['2026-01-01', { version: 1, standing: [1], who: [] }],
    ['2026-01-19', { version: 1, standing: [1], who: [] }],
    ['2026-01-20', { version: 1, standing: [1], who: [[1, SAMPLE_ACCOUNTS.siteAdmin]] }],
    ['2026-01-31', { version: 1, standing: [1], who: [[1, SAMPLE_ACCOUNTS.siteAdmin]] }],
    // A material change: version 1's acknowledgments no longer stand for version 2.
    ['2026-02-01', { version: 2, standing: [2], who: [] }],
    ['2026-02-10', { version: 2, standing: [2], who: [[2, SAMPLE_ACCOUNTS.jiraAdmin]] }],
    // An editorial change: version 2's acknowledgments stand for version 3.
    ['2026-03-01', { version: 3, standing: [2, 3], who: [[2, SAMPLE_ACCOUNTS.jiraAdmin]] }],
  ])('%s', async (date, expected) => {
    expect(await inForce(date)).toEqual(expected);
  });

  it.each([
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '20260201' }, 'date'],
    [{ date: '2026-02-01', version: 2 }, 'version'],
    [{}, 'date'],
  ])('rejects %j naming the field', async (payload, field) => {
    const result = await app.raw('inForceOn', payload, admin);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field }) });
  });

  it('is refused to a non-administrator', async () => {
    const result = await app.call('inForceOn', { date: '2026-02-10' }, member);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });
});
