import { KEY_FAMILIES } from '../../src/domain/storage/inventory';
/** The statement in the viewer's language through the real resolvers, and receipts that say which text was read. */
import { bundledCatalog } from '../../dev/harness/bundled-catalog';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { collectExport } from '../../static/admin/src/export/collect';
import type { ExportBundle } from '../../toolkit/export/format';
import { verifyExport } from '../../toolkit/export/verify';
import { invokeAs } from '../export/helpers';
import { JIRA_SITE, admin, startApp, type App } from '../support/app';

let app: App;
beforeEach(() => {
  app = startApp(bundledCatalog);
});
afterEach(() => app.stop());

/** The German translation of the version in force (the one of version 1 stays published beside it). */
const german = () => {
  const current = bundledCatalog.versions.at(-1)!.source.version;
  return bundledCatalog.translations!.find(
    (t) => t.source.locale === 'de-DE' && t.source.translates.version === current,
  )!;
};
const receipts = (): StoredReceipt[] =>
  [...app.emulator.entries(JIRA_SITE).entries()]
    .filter(([key]) => key.startsWith(KEY_FAMILIES.receipt.prefix))
    .map(([, value]) => value as StoredReceipt);

describe('getDisclosure in a locale', () => {
  it('serves the translation beside the authoritative source text', async () => {
    const data = await app.ok('getDisclosure', { locale: 'de-DE' }, admin);
    expect(data.translation).toMatchObject({ locale: 'de-DE', hash: german().hash, stale: false, sourceLocale: 'en' });
    expect(data.translation?.statement.sections[0]?.title).toBe('Überblick');
    expect(data.statement.sections[0]?.title).toBe('Overview');
    expect(data.translation?.statement.facts.contact).toEqual(data.statement.facts.contact);
  });

  it('without a locale, or one with no translation, the disclosure is what it always was', async () => {
    await expect(app.ok('getDisclosure', {}, admin)).resolves.not.toHaveProperty('translation');
    await expect(app.ok('getDisclosure', { locale: 'ja-JP' }, admin)).resolves.not.toHaveProperty('translation');
  });

  it('refuses a locale that is not one, naming the field', async () => {
    const result = await app.raw('getDisclosure', { locale: '<script>' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'locale' } });
  });
});

describe('getDisclosure formats the first screen when asked', () => {
  const formats = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

  it('formats the effective dates, the languages and the own acknowledgment in the locale and zone asked', async () => {
    const before = await app.ok('getDisclosure', { locale: 'de-DE', formats }, admin);
    await app.ok(
      'acknowledge',
      {
        version: before.statement.version,
        hash: before.statement.hash,
        shown: { locale: 'de-DE', hash: german().hash },
      },
      admin,
    );
    const data = await app.ok('getDisclosure', { locale: 'de-DE', formats }, admin);
    const seed = data.formats!;
    expect(seed).toMatchObject({
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
      zone: 'Europe/Berlin',
      plainDigits: true,
    });
    const effective = new Date(`${data.statement.effectiveDate}T00:00:00Z`);
    const day = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(effective);
    expect(seed.values[`calendarDate ${data.statement.effectiveDate}`]).toBe(day);
    expect(seed.values['languageName de']).toBe('Deutsch');
    expect(seed.values['languageName en']).toBe('Englisch');
    const own = data.viewer.acknowledgedCurrent!;
    expect(seed.relative.values[own.at]).toBe('heute');
    expect(seed.values[`instantDate ${own.at}`]).toMatch(/\d{4}$/);
    expect(seed.list?.pair).toEqual(['', ' und ', '']);
  });

  it('formats nothing unasked, or for a zone Intl does not know', async () => {
    await expect(app.ok('getDisclosure', { locale: 'de-DE' }, admin)).resolves.not.toHaveProperty('formats');
    const unknown = { locale: 'de-DE', timeZone: 'Mars/Olympus' };
    await expect(app.ok('getDisclosure', { formats: unknown }, admin)).resolves.not.toHaveProperty('formats');
  });

  it('refuses a time zone or format locale that is not one, naming the field', async () => {
    for (const [bad, field] of [
      [{ locale: 'de-DE', timeZone: '../etc' }, 'formats.timeZone'],
      [{ locale: '<b>', timeZone: 'UTC' }, 'formats.locale'],
      [{ locale: 'de-DE' }, 'formats.timeZone'],
    ] as const) {
      const result = await app.raw('getDisclosure', { formats: bad }, admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    }
  });
});

describe('acknowledging a translation', () => {
  it('the receipt records the locale, the translation hash and the source it translates; the export verifies', async () => {
    const { statement, translation } = await app.ok('getDisclosure', { locale: 'de-DE' }, admin);
    await app.ok(
      'acknowledge',
      { version: statement.version, hash: statement.hash, shown: { locale: 'de-DE', hash: translation!.hash } },
      admin,
    );
    const [stored] = receipts();
    expect(stored?.receipt).toMatchObject({
      notice: { version: statement.version, hash: statement.hash },
      shown: { locale: 'de-DE', hash: german().hash, translates: { version: statement.version, hash: statement.hash } },
    });

    const { json } = await collectExport(invokeAs(app, admin));
    expect(verifyExport(json)).toMatchObject({ ok: true });
    // Without the translation it names, the file no longer proves what the admin read.
    const bundle = JSON.parse(json) as ExportBundle;
    delete bundle.translations;
    const report = verifyExport(JSON.stringify(bundle));
    expect(report.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('which the file does not hold')]),
    );
  });

  it('refuses a translation the catalog does not hold, and writes nothing', async () => {
    const { statement } = await app.ok('getDisclosure', {}, admin);
    const result = await app.raw(
      'acknowledge',
      { version: statement.version, hash: statement.hash, shown: { locale: 'de-DE', hash: 'ab'.repeat(32) } },
      admin,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'shown.hash' } });
    expect(receipts()).toEqual([]);
  });
});
