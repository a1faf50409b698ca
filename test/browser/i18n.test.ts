/// <reference lib="dom" />
/**
 * The page in the admin's language, end to end: a German admin reads the German page and statement and
 * acknowledges; the receipt names the translation shown and the export verifies; a stale translation is
 * shown only under a notice pointing to the authoritative text. And the pseudo-locale: every state of the
 * page rendered in en-XA shows no word that bypassed the catalog.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import type { ExportBundle } from '../../toolkit/export/format';
import { verifyExport } from '../../toolkit/export/verify';
import { acknowledgeAs, openApp, screenshot, startBrowserSession, untranslated, type BrowserSession } from './harness';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
});

afterAll(async () => {
  await session?.stop();
});

beforeEach(async () => {
  session.reset({ locale: 'de-DE' });
  page = await session.newPage();
});

afterEach(async () => {
  await page.close();
  session.preview.state.update({ locale: 'en-GB' });
});

const state = () => session.preview.state;
const status = () => page.locator('#status');

/** The German translation of the version in force (v2; the one of v1 stays published beside it). */
function germanTranslation() {
  const current = state().catalog.versions.at(-1)?.source.version;
  // The catalog lists a version's revisions in order, the current one (the one the page shows) last.
  const translation = state()
    .catalog.translations?.filter((t) => t.source.locale === 'de-DE' && t.source.translates.version === current)
    .pop();
  if (!translation) throw new Error(`the catalog has no German translation of version ${current}`);
  return translation;
}

async function exportJson(label: string): Promise<ExportBundle & { text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const text = readFileSync(await session.save(file), 'utf8');
  return { ...(JSON.parse(text) as ExportBundle), text };
}

test('a German admin reads the German page and statement, acknowledges, and the receipt names de-DE and the translation', async () => {
  const translation = germanTranslation();
  await openApp(page, session.preview);
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de-DE');
  await status().getByText('Kenntnisnahme noch nicht bestätigt').waitFor();
  await page.getByRole('heading', { name: 'Datenschutz auf einen Blick' }).waitFor();
  await page.getByRole('heading', { name: 'Ihre Rechte' }).waitFor();
  const article = page.locator('article.statement');
  await expect(article.getAttribute('lang')).resolves.toBe('de-DE');
  await article.getByRole('heading', { name: 'Überblick' }).waitFor();
  await expect(page.locator('.translation-notice').getAttribute('data-shown')).resolves.toBe('translation');
  await expect(page.locator('.translation-notice').textContent()).resolves.toContain(
    'Maßgeblich ist das Original (Englisch)',
  );
  await screenshot(page, 'german');

  const version = translation.source.translates.version;
  await page.getByRole('button', { name: `Kenntnisnahme von Version ${version} bestätigen` }).click();
  await status().getByText('Kenntnisnahme bestätigt von Ada Admin').waitFor();
  await page.locator('.history-table .read-in', { hasText: '(gelesen auf Deutsch)' }).waitFor();

  const bundle = await exportJson('JSON herunterladen');
  const ack = bundle.receipts.find((r) => r.receipt.kind === 'acknowledgment')?.receipt;
  expect(ack).toMatchObject({
    notice: { version, hash: translation.source.translates.hash },
    shown: { locale: 'de-DE', hash: translation.hash, translates: translation.source.translates },
  });
  expect(bundle.translations?.map((t) => t.hash)).toEqual([translation.hash]);
  expect(verifyExport(bundle.text)).toMatchObject({ ok: true, problems: [] });

  // The same file with the translation's text altered no longer verifies.
  const edited = JSON.parse(bundle.text) as ExportBundle;
  const first = edited.translations?.[0]?.source.sections[0];
  if (!first) throw new Error('no translated section in the export');
  first.markdown = `${first.markdown} (edited)`;
  expect(verifyExport(JSON.stringify(edited)).problems.map((p) => p.where)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^translations\[0\]/)]),
  );
});

test('a stale German translation is shown under a notice; the receipts record which text each admin read', async () => {
  // The German translation of the version in force, then a newer version without one: the translation is stale.
  const translation = germanTranslation();
  const translated = translation.source.translates.version;
  const version = state().publishNextVersion();
  const current = state().catalog.versions[version - 1];
  if (!current) throw new Error('no new version');
  await openApp(page, session.preview);
  const notice = page.locator('.translation-notice');
  await expect(notice.getAttribute('data-shown')).resolves.toBe('stale-translation');
  await expect(notice.textContent()).resolves.toContain(`In Kraft ist Version ${version}`);
  await expect(notice.textContent()).resolves.toContain('maßgeblich ist ihr Text auf Englisch');
  await expect(page.locator('article.statement').getAttribute('data-version')).resolves.toBe(String(translated));

  // Ada acknowledges having read the German text of the older version.
  await page.getByRole('button', { name: `Kenntnisnahme von Version ${version} bestätigen` }).click();
  await status().getByText('Kenntnisnahme bestätigt von Ada Admin').waitFor();

  // Grace follows the link to the authoritative English text, then acknowledges.
  state().update({ accountId: PREVIEW_ACCOUNTS.grace });
  await openApp(page, session.preview);
  await page.getByRole('link', { name: 'Den maßgeblichen Text lesen (Englisch)' }).click();
  await expect(notice.getAttribute('data-shown')).resolves.toBe('original');
  await expect(page.locator('article.statement').getAttribute('data-version')).resolves.toBe(String(version));
  await page.getByRole('button', { name: `Kenntnisnahme von Version ${version} bestätigen` }).click();
  await status()
    .getByText(/Sie haben die Kenntnisnahme von Version \d+ am/)
    .waitFor();

  const bundle = await exportJson('JSON herunterladen');
  const acks = bundle.receipts.filter((r) => r.receipt.kind === 'acknowledgment').map((r) => r.receipt);
  expect(acks).toHaveLength(2);
  expect(acks[0]).toMatchObject({
    notice: { version, hash: current.hash },
    shown: { locale: 'de-DE', hash: translation.hash, translates: { version: translated } },
  });
  expect(acks[1]).toMatchObject({ notice: { version, hash: current.hash } });
  expect(acks[1]).not.toHaveProperty('shown');
  // The statements every receipt names: the version acknowledged, and the one the translation read translates.
  expect(bundle.statements.map((s) => s.source.version)).toEqual([translated, version]);
  expect(verifyExport(bundle.text)).toMatchObject({ ok: true, problems: [] });
});

test('without a translation for the locale the page speaks its catalog and shows the source text', async () => {
  state().update({ locale: 'en-US' });
  await openApp(page, session.preview);
  await status().getByText('Not acknowledged yet').waitFor();
  await expect(page.locator('.translation-notice').count()).resolves.toBe(0);
  await expect(page.locator('article.statement').getAttribute('lang')).resolves.toBeNull();
});

test('pseudo-locale: no state of the page shows a word that is not in the catalog', async () => {
  state().update({ locale: 'en-XA' });
  const seen: Record<string, string[]> = {};
  const check = async (name: string) => {
    seen[name] = await untranslated(page);
  };

  // The page itself failing to load after its own retries, with the Retry button (the administrator check
  // timing out: a storage refusal no longer fails the load, it answers the statement with the status
  // unavailable).
  state().emulator.injectFault({ kind: 'timeout', times: 1_000, pathPrefix: '/rest/api/3/mypermissions' });
  await page.goto(session.preview.appUrl);
  await page.locator('.inline-error button').waitFor();
  await check('load failed');
  state().emulator.clearFaults();
  await page.locator('.inline-error button').click();
  await page.locator('#status').waitFor();
  await page
    .locator('.history-table, .history-table ~ *, section[aria-labelledby="history-title"] p')
    .first()
    .waitFor();
  await check('never acknowledged');

  await page.locator('#acknowledge').click();
  await page.locator('.own-ack').waitFor();
  await page.locator('.history-table').waitFor();
  await check('acknowledged, history');

  // In force on a day before any version, then today.
  await page.locator('#in-force-date').fill('2000-01-01');
  await page.locator('.in-force button[type="submit"]').click();
  await page.locator('.in-force-result p').waitFor();
  await check('in force: none');
  await page.locator('#in-force-date').fill(new Date().toISOString().slice(0, 10));
  await page.locator('.in-force button[type="submit"]').click();
  await page.locator('.in-force-answer').waitFor();
  await check('in force: answer');

  // Export: done, then failed.
  await Promise.all([page.waitForEvent('download'), page.locator('.button-row button').first().click()]);
  await page.locator('.export-done').waitFor();
  await check('export done');
  state().emulator.injectFault({ kind: 'server-error', times: 1, pathPrefix: '/api/v1/query' });
  await page.locator('.button-row button').nth(1).click();
  await page.locator('#export .inline-error').waitFor();
  await check('export failed');

  // A new version: outdated, what changed, compare (and its refusal), editorial notes.
  const newest = state().publishNextVersion();
  await openApp(page, session.preview);
  await page.locator('.changed-since .diff').waitFor();
  await check('outdated, what changed');
  await page.locator('#diff-from').selectOption(String(newest));
  await page.locator('.compare button[type="submit"]').click();
  await page.locator('.compare-result .inline-error').waitFor();
  await check('compare: same version');
  await page.locator('#diff-from').selectOption('1');
  await page.locator('.compare button[type="submit"]').click();
  await page.locator('.compare-result .diff').waitFor();
  await check('compare: diff');

  // Grace acknowledges the newest version: Ada sees it acknowledged, and the history's two receipts.
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  await openApp(page, session.preview);
  await page.locator('#status .banner-success').waitFor();
  await page.locator('.history-table tbody tr').nth(1).waitFor();
  await check('second version acknowledged by another admin');

  // A member who is not an admin: the statement and the status, without names.
  state().update({ accountId: PREVIEW_ACCOUNTS.nora });
  await openApp(page, session.preview);
  await page.locator('#status .banner').waitFor();
  await check('not an admin');

  await screenshot(page, 'pseudo-locale');
  const problems = Object.entries(seen).flatMap(([name, found]) => found.map((f) => `${name} → ${f}`));
  expect(problems).toEqual([]);
});
