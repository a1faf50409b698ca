import { addAdmins, admin, as, member, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

let app: App;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.stop());

const v1 = () => ({ version: 1, hash: sampleCatalog().versions[0]!.hash });

describe('listAcknowledgments', () => {
  it('pages newest first with a cursor, each row once', async () => {
    const admins = addAdmins(app, 7);
    for (const id of admins) await app.ok('acknowledge', v1(), as(id));
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.ok('listAcknowledgments', { limit: 3, ...(cursor ? { cursor } : {}) }, admin);
      seen.push(...page.rows.map((r) => r.seq));
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const first = await app.ok('listAcknowledgments', { limit: 1 }, admin);
    expect(first.rows[0]).toEqual(
      expect.objectContaining({ seq: 7, accountId: admins[6], version: 1, product: 'jira' }),
    );
  });

  it('costs two storage queries of at most 20 keys per page of 25, whatever the total', async () => {
    for (const id of addAdmins(app, 30)) await app.ok('acknowledge', v1(), as(id));
    app.emulator.resetCounters();
    const page = await app.ok('listAcknowledgments', { limit: 25 }, admin);
    expect(page.rows).toHaveLength(25);
    const kvs = Object.entries(app.emulator.counters()).filter(([k, n]) => k.startsWith('kvs.') && n > 0);
    // Two pages of the chain (20 + 5), nothing else.
    expect(Object.fromEntries(kvs)).toEqual({ 'kvs.query': 2 });
    const next = await app.ok('listAcknowledgments', { limit: 25, cursor: page.cursor! }, admin);
    expect(next.rows.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it('is empty before anyone acknowledged', async () => {
    expect(await app.ok('listAcknowledgments', {}, admin)).toEqual({ rows: [] });
  });

  it('is refused to a non-administrator', async () => {
    await app.ok('acknowledge', v1(), admin);
    const result = await app.call('listAcknowledgments', {}, member);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ cursor: '' }, 'cursor'],
    [{ cursor: 5 }, 'cursor'],
    [{ cursor: 'not-a-cursor-we-gave-out' }, 'cursor'],
    [{ page: 2 }, 'page'],
  ])('rejects %j naming the field', async (payload, field) => {
    const result = await app.raw('listAcknowledgments', payload, admin);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field }) });
    expect(!result.ok && result.error.message.startsWith(`${field}:`)).toBe(true);
  });
});
