/**
 * The format seed (src/page-formats.ts): the translator with getDisclosure's seed writes every value exactly
 * as the translator without one, in locales whose digits, lists and dates differ, and makes no Intl
 * formatter for what the seed names.
 */
import { seedFormats, type FirstScreenValues } from '../../src/page-formats';
import { createTranslator, type Translator } from '../../static/admin/src/i18n/translator';
import en from '../../static/admin/src/i18n/messages/en';
import * as de from '../../static/admin/src/i18n/messages/de';
import * as pseudo from '../../static/admin/src/i18n/messages/en-XA';
import type { CatalogModule } from '../../static/admin/src/i18n/catalog';

const NOW = new Date('2026-12-03T22:30:00Z');
const VALUES: FirstScreenValues = {
  calendarDates: ['2026-03-01', '2025-12-31'],
  instantDates: ['2026-12-01T23:30:00.000Z', '2026-11-02T08:00:00.000Z'],
  relativeDays: ['2026-12-01T23:30:00.000Z', '2026-12-03T21:59:00.000Z'],
  languages: ['de-DE', 'en', 'pt_BR'],
};
const WHERE = [
  { locale: 'en-GB', timeZone: 'Europe/London' },
  { locale: 'en-US', timeZone: 'America/New_York' },
  { locale: 'de-DE', timeZone: 'Europe/Berlin' },
  { locale: 'de-CH', timeZone: 'Asia/Kolkata' },
  { locale: 'es-ES', timeZone: 'Europe/Madrid' },
  { locale: 'he-IL', timeZone: 'Asia/Jerusalem' },
  { locale: 'ar-EG', timeZone: 'Africa/Cairo' },
  { locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
  { locale: 'hi-IN', timeZone: 'Asia/Calcutta' },
];
const LISTS = [
  [],
  ['Jira'],
  ['Jira', 'Confluence'],
  ['Jira', 'idiomas', 'hora'],
  ['a', 'o', 'ocho', '11', 'i'],
  ['Jira', 'Confluence', 'Bitbucket', 'Compass', 'Loom', 'אבג'],
];

/** Every output of a translator that the seed may answer, for the seed's values, numbers and lists. */
function outputs(t: Translator): unknown {
  return {
    zone: t.timeZone,
    dates: VALUES.calendarDates.map((d) => t.calendarDate(d)),
    instants: VALUES.instantDates.map((i) => t.instantDate(i)),
    relative: VALUES.relativeDays.map((i) => t.relativeDays(i, NOW)),
    languages: VALUES.languages.map((l) => t.languageName(l)),
    numbers: [0, 1, 7, 42, 999, 1000, 12_345, -3, 2.5].map((n) => t.number(n)),
    lists: LISTS.map((items) => t.list(items)),
    message: t.t('header.effective', { date: t.calendarDate('2026-03-01') }),
  };
}

/** Counts the Intl formatters made while `run` runs (PluralRules and Locale are cheap and not counted). */
function formattersMadeBy(run: () => void): number {
  const names = ['DateTimeFormat', 'NumberFormat', 'ListFormat', 'RelativeTimeFormat', 'DisplayNames'] as const;
  const saved = names.map((name) => Intl[name]);
  let made = 0;
  for (const name of names) {
    const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
    Object.defineProperty(Intl, name, {
      configurable: true,
      writable: true,
      value: new Proxy(Original, {
        construct(target, args: unknown[]) {
          made += 1;
          return new target(...args);
        },
      }),
    });
  }
  try {
    run();
  } finally {
    names.forEach((name, i) =>
      Object.defineProperty(Intl, name, { configurable: true, writable: true, value: saved[i] }),
    );
  }
  return made;
}

describe('the format seed', () => {
  const modules: [string, CatalogModule][] = [
    ['en', { messages: en }],
    ['de', de],
  ];
  for (const where of WHERE) {
    for (const [name, module] of modules) {
      it(`writes what Intl writes: ${where.locale} in ${where.timeZone}, ${name} catalog`, () => {
        const seed = seedFormats(where, VALUES, NOW);
        expect(outputs(createTranslator(module, where, seed))).toEqual(outputs(createTranslator(module, where)));
      });
    }
  }

  it('names the zone as Intl does, and the day its relative phrases hold for', () => {
    const seed = seedFormats({ locale: 'de-DE', timeZone: 'Europe/Berlin' }, VALUES, NOW);
    // 22:30 UTC is 23:30 in Berlin on 3 December: the day runs from 23:00 UTC on the 2nd to 23:00 UTC on the 3rd.
    expect(seed.relative).toMatchObject({ from: '2026-12-02T23:00:00.000Z', until: '2026-12-03T23:00:00.000Z' });
    // 23:30 UTC on 1 December was 00:30 on the 2nd in Berlin: yesterday.
    expect(seed.relative.values['2026-12-01T23:30:00.000Z']).toBe('gestern');
    expect(seed.zone).toBe('Europe/Berlin');
  });

  it('gives a list pattern only where one pattern writes every list, and plain digits only for ASCII digits', () => {
    const of = (locale: string, timeZone = 'UTC') => seedFormats({ locale, timeZone }, VALUES, NOW);
    expect(of('en-US').list).toEqual({ pair: ['', ' and ', ''], long: ['', ', ', ', ', ', and ', ''] });
    expect(of('de-DE').list).toEqual({ pair: ['', ' und ', ''], long: ['', ', ', ', ', ' und ', ''] });
    // Spanish writes "y" as "e" before an i sound, Hebrew joins its vav to the next word: Intl writes those.
    expect(of('es-ES').list).toBeNull();
    expect(of('he-IL').list).toBeNull();
    expect(of('en-GB').plainDigits).toBe(true);
    expect(of('ar-EG').plainDigits).toBe(false);
  });

  it('makes no Intl formatter for the values it names, and only then for others', () => {
    const where = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
    const seed = seedFormats(where, VALUES, NOW);
    let translator: Translator | undefined;
    const first = formattersMadeBy(() => {
      translator = createTranslator(de, where, seed);
      translator.calendarDate('2026-03-01');
      translator.instantDate(VALUES.instantDates[0]!);
      translator.relativeDays(VALUES.relativeDays[0]!, NOW);
      translator.languageName('de-DE');
      translator.list(['Jira', 'Confluence', 'Loom']);
      translator.t('status.own', { version: 3, date: 'x', relative: 'y' });
    });
    expect(first).toBe(0);
    // A day the seed does not name, a number past 999, a relative day on another day: Intl, made once each.
    const later = formattersMadeBy(() => {
      translator!.calendarDate('2027-01-01');
      translator!.number(12_345);
      translator!.relativeDays(VALUES.relativeDays[0]!, new Date('2026-12-04T12:00:00Z'));
    });
    expect(later).toBeGreaterThanOrEqual(3);
    expect(translator!.relativeDays(VALUES.relativeDays[0]!, new Date('2026-12-04T12:00:00Z'))).toBe('vorgestern');
  });

  it('is ignored when it was formatted for another locale or zone', () => {
    const seed = seedFormats({ locale: 'de-DE', timeZone: 'Europe/Berlin' }, VALUES, NOW);
    const forged = { ...seed, values: { ...seed.values, 'calendarDate 2026-03-01': 'forged' } };
    const where = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
    expect(createTranslator({ messages: en }, where, forged).calendarDate('2026-03-01')).toBe('1 March 2026');
    const elsewhere = { locale: 'de-DE', timeZone: 'Asia/Tokyo' };
    expect(createTranslator(de, elsewhere, forged).calendarDate('2026-03-01')).toBe('1. März 2026');
  });

  it('the pseudo-locale formats as English and accents what the seed gives too', () => {
    const where = { locale: 'en-XA', timeZone: 'UTC' };
    const seed = seedFormats({ locale: pseudo.formatLocale, timeZone: 'UTC' }, VALUES, NOW);
    expect(outputs(createTranslator(pseudo, where, seed))).toEqual(outputs(createTranslator(pseudo, where)));
  });

  it('refuses a time zone Intl does not know', () => {
    expect(() => seedFormats({ locale: 'en-GB', timeZone: 'Mars/Olympus' }, VALUES, NOW)).toThrow(RangeError);
  });
});
