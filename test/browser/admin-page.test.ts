/// <reference lib="dom" />
/**
 * The admin page end to end: the built page in Chromium, the preview's bridge, the real resolver handler
 * and the platform emulator. Needs `npm run build` first (npm test runs it in pretest).
 */
import type { Page } from 'playwright-core';
import { installContextOf } from '../../dev/preview/backend';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import {
  acknowledgeAs,
  openApp,
  screenshot,
  seriousAxeViolations,
  startBrowserSession,
  cspViolations,
  type BrowserSession,
} from './harness';

let session: BrowserSession;
let page: Page;
let refused: string[];

beforeAll(async () => {
  session = await startBrowserSession();
});

afterAll(async () => {
  await session?.stop();
});

beforeEach(async () => {
  session.reset();
  page = await session.newPage();
  refused = cspViolations(page);
});

afterEach(async () => {
  await page.close();
});

const state = () => session.preview.state;
const status = () => page.locator('#status');
const ackButton = () => page.getByRole('button', { name: /^Acknowledge version \d+$/ });

test('first visit, acknowledge, reload: the status names Ada Admin and focus lands on it', async () => {
  await openApp(page, session.preview);
  await expect(status().textContent()).resolves.toContain('Not acknowledged yet');
  const version = state().catalog.versions.length;

  await ackButton().click();
  await status().getByText(`Acknowledged by Ada Admin`).waitFor();
  await expect(status().textContent()).resolves.toContain(`(version ${version})`);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('status');

  await page.reload();
  await status().getByText('Acknowledged by Ada Admin').waitFor();
  await expect(ackButton().count()).resolves.toBe(0);
  await expect(status().textContent()).resolves.toContain(`You acknowledged version ${version}`);
  await page.locator('.history-table').getByText('Ada Admin').waitFor();
  expect(refused).toEqual([]);
  await screenshot(page, 'acknowledged-light');
});

test('a second admin sees who acknowledged first and adds their own; the history shows both', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  state().update({ accountId: PREVIEW_ACCOUNTS.grace });
  await openApp(page, session.preview);
  await status().getByText('Acknowledged by Ada Admin').waitFor();

  await ackButton().click();
  await status()
    .getByText(/You acknowledged version/)
    .waitFor();
  await expect(status().textContent()).resolves.toContain('Acknowledged by Ada Admin');
  const rows = page.locator('.history-table tbody tr');
  await rows.nth(1).waitFor();
  const names = await rows.locator('.who').allTextContents();
  expect(names.sort()).toEqual(['Ada Admin', 'Grace Admin']);
  await screenshot(page, 'second-admin');
});

test('the history pages with "Load more": 25 rows first, then the rest, newest first', async () => {
  // 27 administrators acknowledge; the sample directory learns their names so the page can show them.
  const admins = Array.from({ length: 27 }, (_, i) => `712020:history-admin-${String(i).padStart(2, '0')}`);
  for (const [i, accountId] of admins.entries()) {
    state().emulator.users.set({
      accountId,
      displayName: `History Admin ${i}`,
      admin: { jira: true, confluence: true },
    });
    await acknowledgeAs(session.preview, accountId);
  }
  await openApp(page, session.preview);
  const rows = page.locator('.history-table tbody tr');
  await rows.nth(24).waitFor();
  expect(await rows.count()).toBe(25);
  // Names are looked up after the rows render ("Loading…" until then): wait for the exact name.
  await rows
    .first()
    .locator('.who', { hasText: /^History Admin 26$/ })
    .waitFor();

  await page.getByRole('button', { name: 'Load more' }).click();
  await rows.nth(26).waitFor();
  expect(await rows.count()).toBe(27);
  await rows
    .last()
    .locator('.who', { hasText: /^History Admin 0$/ })
    .waitFor();
  await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
});

test('a non-admin sees the status without names and no button; a forced acknowledge is refused and writes nothing', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  state().update({ accountId: PREVIEW_ACCOUNTS.nora });
  await openApp(page, session.preview);
  await status()
    .getByText(/^Acknowledged on /)
    .waitFor();
  await expect(status().textContent()).resolves.not.toContain('Ada Admin');
  await expect(ackButton().count()).resolves.toBe(0);
  await expect(page.locator('#history-title').count()).resolves.toBe(0);

  const installContext = installContextOf('jira');
  const before = JSON.stringify([...state().emulator.entries(installContext)]);
  const catalog = state().catalog.versions;
  const current = catalog[catalog.length - 1];
  if (!current) throw new Error('empty catalog');
  const forceAcknowledge = (payload: Record<string, unknown>): Promise<unknown> =>
    page.evaluate(
      (body) =>
        (
          globalThis as unknown as { __bridge: { callBridge(n: string, a: unknown): Promise<unknown> } }
        ).__bridge.callBridge('invoke', {
          functionKey: 'acknowledge',
          payload: body,
        }),
      payload,
    );
  const valid = { version: current.source.version, hash: current.hash };
  await expect(forceAcknowledge(valid)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // Claiming to be someone else in the payload gets nowhere either.
  await expect(forceAcknowledge({ ...valid, accountId: PREVIEW_ACCOUNTS.ada })).resolves.toMatchObject({ ok: false });
  expect(JSON.stringify([...state().emulator.entries(installContext)])).toBe(before);
  await screenshot(page, 'non-admin');
});

test('publishing a new version brings the re-acknowledgment banner with what changed', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  const acknowledged = state().catalog.versions.length;
  const next = state().publishNextVersion();
  await openApp(page, session.preview);
  await status().getByText(`The statement changed since version ${acknowledged} was acknowledged`).waitFor();
  await expect(status().textContent()).resolves.toContain(`Version ${next}:`);
  await expect(ackButton().textContent()).resolves.toBe(`Acknowledge version ${next}`);
  await screenshot(page, 'outdated');
});

test('a version published while the page is open: the acknowledgment is refused as stale and the page says why', async () => {
  await openApp(page, session.preview);
  const next = state().publishNextVersion();
  await ackButton().click();
  await status()
    .getByText(`The statement was updated while you were reading; review version ${next} and acknowledge again.`)
    .waitFor();
  await expect(ackButton().textContent()).resolves.toBe(`Acknowledge version ${next}`);
  await expect(page.locator('header').textContent()).resolves.toContain(`Statement version ${next}`);
});

test('Jira and Confluence are separate installations', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  state().update({ product: 'confluence' });
  await openApp(page, session.preview);
  await status().getByText('Not acknowledged yet').waitFor();
});

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: one h1, an ordered outline, and no serious or critical axe violations`, async () => {
    await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
    state().update({ theme });
    // axe is injected as a script tag, which the page's strict CSP would refuse; this page alone skips it.
    await page.close();
    page = await session.newPage({ bypassCSP: true });
    await openApp(page, session.preview);
    await page.locator('.history-table').getByText('Grace Admin').waitFor();
    await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe(theme);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(29, 33, 37)' : 'rgb(255, 255, 255)');

    const levels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
    });

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `theme-${theme}`);
  });
}

test('keyboard only: Tab to the button, Enter, and focus lands on the new status', async () => {
  await openApp(page, session.preview);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'acknowledge');
  }
  expect(reached).toBe(true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await status().getByText('Acknowledged by Ada Admin').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'status');
  await expect(status().getAttribute('role')).resolves.toBe('status');
  await screenshot(page, 'keyboard-acknowledged');
});

/** Records, from before the page loads, whether a "Loading" state was ever in the document before the statement. */
const LOADING_PROBE = `(() => {
  const seen = { loadingBeforeStatement: false, statement: false };
  globalThis.__loadingProbe = seen;
  new MutationObserver(() => {
    if (document.querySelector('h1[elementtiming="statement"]')) seen.statement = true;
    else if (document.querySelector('main[aria-busy="true"]')) seen.loadingBeforeStatement = true;
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

const loadingProbe = (): Promise<{ loadingBeforeStatement: boolean; statement: boolean }> =>
  page.evaluate(
    () =>
      (globalThis as unknown as { __loadingProbe: { loadingBeforeStatement: boolean; statement: boolean } })
        .__loadingProbe,
  );

test('the first frame is the statement: no "Loading" state once the disclosure is in', async () => {
  await page.addInitScript({ content: LOADING_PROBE });
  await openApp(page, session.preview);
  await expect(loadingProbe()).resolves.toEqual({ loadingBeforeStatement: false, statement: true });
});

/** Counts the Intl formatters the page makes, and how many it had made when the statement was inserted. */
const INTL_PROBE = String.raw`(() => {
  const seen = { made: [], atStatement: undefined };
  globalThis.__intlProbe = seen;
  for (const name of ['DateTimeFormat', 'NumberFormat', 'ListFormat', 'RelativeTimeFormat', 'DisplayNames', 'Collator']) {
    const count = () => seen.made.push(name);
    Intl[name] = new Proxy(Intl[name], {
      construct: (target, args, newTarget) => (count(), Reflect.construct(target, args, newTarget)),
      apply: (target, self, args) => (count(), Reflect.apply(target, self, args)),
    });
  }
  new MutationObserver(() => {
    if (seen.atStatement === undefined && document.querySelector('h1[elementtiming="statement"]'))
      seen.atStatement = [...seen.made];
  }).observe(document, { childList: true, subtree: true });
})();`;

const intlProbe = (): Promise<{ made: string[]; atStatement: string[] }> =>
  page.evaluate<{ made: string[]; atStatement: string[] }>(String.raw`globalThis.__intlProbe`);

test('the first frame makes no Intl formatter: its dates, names and lists come formatted with the disclosure', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  await page.addInitScript({ content: INTL_PROBE });
  // German first: the preview keeps the viewpoint for the tests after this one, which read English.
  for (const locale of ['de-DE', 'en-GB']) {
    state().update({ locale });
    await openApp(page, session.preview);
    await page.locator('.own-ack').waitFor();
    const probe = await intlProbe();
    // The cards below the first screen (history, versions) make theirs after the first paint.
    expect({ locale, atStatement: probe.atStatement }).toEqual({ locale, atStatement: [] });
    expect(probe.made.length).toBeGreaterThan(0);
    const own = await page.locator('.own-ack').textContent();
    expect(own).toContain(locale === 'de-DE' ? 'heute' : 'today');
  }
});

test('a disclosure slower than the grace period gets a "Loading" state first, then the statement', async () => {
  await page.addInitScript({ content: LOADING_PROBE });
  await page.route('**/__preview/bridge', async (route) => {
    if (route.request().postData()?.includes('"getDisclosure"')) await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto(session.preview.appUrl);
  await page.getByText('Loading the data-handling statement…').waitFor();
  await page.locator('#status').waitFor();
  await expect(loadingProbe()).resolves.toEqual({ loadingBeforeStatement: true, statement: true });
});

test('a member who is not an admin is told why there is no button; an admin is not', async () => {
  state().update({ accountId: PREVIEW_ACCOUNTS.nora });
  await openApp(page, session.preview);
  await expect(page.locator('.ack-admins-only').textContent()).resolves.toBe(
    'Only site admins can acknowledge this statement, so there is no button for you. You can read it, and a site admin can acknowledge it.',
  );
  await expect(ackButton().count()).resolves.toBe(0);

  state().update({ accountId: PREVIEW_ACCOUNTS.ada });
  await page.reload();
  await ackButton().waitFor();
  await expect(page.locator('.ack-admins-only').count()).resolves.toBe(0);
});

test('an account the product says is gone reads "a closed account" before the weekly job erases its ID', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.grace);
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  state().closeAccount(PREVIEW_ACCOUNTS.grace);
  await openApp(page, session.preview);
  const rows = page.locator('.history-table tbody tr[data-kind="acknowledgment"]');
  await rows.nth(1).locator('.who', { hasText: 'a closed account' }).waitFor();
  await expect(rows.locator('.who').allTextContents()).resolves.toEqual(['Ada Admin', 'a closed account']);
  await expect(page.locator('.history-table').textContent()).resolves.not.toContain('Unknown user');
});

test('every time on the page names its zone: the history in the user’s, "in force on" in UTC', async () => {
  await acknowledgeAs(session.preview, PREVIEW_ACCOUNTS.ada);
  // The host's context is written into the bridge script (as a host holds it): the user's zone changes there.
  await page.route('**/__preview/bridge.js', async (route) => {
    const response = await route.fetch();
    const script = await response.text();
    expect(script).toContain('"timezone":"UTC"');
    await route.fulfill({ response, body: script.replace('"timezone":"UTC"', '"timezone":"Europe/Berlin"') });
  });
  await openApp(page, session.preview);
  // The preview's user is in Europe/Berlin here, so the history's zone and UTC differ.
  const when = page.locator('.history-table tbody tr time').first();
  await when.waitFor();
  await expect(when.textContent()).resolves.toMatch(/\d{2}:\d{2} (CET|CEST|MEZ|MESZ|GMT\+[12])$/);

  await page.getByRole('button', { name: 'Show what was in force' }).click();
  const acknowledger = page.locator('.in-force-list time').first();
  await acknowledger.waitFor();
  await expect(acknowledger.textContent()).resolves.toMatch(/\d{2}:\d{2} UTC$/);
});
