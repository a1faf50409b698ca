/// <reference lib="dom" />
/**
 * The offline verifier as an auditor meets it: downloaded from the admin page beside the export and a
 * receipt an admin kept, opened from disk (file://) with the network off, and giving the same verdict and
 * lines as `privacy-panel verify` on a clean and on a tampered export. Needs `npm run build` first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { verifyExportFile } from '../../toolkit/export/verify-file';
import { openApp, startBrowserSession, type BrowserSession } from './harness';

let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession();
});

afterAll(async () => {
  await session?.stop();
});

async function downloadBy(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return session.save(file);
}

/** What the CLI prints for these files, with paths as the browser names the files (their base names). */
async function cli(file: string, witnesses: string[]) {
  const result = await verifyExportFile({ file, witnesses });
  const text = [file, ...witnesses].reduce(
    (out, path) => out.split(path).join(basename(path)),
    result.lines.join('\n'),
  );
  return { code: result.code, text };
}

test('downloaded from the page, opened from disk offline, it gives the CLI verdict on a clean and a tampered export', async () => {
  session.reset();
  const page = await session.newPage();
  await openApp(page, session.preview);
  await page.getByRole('button', { name: 'Acknowledge version 3' }).click();
  await page.locator('#status').getByText('You acknowledged version 3').waitFor();

  const witness = await downloadBy(page, () =>
    page.getByRole('button', { name: 'Keep your receipt', exact: true }).click(),
  );
  await page.locator('.keep-done').waitFor();
  const kept = JSON.parse(readFileSync(witness, 'utf8')) as { format: string; receipt: { seq: number } };
  expect(kept.format).toBe('privacy-panel.receipt/1');
  const json = await downloadBy(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
  const verifier = await downloadBy(page, () =>
    page.getByRole('link', { name: 'Download the offline verifier' }).click(),
  );
  await page.close();
  expect(basename(verifier)).toMatch(/privacy-panel-verifier\.html$/);

  const tampered = join(session.downloads, 'tampered.json');
  const edited = JSON.parse(readFileSync(json, 'utf8')) as { receipts: { receipt: { at: string } }[] };
  edited.receipts[0]!.receipt.at = '2001-01-01T00:00:00.000Z';
  writeFileSync(tampered, JSON.stringify(edited, null, 2));

  const context = await session.browser.newContext({ offline: true });
  const url = pathToFileURL(verifier).href;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const offline = await context.newPage();
  const violations: string[] = [];
  offline.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await offline.goto(url);

  const verdictOf = async (file: string) => {
    await offline.locator('#verdict').evaluate((el) => {
      el.textContent = '';
      el.removeAttribute('data-code');
    });
    await offline.setInputFiles('#export-file', file);
    await offline.setInputFiles('#witness-files', [witness]);
    await offline.getByRole('button', { name: 'Verify' }).click();
    await offline.locator('#verdict[data-code]').waitFor();
    return {
      code: Number(await offline.locator('#verdict').getAttribute('data-code')),
      text: (await offline.locator('#report').textContent()) ?? '',
      verdict: (await offline.locator('#verdict').textContent()) ?? '',
    };
  };

  const clean = await verdictOf(json);
  expect(clean.verdict).toMatch(/^VERIFIED/);
  expect({ code: clean.code, text: clean.text }).toEqual(await cli(json, [witness]));
  expect(clean.text).toMatch(
    new RegExp(`witness: +${basename(witness)}: acknowledgment of version 3 at seq ${kept.receipt.seq}: INCLUDED`),
  );

  const bad = await verdictOf(tampered);
  expect(bad.verdict).toMatch(/^NOT VERIFIED/);
  expect({ code: bad.code, text: bad.text }).toEqual(await cli(tampered, [witness]));
  expect(bad.code).toBe(1);
  expect(bad.text).toMatch(/\[PPV-CHAIN-HASH\]/);

  // It loaded nothing but itself, and its CSP refused nothing of its own.
  expect(requests).toEqual([url]);
  expect(violations).toEqual([]);
  const csp = await offline.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/);
  await context.close();
}, 120_000);
