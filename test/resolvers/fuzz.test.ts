import fc from 'fast-check';
import { ERROR_CODES, RESOLVER_NAMES } from '../../src/contract';
import { admin, member, startApp, type App } from '../support/app';

let app: App;
beforeAll(() => {
  app = startApp();
});
afterAll(() => app.stop());

/** Payloads a hostile or broken client could send: anything JSON, plus near-misses of the real shapes. */
const payloads = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, 0, '', [], {}),
  fc.record(
    {
      version: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      hash: fc.oneof(
        fc.string({ unit: fc.constantFrom(...Array.from('0123456789abcdef')), minLength: 60, maxLength: 68 }),
        fc.string(),
        fc.integer(),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { cursor: fc.oneof(fc.string(), fc.integer()), limit: fc.oneof(fc.integer(), fc.double(), fc.string()) },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), fc.jsonValue()),
);

describe.each(RESOLVER_NAMES)('%s under arbitrary payloads', (name) => {
  it('answers with a result or a typed error, never throws, writes nothing on rejection', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, fc.boolean(), async (payload, asAdmin) => {
        const before = app.keys().join('|');
        const result = await app.raw(name, payload, asAdmin ? admin : member);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL'); // bad input is the client's fault, never a crash
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message).not.toMatch(/\n\s+at /);
          expect(app.keys().join('|')).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
