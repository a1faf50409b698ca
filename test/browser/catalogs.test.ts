/** The page's catalogs (node only): German has every English key and no other, with the same placeholders. */
import en from '../../static/admin/src/i18n/messages/en';
import { messages as de } from '../../static/admin/src/i18n/messages/de';
import { messages as pseudo } from '../../static/admin/src/i18n/messages/en-XA';
import type { Message } from '../../static/admin/src/i18n/catalog';
import { pageLocaleFor } from '../../static/admin/src/i18n/locales';
import { createTranslator } from '../../static/admin/src/i18n/translator';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
};

describe('message catalogs', () => {
  it('German has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every German message uses the same placeholders as the English one', () => {
    const differing = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => placeholders(de[key]).join() !== placeholders(en[key]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('no German message carries an English word, beyond product and format names', () => {
    const names = [
      'Privacy Panel',
      'Runs on Atlassian',
      'Forge Hosted Storage',
      'Atlassian',
      'Marketplace',
      'Confluence',
      'Jira',
      'Forge',
      'Connect',
      'Data Center',
      'Server',
      'JSON',
      'CSV',
      'UTC',
    ];
    const english = new Set(
      `the and or of to is are not no yes none stated by for from with on at this that your you
       acknowledge acknowledged acknowledgment receipt receipts loading unknown user closed deleted account
       details host hosted issue tracker desk support opt out only admins can read scopes runs
       eligible verified contradicted kept stored covered`.split(/\s+/),
    );
    const found = (Object.keys(de) as (keyof typeof de)[]).flatMap((key) => {
      const message = de[key];
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      return texts.flatMap((text) => {
        let rest = text.replace(/\{\w+\}/g, ' ');
        for (const name of names) rest = rest.split(name).join(' ');
        return [...rest.matchAll(/\p{L}+/gu)]
          .map((m) => m[0])
          .filter((word) => english.has(word.toLowerCase()))
          .map((word) => `${key}: ${word}`);
      });
    });
    expect(found).toEqual([]);
  });

  it('the German words a native reader expects: acknowledging having read, objection vs opt-out, contradiction', () => {
    expect(de['ack.button']).toBe('Kenntnisnahme von Version {version} bestätigen');
    expect(de['right.objection']).toMatch(/^Widerspruch/);
    expect(de['right.opt-out']).toBe('Abmelden');
    expect(de['right.opt-out']).not.toMatch(/Widerspr/);
    expect(de['verdict.contradicted']).toBe('Widerspricht dem Nachweis');
    expect(de['facts.keptFor']).toBe('Aufbewahrungsdauer');
    expect(de['label.runsYes']).toBe('Voraussetzungen erfüllt');
    expect(
      Object.values(de).filter(
        (m) => typeof m === 'string' && /^(Widerlegt|Erfüllt|Aufbewahrt|Erfasste Apps)$/.test(m),
      ),
    ).toEqual([]);
  });

  it('the pseudo-locale accents every letter outside placeholders and makes messages about 40% longer', () => {
    const text = pseudo['ack.button'];
    expect(text).toMatch(/\{version\}/);
    expect(typeof text === 'string' && text.replace('{version}', '')).not.toMatch(/[A-Za-z]/);
    const loading = pseudo['page.loading'];
    const ratio = (typeof loading === 'string' ? loading.length : 0) / en['page.loading'].length;
    expect(ratio).toBeGreaterThan(1.3);
  });

  it('plural rules and numbers follow the locale', () => {
    const english = createTranslator({ messages: en }, { locale: 'en-GB', timeZone: 'UTC' });
    const german = createTranslator({ messages: de }, { locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(english.t('export.fetched', { count: 1 })).toBe('Fetched 1 receipt…');
    expect(english.t('export.fetched', { count: 1200 })).toBe('Fetched 1,200 receipts…');
    expect(german.t('export.fetched', { count: 1200 })).toBe('1.200 Belege abgerufen…');
    expect(german.t('facts.deletedAfter', { count: 1 })).toBe('(gelöscht nach 1 Tag)');
  });

  it('dates in the user time zone and language; relative days', () => {
    const german = createTranslator({ messages: de }, { locale: 'de-DE', timeZone: 'Asia/Tokyo' });
    // 23:30 UTC on 1 May is already 2 May in Tokyo.
    expect(german.instantDate('2026-05-01T23:30:00.000Z')).toBe('2. Mai 2026');
    expect(german.calendarDate('2026-11-23')).toBe('23. November 2026');
    expect(german.relativeDays('2026-05-01T10:00:00.000Z', new Date('2026-05-02T10:00:00.000Z'))).toBe('gestern');
    expect(german.languageName('en')).toBe('Englisch');
  });

  it('a locale picks its catalog: German for any German, the pseudo-locale, English for the rest', () => {
    expect(pageLocaleFor('de-AT')).toBe('de');
    expect(pageLocaleFor('de_DE')).toBe('de');
    expect(pageLocaleFor('en-XA')).toBe('en-XA');
    expect(pageLocaleFor('ja-JP')).toBe('en');
  });
});
