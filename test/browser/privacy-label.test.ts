/// <reference lib="dom" />
/**
 * The privacy label and the sections built from the statement model: first after the header, every cell
 * linked to its details, "Not stated" shown for every not-stated answer, in light and dark, at 800 px,
 * with the keyboard and under axe. Screenshots of the label go to .artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundledEvidence } from '../../src/platform/bundled-catalog';
import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { compileCatalog } from '../../toolkit/statement/compile';
import { sourceOf, MODELS, type Model } from '../statement/helpers';
import {
  launchChromium,
  openApp,
  requireBuild,
  SCREENSHOTS,
  seriousAxeViolations,
  startTempPreview,
  type PreviewSession,
  untranslated,
} from './harness';

/** A fixture is another vendor's app: the build proved nothing about it, so no claim is verified. */
const UNPROVEN: Evidence = { ...bundledEvidence, claims: [] };

function catalogOf(model: Model): StatementCatalog {
  return compileCatalog([sourceOf(model)]);
}

/** Every `not-stated` answer in a value, by the path the page names it with (`facts.logs.location`). */
function notStatedPaths(value: unknown, path: string): string[] {
  if (value === 'not-stated') return [path];
  if (Array.isArray(value)) return value.flatMap((v: unknown, i) => notStatedPaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => notStatedPaths(v, `${path}.${k}`));
  return [];
}

let browser: Browser;
beforeAll(async () => {
  requireBuild();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function withPage<T>(
  session: PreviewSession,
  options: { width?: number; theme?: 'light' | 'dark'; axe?: boolean },
  run: (page: Page) => Promise<T>,
): Promise<T> {
  session.preview.state.update({ theme: options.theme ?? 'light' });
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1100, height: 900 },
    ...(options.axe ? { bypassCSP: true } : {}),
  });
  try {
    await openApp(page, session.preview);
    return await run(page);
  } finally {
    await page.close();
  }
}

async function labelShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('.privacy-label').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe("this app's statement", () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await startTempPreview();
  });
  afterAll(async () => {
    await session.stop();
  });

  test('the label is the first section after the header, and every cell links to its row in the details', async () => {
    await withPage(session, {}, async (page) => {
      const first = await page.evaluate(() => {
        const main = document.querySelector('header.page-header + main');
        return main?.firstElementChild?.querySelector('h2')?.textContent ?? null;
      });
      expect(first).toBe('Privacy label');
      const cells = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.label-cell')).map((cell) => {
          const href = cell.querySelector('a.label-link')?.getAttribute('href') ?? '';
          const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
          return {
            term: cell.querySelector('dt')?.textContent ?? '',
            badge: cell.querySelector('.verdict')?.textContent ?? '',
            inDetails: target?.closest('section')?.querySelector('h2')?.textContent ?? null,
          };
        }),
      );
      expect(cells.map((c) => c.term)).toEqual([
        'Data that leaves Atlassian',
        'Where data is stored',
        'Personal data held',
        'Sub-processors',
        'Vendor staff access',
        'Analytics',
        'Data residency',
        'Runs on Atlassian',
      ]);
      for (const cell of cells) {
        expect(cell.inDetails).toBe('Details');
        expect(cell.badge).not.toBe('');
      }
      expect(cells[0]?.badge).toMatch(/^Verified from/);
      expect(cells[4]?.badge).toBe("Vendor's statement");
      const staff = await page.locator('[data-cell="staff"] .label-value').textContent();
      expect(staff).toBe('No one at the vendor');
      await labelShot(page, 'privacy-label-this-app');
    });
  });

  test('keyboard only: a label link takes focus to its details row', async () => {
    await withPage(session, {}, async (page) => {
      let reached = false;
      for (let i = 0; i < 20 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('href') === '#fact-egress');
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#fact-egress');
      const visible = await page.locator('#fact-egress').isVisible();
      expect(visible).toBe(true);
    });
  });

  test('"What the vendor holds about you" and "Your rights" render from the statement', async () => {
    await withPage(session, {}, async (page) => {
      await page.getByRole('heading', { name: 'What the vendor holds about you' }).waitFor();
      const rights = await page.locator('#your-rights').textContent();
      expect(rights).toContain('See your data: Acknowledgment receipts');
      expect(rights).toContain('Have it deleted: Acknowledgment receipts');
      await expect(page.locator('#your-rights [data-fact="facts.contact"]').textContent()).resolves.toBe('Not stated');
    });
  });
});

describe.each(MODELS)('the %s fixture', (model) => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await startTempPreview({ baseCatalog: catalogOf(model), evidence: UNPROVEN });
  });
  afterAll(async () => {
    await session.stop();
  });

  test('every not-stated fact shows "Not stated" in its own style; nothing is shown as verified', async () => {
    const expected = [...new Set(notStatedPaths(sourceOf(model).facts, 'facts'))].sort();
    expect(expected.length).toBeGreaterThan(0);
    await withPage(session, {}, async (page) => {
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.not-stated')).map((el) => ({
          path: el.dataset['fact'] ?? '',
          text: el.textContent,
          dashed: getComputedStyle(el).borderStyle,
        })),
      );
      for (const s of shown) expect(s).toMatchObject({ text: 'Not stated', dashed: 'dashed' });
      const paths = new Set(shown.map((s) => s.path));
      expect(expected.filter((p) => !paths.has(p))).toEqual([]);
      const badges = await page.locator('.label-cell .verdict').allTextContents();
      expect(badges.filter((b) => b.startsWith('Verified'))).toEqual([]);
    });
  });
});

describe('an on-premise statement', () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await startTempPreview({ baseCatalog: catalogOf('on-premise-user-key'), evidence: UNPROVEN });
  });
  afterAll(async () => {
    await session.stop();
  });

  test('speaks of your servers, not Atlassian', async () => {
    await withPage(session, {}, async (page) => {
      await expect(page.locator('[data-cell="leaves"] dt').textContent()).resolves.toBe(
        'Data that leaves your servers',
      );
      await expect(page.locator('#fact-egress + dd').textContent()).resolves.toContain('nothing leaves your servers');
      await expect(page.locator('[data-cell="runs"] .label-value').textContent()).resolves.toBe('No: a Server app');
      await labelShot(page, 'privacy-label-on-premise');
    });
  });

  test("pseudo-locale: the label, the details, the vendor's records and the rights show no word outside the catalog", async () => {
    session.preview.state.update({ locale: 'en-XA' });
    try {
      await withPage(session, {}, async (page) => {
        await page.locator('#your-rights').waitFor();
        await expect(untranslated(page)).resolves.toEqual([]);
      });
    } finally {
      session.preview.state.update({ locale: 'en-GB' });
    }
  });

  test("in German too: the label and the details speak of your servers, in the catalog's words", async () => {
    session.preview.state.update({ locale: 'de-DE' });
    try {
      await withPage(session, {}, async (page) => {
        await expect(page.locator('[data-cell="leaves"] dt').textContent()).resolves.toBe(
          'Daten, die Ihre Server verlassen',
        );
        await expect(page.locator('#fact-egress + dd').textContent()).resolves.toContain('nichts verlässt Ihre Server');
        await expect(page.locator('[data-cell="runs"] .label-value').textContent()).resolves.toBe(
          'Nein: eine Server-App',
        );
        await expect(page.locator('.not-stated').first().textContent()).resolves.toBe('Nicht angegeben');
      });
    } finally {
      session.preview.state.update({ locale: 'en-GB' });
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}, 800 px wide: no horizontal scrolling and no serious or critical axe violation`, async () => {
      await withPage(session, { theme, width: 800, axe: true }, async (page) => {
        await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe(theme);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await labelShot(page, `privacy-label-on-premise-${theme}-800`);
      });
    });
  }
});
