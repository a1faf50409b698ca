/** The history's event rows in words (node only: no browser needed). */
import type { HistoryRow } from '../../src/contract';
import { describeEvent as describeIn } from '../../static/admin/src/components/history-text';
import en from '../../static/admin/src/i18n/messages/en';
import { messages as de } from '../../static/admin/src/i18n/messages/de';
import { createTranslator } from '../../static/admin/src/i18n/translator';

const english = createTranslator({ messages: en }, { locale: 'en-GB', timeZone: 'UTC' });
const german = createTranslator({ messages: de }, { locale: 'de-DE', timeZone: 'Europe/Berlin' });
const describeEvent = (row: HistoryRow) => describeIn(row, english);

const row = (patch: Partial<HistoryRow>): HistoryRow => ({
  seq: 4,
  kind: 'app-installed',
  receiptId: 'r4',
  version: 2,
  accountId: null,
  at: '2026-05-01T10:00:00.000Z',
  product: 'jira',
  ...patch,
});

describe('describeEvent', () => {
  it('names the app version and the statement version in force, when the row carries them', () => {
    expect(describeEvent(row({ kind: 'app-installed', appVersion: '2.1.0' }))).toBe(
      'App installed (version 2.1.0 of the app) — statement version 2 in force',
    );
    expect(describeEvent(row({ kind: 'app-upgraded', appVersion: '3.0.0', version: 5 }))).toBe(
      'App upgraded (version 3.0.0 of the app) — statement version 5 in force',
    );
    expect(describeEvent(row({ kind: 'account-erased', erasedSeqs: [1, 3] }))).toBe(
      'Account data erased (receipts #1 and #3) — statement version 2 in force',
    );
  });

  it('still reads well without the details', () => {
    expect(describeEvent(row({ kind: 'app-installed' }))).toBe('App installed — statement version 2 in force');
    expect(describeEvent(row({ kind: 'account-erased', erasedSeqs: [] }))).toBe(
      'Account data erased (a closed account) — statement version 2 in force',
    );
    expect(describeEvent(row({ kind: 'acknowledgment', version: 3 }))).toBe('Acknowledged statement version 3');
  });
});

describe('in German', () => {
  it('says the same in the German catalog, lists in German', () => {
    expect(describeIn(row({ kind: 'account-erased', erasedSeqs: [1, 3] }), german)).toBe(
      'Kontodaten gelöscht (Belege Nr. 1 und Nr. 3) — Version 2 der Erklärung in Kraft',
    );
    expect(describeIn(row({ kind: 'acknowledgment', version: 3 }), german)).toBe(
      'Kenntnisnahme von Version 3 der Erklärung bestätigt',
    );
  });
});

describe('times name their zone', () => {
  const at = '2026-05-01T10:00:00.000Z';

  it('an instant in the user’s zone carries the zone’s name, in both languages', () => {
    const london = createTranslator({ messages: en }, { locale: 'en-GB', timeZone: 'Europe/London' });
    expect(london.instant(at)).toBe('1 May 2026, 11:00 BST');
    expect(german.instant(at)).toBe('1. Mai 2026, 12:00 MESZ');
    expect(english.instant(at)).toBe('1 May 2026, 10:00 UTC');
  });

  it('beside a UTC day ("in force on") the time is in UTC and says so, whatever the user’s zone', () => {
    expect(german.instantUtc(at)).toBe('1. Mai 2026, 10:00 UTC');
    expect(createTranslator({ messages: en }, { locale: 'en-US', timeZone: 'America/New_York' }).instantUtc(at)).toBe(
      'May 1, 2026, 10:00 AM UTC',
    );
  });
});
