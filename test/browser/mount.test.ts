/// <reference lib="dom" />
/**
 * `privacy-panel/mount` in a host's own Custom UI, end to end: a small host page (test/fixtures/mount-host,
 * plain ES modules with its own header, routed with view.createHistory()) is bundled at test time by Vite, as a host's bundler
 * would, from the BUILT dist/mount (`npm run build:package`) and @forge/bridge from node_modules. The preview
 * serves that build as the app page under the strict Custom UI CSP, fakes the Forge host with its bridge, and
 * answers every call with the real resolvers over the emulated storage.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import type { Disclosure, Result } from '../../src/contract';
import { cspViolations, ROOT, screenshot, startBrowserSession, type BrowserSession } from './harness';

const run = promisify(execFile);
const MOUNT_BUILD = join(ROOT, 'dist/mount/index.js');
const HOST_CONFIG = join(ROOT, 'test/fixtures/mount-host/vite.config.mjs');

/** The host's elements whose look the panel must leave alone, and the properties compared. */
const HOST_ELEMENTS = [
  'body',
  '#host-title',
  '#host-action',
  '#host-link-privacy',
  '#host-context',
  '#host-rules-title',
  '#host-rules .card',
  '#host-table',
  '#host-table td',
  '#host-footer p',
];
const PROPERTIES = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'color',
  'background-color',
  'margin',
  'padding',
  'border',
  'border-radius',
  'box-sizing',
  'text-decoration-line',
];

let hostBuild: string;
let session: BrowserSession;
let page: Page;
let refused: string[];

beforeAll(async () => {
  if (!existsSync(MOUNT_BUILD)) {
    throw new Error(
      `${MOUNT_BUILD} is missing. Build the package first: \`npm run build:package\` (npm test does it).`,
    );
  }
  hostBuild = mkdtempSync(join(tmpdir(), 'privacy-panel-mount-host-'));
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', HOST_CONFIG], {
    cwd: ROOT,
    env: { ...process.env, MOUNT_HOST_OUT: hostBuild },
  });
  session = await startBrowserSession({ buildDir: hostBuild });
}, 120_000);

afterAll(async () => {
  await session?.stop();
  if (hostBuild) rmSync(hostBuild, { recursive: true, force: true });
});

beforeEach(async () => {
  session.reset();
  page = await session.newPage();
  refused = cspViolations(page);
});

afterEach(async () => {
  await page.close();
  expect(refused).toEqual([]);
});

const state = () => session.preview.state;
/** The panel's status line: its id made unique per mount (`pp<n>-status`), never the host's own #status. */
const PANEL_STATUS = '[id^="pp"][id$="-status"]';
const slot = () => page.locator('#host-privacy-slot');
const version = () => state().catalog.versions.length;

/** Opens the host page on its rules route, with the host's own bridge call answered. */
async function openHost(): Promise<void> {
  await page.goto(session.preview.appUrl);
  await page.locator('body[data-route="rules"]').waitFor();
  await page.locator('#host-context').getByText('Module privacy-panel-admin').waitFor();
}

/** Follows the host's own link to a route and waits for its router to finish. */
async function goToRoute(route: 'rules' | 'privacy'): Promise<void> {
  await page.locator(route === 'privacy' ? '#host-link-privacy' : '#host-link-rules').click();
  await page.locator(`body[data-route="${route}"]`).waitFor();
}

/** The computed styles of the host's own elements. */
function hostStyles(): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(
    ([selectors, properties]) =>
      Object.fromEntries(
        selectors.map((selector) => {
          const element = document.querySelector(selector);
          if (!element) return [selector, {}];
          const style = getComputedStyle(element);
          return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
        }),
      ),
    [HOST_ELEMENTS, PROPERTIES] as const,
  );
}

/** What the host wrote outside the mount element, and the document attributes it owns. */
function hostContent(): Promise<Record<string, string>> {
  return page.evaluate(() => ({
    header: document.getElementById('host-header')?.outerHTML ?? '',
    rules: document.getElementById('host-rules')?.innerHTML ?? '',
    footer: document.getElementById('host-footer')?.outerHTML ?? '',
    lang: document.documentElement.lang,
    title: document.title,
    bodyClass: document.body.className,
  }));
}

/** Whether any loaded stylesheet holds the panel's rules (one of its own class names, scoped or not). */
function panelStylesLoaded(): Promise<boolean> {
  return page.evaluate(() =>
    Array.from(document.styleSheets).some((sheet) =>
      Array.from(sheet.cssRules).some((rule) => rule.cssText.includes('.verdict-verified')),
    ),
  );
}

test('a host page built with privacy-panel/mount shows the panel on its route: statement, evidence, acknowledgment and the receipt in the history', async () => {
  await openHost();
  await expect(slot().evaluate((el) => el.childElementCount)).resolves.toBe(0);
  await goToRoute('privacy');

  // The statement, inside the host's element.
  await slot().getByRole('heading', { level: 1 }).waitFor();
  await slot().locator('article.statement').waitFor();
  await slot().locator(PANEL_STATUS).getByText('Not acknowledged yet').waitFor();
  await expect(slot().getAttribute('class')).resolves.toBe('privacy-panel-mount');

  // The evidence beside the claims, folded until opened.
  const egress = slot().locator('[data-claim="egress"]');
  await expect(egress.locator('.verdict').textContent()).resolves.toBe('Verified from the manifest');
  await expect(egress.locator('details li').first().isVisible()).resolves.toBe(false);
  await egress.getByText('Evidence').click();
  await expect(egress.locator('details li').first().textContent()).resolves.toContain('manifest.yml');

  // The admin acknowledges; the status and the history show the receipt.
  await slot()
    .getByRole('button', { name: `Acknowledge version ${version()}` })
    .click();
  await slot().locator(PANEL_STATUS).getByText(`You acknowledged version ${version()}`).waitFor();
  const row = slot().locator('.history-table tbody tr[data-kind="acknowledgment"]');
  // The name arrives after the row (a look-up of its own), so wait for it rather than read the row at once.
  await row.getByText(`Ada Admin acknowledged statement version ${version()}`).waitFor();
  await expect(row.count()).resolves.toBe(1);

  // The receipt is in the emulated storage: the resolver, asked directly, reports it.
  const answer = (await state().invoke('getDisclosure', undefined)) as Result<Disclosure>;
  if (!answer.ok) throw new Error(answer.error.message);
  expect(answer.data.status).toMatchObject({
    state: 'acknowledged',
    first: { version: version(), accountId: PREVIEW_ACCOUNTS.ada },
  });
  await screenshot(page, 'mount-host');
});

test('the host stays as it was: its content, its document language and the computed styles of its own elements', async () => {
  await openHost();
  const styles = await hostStyles();
  const content = await hostContent();
  // The panel's code and styles load with the route, so the comparison below is before and after them.
  await expect(panelStylesLoaded()).resolves.toBe(false);
  expect(styles['#host-title']?.['font-family']).toBe('Georgia, serif');

  await goToRoute('privacy');
  await slot().locator(PANEL_STATUS).getByText('Not acknowledged yet').waitFor();
  await expect(panelStylesLoaded()).resolves.toBe(true);
  // The panel's own styles apply inside the element (its heading is not in the host's font)…
  const panelHeading = await slot()
    .getByRole('heading', { level: 1 })
    .evaluate((h) => getComputedStyle(h).fontFamily);
  expect(panelHeading).not.toBe('Georgia, serif');
  // …and nowhere else: the host's elements keep their look, its words and its document language (en, not en-GB).
  await expect(hostStyles()).resolves.toEqual(styles);
  await expect(hostContent()).resolves.toEqual(content);
  expect(content.lang).toBe('en');
});

test('leaving the route unmounts the panel: the element is empty and unscoped; mounting again shows the stored acknowledgment', async () => {
  await openHost();
  await goToRoute('privacy');
  await slot()
    .getByRole('button', { name: `Acknowledge version ${version()}` })
    .click();
  await slot().locator(PANEL_STATUS).getByText(`You acknowledged version ${version()}`).waitFor();

  await goToRoute('rules');
  await expect(slot().evaluate((el) => el.childElementCount)).resolves.toBe(0);
  await expect(slot().getAttribute('class')).resolves.toBe('');
  await expect(page.locator('#host-rules').isVisible()).resolves.toBe(true);
  await expect(page.locator(PANEL_STATUS).count()).resolves.toBe(0);
  await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual(['Sprint rules']);

  await goToRoute('privacy');
  await slot().locator(PANEL_STATUS).getByText(`You acknowledged version ${version()}`).waitFor();
  // The history loads after the status: wait for its row, then count.
  const row = slot().locator('.history-table tbody tr[data-kind="acknowledgment"]');
  await row.first().waitFor();
  await expect(row.count()).resolves.toBe(1);
});

test("the panel's ids are its own: the host's #status and #toc-title stay the host's, and every reference inside the panel resolves inside it", async () => {
  await openHost();
  await goToRoute('privacy');
  await slot().locator(PANEL_STATUS).getByText('Not acknowledged yet').waitFor();
  await expect(page.locator('#status').textContent()).resolves.toBe('Host status: all rules pass');
  await expect(page.locator('#toc-title').textContent()).resolves.toBe('Host notes');
  const dangling = await slot().evaluate((root) => {
    const ids = new Set(Array.from(root.querySelectorAll('[id]'), (el) => el.id));
    const refs = Array.from(root.querySelectorAll('[aria-labelledby], [aria-describedby], label[for]')).flatMap((el) =>
      ['aria-labelledby', 'aria-describedby', 'for'].flatMap((name) => (el.getAttribute(name) ?? '').split(/\s+/)),
    );
    const hostIds = Array.from(document.querySelectorAll('[id]'))
      .filter((el) => !root.contains(el))
      .map((el) => el.id);
    return {
      count: refs.filter(Boolean).length,
      dangling: refs.filter((ref) => ref && !ids.has(ref)),
      shared: [...ids].filter((id) => hostIds.includes(id)),
    };
  });
  expect(dangling.count).toBeGreaterThan(0);
  expect(dangling.dangling).toEqual([]);
  expect(dangling.shared).toEqual([]);
});
