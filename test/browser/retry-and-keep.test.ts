/// <reference lib="dom" />
/**
 * The page's own retries under the emulator's storage faults (never a mock of our code): a transient failure
 * is asked again with backoff and jitter and heals unseen; a lasting one ends in a message that says how often
 * the page asked, with a Retry that works; an acknowledgment whose write landed but whose answer was lost is
 * retried into exactly one receipt. And "Keep your receipt" on an earlier history row: the file verifies
 * with `--witness` against the page's export. Needs `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import type { ExportPage, Result } from '../../src/contract';
import { verifyExportFile } from '../../toolkit/export/verify-file';
import { PAGE_RETRIES } from '../../static/admin/src/retry';
import {
  acknowledgeAs,
  openApp,
  recordedInvokes,
  recordInvokes,
  startBrowserSession,
  type BrowserSession,
} from './harness';

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
  await recordInvokes(page);
});

afterEach(async () => {
  session.preview.state.emulator.clearFaults();
  await page.close();
});

const state = () => session.preview.state;
const callsOf = async (key: string) => (await recordedInvokes(page)).filter((c) => c.key === key).length;

async function acknowledgments(): Promise<string[]> {
  const result = (await state().invoke('exportReceipts', {})) as Result<ExportPage>;
  if (!result.ok) throw new Error(result.error.message);
  return result.data.receipts
    .filter((r) => r.receipt.kind === 'acknowledgment')
    .map((r) => `${r.accountId ?? '?'} v${r.receipt.notice.version}`);
}

// A storage refusal no longer fails the page load (the statement comes with the status "unavailable"), so
// the failing call here is the administrator check timing out (ADMIN_CHECK_UNAVAILABLE), which the page
// retries the same way. (A 429 or 5xx from the check is a "no": it fails closed.)
const ADMIN_CHECK = '/rest/api/3/mypermissions';

test('a rate limit that passes is asked again after a random wait, and the page loads unseen', async () => {
  state().emulator.injectFault({ kind: 'timeout', times: 1, pathPrefix: ADMIN_CHECK });
  await openApp(page, session.preview);
  await expect(page.locator('.inline-error').count()).resolves.toBe(0);
  await expect(callsOf('getDisclosure')).resolves.toBe(2);
});

test('a lasting one ends after the policy’s attempts in a message with the count and a Retry that works', async () => {
  state().emulator.injectFault({ kind: 'timeout', times: 10_000, pathPrefix: ADMIN_CHECK });
  await page.goto(session.preview.appUrl);
  const alert = page.getByRole('alert');
  await alert.getByText(`The page asked ${PAGE_RETRIES.attempts} times`).waitFor();
  await expect(alert.textContent()).resolves.toContain('did not confirm your administrator rights');
  await expect(callsOf('getDisclosure')).resolves.toBe(PAGE_RETRIES.attempts);

  state().emulator.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.locator('#status').waitFor();
  await expect(callsOf('getDisclosure')).resolves.toBe(PAGE_RETRIES.attempts + 1);
});

test('storage that does not answer the status: the statement, a neutral "could not be read" and no button, then the real status', async () => {
  state().emulator.injectFault({ kind: 'rate-limit', times: 10_000, pathPrefix: '/api/v1/', retryAfterSeconds: 1 });
  await page.goto(session.preview.appUrl);
  await page.locator('#status-unavailable').waitFor();
  const status = (await page.locator('#status').textContent()) ?? '';
  expect(status).toContain('could not be read just now');
  expect(status).not.toContain('Not acknowledged');
  await page.locator('main[data-rendered="all"] .statement').waitFor();
  await expect(page.getByRole('button', { name: /Acknowledge/ }).count()).resolves.toBe(0);

  state().emulator.clearFaults();
  await page.locator('#status-unavailable').waitFor({ state: 'detached', timeout: 15_000 });
  await expect(page.locator('#status').textContent()).resolves.toContain('Not acknowledged yet');
  await expect(page.getByRole('button', { name: /Acknowledge/ }).count()).resolves.toBe(1);
});

test('an acknowledgment whose write landed but whose answer was lost is retried into exactly one receipt', async () => {
  await openApp(page, session.preview);
  // Every KVS write of the first attempt lands and answers "timed out": the page cannot tell it happened.
  state().emulator.injectFault({ kind: 'lost-response', times: 1, pathPrefix: '/api/v1/set' });
  await page.getByRole('button', { name: 'Acknowledge version 3' }).click();
  await page.locator('#status').getByText('You acknowledged version 3').waitFor({ timeout: 20_000 });
  await expect(callsOf('acknowledge')).resolves.toBeGreaterThanOrEqual(2);
  await expect(acknowledgments()).resolves.toEqual([`${PREVIEW_ACCOUNTS.ada} v3`]);

  await page.reload();
  await page.locator('#status').getByText('You acknowledged version 3').waitFor();
  await expect(page.locator('#acknowledge').count()).resolves.toBe(0);
});

test('"Keep your receipt" on an earlier history row: the file verifies with --witness against the export', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada); // version 3, seq 1
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  const newest = state().publishNextVersion();
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  await openApp(page, session.preview);

  const rows = page.locator('.history-table tbody tr[data-kind="acknowledgment"]');
  await rows.first().waitFor();
  // Ada's own rows offer it (version 4 and version 3); Grace's row does not.
  await expect(rows.locator('.keep-receipt-row button').count()).resolves.toBe(2);
  const grace = rows.filter({ hasText: 'Grace' });
  await expect(grace.count()).resolves.toBe(1);
  await expect(grace.locator('.keep-receipt-row').count()).resolves.toBe(0);

  const earlier = page.getByRole('button', { name: 'Keep your receipt of version 3 (#1)' });
  const [download] = await Promise.all([page.waitForEvent('download'), earlier.click()]);
  const witness = await session.save(download);
  await page.locator('.keep-receipt-row .keep-done').waitFor();
  const kept = JSON.parse(readFileSync(witness, 'utf8')) as {
    format: string;
    receipt: { seq: number; notice: { version: number } };
    head: { seq: number };
  };
  expect(kept).toMatchObject({ format: 'privacy-panel.receipt/1', receipt: { seq: 1, notice: { version: 3 } } });
  expect(kept.head.seq).toBeGreaterThan(kept.receipt.seq);
  expect(newest).toBe(4);

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const json = await session.save(file);
  const verdict = await verifyExportFile({ file: json, witnesses: [witness] });
  expect(verdict.code).toBe(0);
  expect(verdict.lines.join('\n')).toMatch(
    new RegExp(`witness: +.*${basename(witness)}: acknowledgment of version 3 at seq 1: INCLUDED`),
  );
});
