/// <reference lib="dom" />
/**
 * The page's records end to end: evidence beside the claims, the versions and what changed, "in force on",
 * the JSON/CSV export (verified offline by the CLI), history rows by kind, and an account closed and erased
 * by the weekly job. Needs `npm run build` first (npm test runs it in pretest).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { installContextOf } from '../../dev/preview/backend';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import { createLifecycleTrigger } from '../../src/triggers/lifecycle';
import {
  acknowledgeAs,
  openApp,
  recordInvokes,
  recordedInvokes,
  ROOT,
  screenshot,
  seriousAxeViolations,
  startBrowserSession,
  type BrowserSession,
} from './harness';

const run = promisify(execFile);

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
});

afterAll(async () => {
  await session?.stop();
});

beforeEach(async () => {
  session.reset();
  page = await session.newPage();
});

afterEach(async () => {
  await page.close();
});

const state = () => session.preview.state;

/** `npx privacy-panel verify FILE`, never reaching a registry (--offline --no): the repository's own bin. */
async function verifyWithCli(file: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('npx', ['--offline', '--no', '--', 'privacy-panel', 'verify', file], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      out: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    };
  }
}

/** Clicks a download button and saves what the browser receives under the temp folder. */
async function download(
  target: Page | Frame,
  label: 'Download JSON' | 'Download CSV',
): Promise<{ file: string; name: string }> {
  const owner = 'waitForEvent' in target ? target : target.page();
  const [file] = await Promise.all([
    owner.waitForEvent('download'),
    target.getByRole('button', { name: label }).click(),
  ]);
  return { file: await session.save(file), name: file.suggestedFilename() };
}

test('evidence: each claim in "At a glance" carries its verdict, with the evidence lines one click away', async () => {
  await openApp(page, session.preview);
  const egressRow = page.locator('.fact', { has: page.locator('dt', { hasText: 'Data sent outside Atlassian' }) });
  const egress = egressRow.locator('[data-claim="egress"]');
  await expect(egress.locator('.verdict').textContent()).resolves.toBe('Verified from the manifest');
  // The evidence is there, folded; opening it shows where the fact comes from.
  await expect(egress.locator('details li').first().isVisible()).resolves.toBe(false);
  await egress.getByText('Evidence').click();
  await expect(egress.locator('details li').first().textContent()).resolves.toContain('manifest.yml');

  await expect(page.locator('[data-claim="logs"] .verdict').textContent()).resolves.toBe("Vendor's statement");
  // Each badge names what proved it: the data inventory is checked against the code, not the manifest.
  await expect(page.locator('[data-claim="inventory"] .verdict').textContent()).resolves.toBe('Verified from the code');
  await expect(page.locator('[data-claim="uninstall"] .verdict').textContent()).resolves.toBe(
    'Verified from Forge platform rules',
  );
  await expect(page.locator('.verdict-contradicted').count()).resolves.toBe(0);
  const proven = page.locator('.proven');
  await expect(proven.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(
    'What the app proves about itself',
  );
  await expect(proven.textContent()).resolves.toContain('Runs on Atlassian: eligible');
  await expect(proven.textContent()).resolves.toContain('storage:app');
  await expect(proven.locator('[data-claim="scopes"] .verdict').count()).resolves.toBe(1);
});

test('versions: the list with materiality, the diff since the acknowledged version, and the picker', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  const first = state().catalog.versions.length;
  // Publish through the preview's own control strip, as a person would.
  await page.goto(session.preview.url);
  await page.getByRole('button', { name: 'Publish a new statement version' }).click();
  const next = first + 1;
  await page
    .locator('#info')
    .getByText(new RegExp(`Versions: .*${next}`))
    .waitFor();
  const app = page.frameLocator('#app');
  await app.locator('#status').getByText(`The statement changed since version ${first} was acknowledged`).waitFor();

  const changed = app.locator('.changed-since');
  await changed.getByRole('heading', { name: `What changed since version ${first}` }).waitFor();
  await changed.locator('.diff-sections li').first().waitFor();
  const sections = await changed.locator('.diff-sections li').allTextContents();
  const firstTitle = state().catalog.versions[0]?.source.sections[0]?.title ?? '';
  expect(sections).toEqual([`Changed: ${firstTitle}`]);

  const rows = app.locator('.versions-table tbody tr');
  await expect(rows.count()).resolves.toBe(next);
  await expect(rows.first().textContent()).resolves.toContain('material: asks again');
  await expect(rows.first().locator('th').textContent()).resolves.toContain('(in force)');
  await expect(rows.last().textContent()).resolves.toContain('First version');

  // The picker: the same pair the other way round is put in order; the same version twice is refused.
  await app.locator('#diff-from').selectOption(String(next));
  await app.locator('#diff-to').selectOption(String(first));
  await app.getByRole('button', { name: 'Show what changed' }).click();
  await app.locator('.compare-result').getByText(`From version ${first} to version ${next}:`).waitFor();
  await expect(app.locator('.compare-result .diff-sections li').allTextContents()).resolves.toEqual([
    `Changed: ${firstTitle}`,
  ]);
  await app.locator('#diff-to').selectOption(String(next));
  await app.getByRole('button', { name: 'Show what changed' }).click();
  await app.locator('.compare-result').getByText('Pick two different versions.').waitFor();
  await screenshot(page, 'versions-diff');
});

test('in force on today names the admin who acknowledged it; a day before the first version names no version', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  await openApp(page, session.preview);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.locator('#in-force-date').inputValue()).resolves.toBe(today);
  await page.getByRole('button', { name: 'Show what was in force' }).click();
  const result = page.locator('.in-force-result');
  await result.locator('.in-force-list .who', { hasText: 'Grace Admin' }).waitFor();
  const version = state().catalog.versions.length;
  await expect(result.locator('.in-force-version').textContent()).resolves.toContain(`Version ${version} `);
  await expect(result.textContent()).resolves.not.toContain('Truncated');

  await page.locator('#in-force-date').fill('2000-01-01');
  await page.getByRole('button', { name: 'Show what was in force' }).click();
  await result.getByText(/No version of the statement was in force on/).waitFor();
});

test('export: JSON that the offline verifier accepts, CSV with one row per receipt, and the chain head shown', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  await openApp(page, session.preview);
  // The 28-day warning sits near the top and its link takes focus to the export.
  const notice = page.locator('.uninstall-notice');
  await expect(notice.textContent()).resolves.toContain(
    'If this app is uninstalled, Forge deletes its data 28 days later. Export the receipts first.',
  );
  await notice.getByRole('link', { name: 'Go to the export' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('export-title');
  await expect(page.locator('#export .export-warning').textContent()).resolves.toContain('28 days later');

  await page.getByRole('button', { name: 'Acknowledge version 3' }).click();
  await page.locator('#status').getByText('You acknowledged version 3').waitFor();

  const json = await download(page, 'Download JSON');
  expect(json.name).toMatch(/^privacy-panel-jira-.*\.json$/);
  const status = page.locator('.export-status');
  await status.getByText('Exported 2 receipts as JSON').waitFor();
  const head = await status.locator('.head-hash').textContent();
  const bundle = JSON.parse(readFileSync(json.file, 'utf8')) as { receipts: unknown[]; chain: { headHash: string } };
  expect(bundle.receipts).toHaveLength(2);
  expect(head).toBe(bundle.chain.headHash);
  const verified = await verifyWithCli(json.file);
  expect(verified).toMatchObject({ code: 0 });

  const csv = await download(page, 'Download CSV');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = readFileSync(csv.file, 'utf8').trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  await status.getByText('Exported 2 receipts as CSV').waitFor();

  // A tampered copy fails the same check, so the check above means something.
  const tampered = join(session.downloads, 'tampered.json');
  const edited = JSON.parse(readFileSync(json.file, 'utf8')) as { receipts: { receipt: { at: string } }[] };
  const oldest = edited.receipts[0];
  if (!oldest) throw new Error('no receipt');
  oldest.receipt.at = '2001-01-01T00:00:00.000Z';
  writeFileSync(tampered, JSON.stringify(edited, null, 2));
  await expect(verifyWithCli(tampered)).resolves.toMatchObject({ code: 1 });
  await screenshot(page, 'exported');
});

test('export failure: the error is shown with a retry that succeeds', async () => {
  await openApp(page, session.preview);
  // The cards below the first screen read the history (a query) after the first paint: let them finish, so
  // the one failing query is the export's.
  await page.waitForLoadState('networkidle');
  state().emulator.injectFault({ kind: 'server-error', times: 1, pathPrefix: '/api/v1/query' });
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const alert = page.locator('#export [role="alert"]');
  await alert.getByText(/The JSON export failed/).waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Retry' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  await page
    .locator('.export-status')
    .getByText(/Exported 0 receipts as JSON/)
    .waitFor();
});

test('history rows by kind; a closed account is erased by the weekly job and the export still verifies', async () => {
  // The app's own events, through the real lifecycle trigger.
  const installContext = installContextOf('jira');
  const installed = createLifecycleTrigger('app-installed', { catalog: state().catalog, log: () => undefined });
  await state().emulator.run({ installContext }, () =>
    installed(
      { eventType: 'avi:forge:installed:app', app: { id: 'ari:cloud:ecosystem::app/0', version: '2.1.0' } },
      { installContext },
    ),
  );
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);

  // Through the control strip: close Grace's account, then run the weekly job.
  await page.goto(session.preview.url);
  await page.locator('#close-who option', { hasText: 'Grace Admin' }).waitFor({ state: 'attached' });
  await page.locator('#close-who').selectOption({ label: 'Grace Admin' });
  await page.getByRole('button', { name: 'Close this account' }).click();
  await page.locator('#user option', { hasText: 'Grace Admin (admin, closed)' }).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Run the weekly personal-data job' }).click();
  await page
    .locator('#info')
    .getByText(/personal data report complete: reported 2, closed 1/)
    .waitFor();

  const app = page.frameLocator('#app');
  const rows = app.locator('.history-table tbody tr');
  await app.locator('.history-table tr[data-kind="account-erased"]').waitFor();
  const kinds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
  expect(kinds).toEqual(['account-erased', 'acknowledgment', 'acknowledgment', 'app-installed']);
  const text = await rows.allTextContents();
  expect(text[0]).toMatch(/^Account data erased \(.*\) — statement version 3 in force/);
  expect(text[1]).toContain('Ada Admin acknowledged statement version 3');
  await app.locator('.history-table tr[data-kind="acknowledgment"] .who', { hasText: 'a deleted account' }).waitFor();
  expect(text[3]).toMatch(/^App installed.* — statement version 3 in force/);
  expect(JSON.stringify([...state().emulator.entries(installContext)])).not.toContain(PREVIEW_ACCOUNTS.grace);

  const frame = page.frame({ url: /\/app\// });
  if (!frame) throw new Error('no app frame');
  const json = await download(frame, 'Download JSON');
  await expect(verifyWithCli(json.file)).resolves.toMatchObject({ code: 0 });
  await screenshot(page, 'erased');
});

test('first paint needs one call (getDisclosure); the diff and the history follow after it', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  state().publishNextVersion();
  await recordInvokes(page);
  await openApp(page, session.preview);
  await page.locator('.changed-since .diff').waitFor();
  await page.locator('.history-table').waitFor();
  const calls = await recordedInvokes(page);
  expect(calls.filter((c) => !c.painted).map((c) => c.key)).toEqual(['getDisclosure']);
  expect(
    calls
      .filter((c) => c.painted)
      .map((c) => c.key)
      .sort(),
  ).toEqual(['diffVersions', 'listAcknowledgments']);
});

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: with every new part open and answered, one h1, ordered headings, no serious or critical axe violations`, async () => {
    await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
    state().publishNextVersion();
    state().update({ theme });
    await page.close();
    page = await session.newPage({ bypassCSP: true });
    await openApp(page, session.preview);
    await page.locator('.changed-since .diff').waitFor();
    await page.locator('[data-claim="egress"] summary').click();
    await page.getByRole('button', { name: 'Show what changed' }).click();
    await page.locator('.compare-result .diff').waitFor();
    await page.getByRole('button', { name: 'Show what was in force' }).click();
    await page.locator('.in-force-answer').waitFor();
    await download(page, 'Download JSON');
    await page.locator('.export-done').waitFor();
    await page.locator('.history-table').getByText('Grace Admin').waitFor();

    const levels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `records-${theme}`);
  });
}

test('a non-admin sees the versions and the evidence, but no export, no warning and no in-force look-up', async () => {
  state().update({ accountId: PREVIEW_ACCOUNTS.nora });
  await openApp(page, session.preview);
  await page.locator('.versions-table tbody tr').first().waitFor();
  await expect(page.locator('[data-claim="egress"] .verdict').textContent()).resolves.toBe(
    'Verified from the manifest',
  );
  await expect(page.locator('#export').count()).resolves.toBe(0);
  await expect(page.locator('.uninstall-notice').count()).resolves.toBe(0);
  await expect(page.locator('#in-force-date').count()).resolves.toBe(0);
  // And the resolver refuses the look-up and the export to a non-admin anyway.
  await expect(state().invoke('inForceOn', { date: '2026-01-01' })).resolves.toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  await expect(state().invoke('exportReceipts', {})).resolves.toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
