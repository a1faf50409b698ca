/** A draft statement (`privacy-panel build --draft`, the preview) can be read, never acknowledged. */
import { sampleCatalog } from '../support/statements';
import { admin, startApp, type App } from '../support/app';

let app: App;
beforeEach(() => {
  app = startApp({ ...sampleCatalog(), draft: true });
});
afterEach(() => app.stop());

test('the page gets the draft marked as one, and no admin may acknowledge it', async () => {
  const disclosure = await app.ok('getDisclosure', {}, admin);
  expect(disclosure.statement.draft).toBe(true);
  expect(disclosure.viewer).toEqual(expect.objectContaining({ isAdmin: true, canAcknowledge: false }));
});

test('acknowledging a draft is refused with DRAFT_STATEMENT, and nothing is written', async () => {
  const { version, hash } = (await app.ok('getDisclosure', {}, admin)).statement;
  const result = await app.call('acknowledge', { version, hash }, admin);
  expect(result).toEqual({
    ok: false,
    error: expect.objectContaining({ code: 'DRAFT_STATEMENT', field: 'version', retryable: false }),
  });
  expect(app.keys().filter((k) => k.startsWith('pp:ack:') || k.startsWith('pp:rcpt:'))).toEqual([]);
});

test('the same catalog published (no draft mark) is acknowledged as before', async () => {
  app.publish(sampleCatalog());
  const { version, hash } = (await app.ok('getDisclosure', {}, admin)).statement;
  expect((await app.ok('acknowledge', { version, hash }, admin)).created).toBe(true);
});
