/// <reference lib="dom" />
/**
 * The privacy label and the sections built from the statement model: first after the header, every cell
 * linked to its details, "Not stated" shown for every not-stated answer, in light and dark, at 800 px,
 * with the keyboard and under axe. Screenshots of the label go to .artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bundledEvidence } from '../../dev/harness/bundled-catalog';
import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { compileCatalog } from '../../toolkit/statement/compile';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { buildClaims } from '../../toolkit/evidence/claims';
import { DEFAULT_SOURCE_NAMES, INVENTORY } from '../../toolkit/evidence/inventory-checks';
import { readManifestFacts } from '../../toolkit/evidence/manifest-facts';
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
        'What the vendor holds about you',
        'How long data is kept',
        'Sub-processors',
        'Vendor staff access',
        'Analytics',
        'Data residency',
        'Security measures',
        'Runs on Atlassian',
      ]);
      for (const cell of cells) {
        expect(cell.inDetails).toBe(cell.term === 'What the vendor holds about you' ? cell.term : 'Details');
        expect(cell.badge).not.toBe('');
      }
      expect(cells[0]?.badge).toMatch(/^Verified from/);
      expect(cells[6]?.badge).toBe("Vendor's statement");
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

/**
 * The evidence a vendor's build would make for a fixture statement: this app's own manifest and code
 * (a Forge app), set against the fixture's facts, so the page shows real claims beside them.
 */
function evidenceFor(model: Model): Evidence {
  const manifest = readManifestFacts(parseYaml(readFileSync(join(__dirname, '../../manifest.yml'), 'utf8')));
  const claims = buildClaims({
    facts: sourceOf(model).facts,
    manifest,
    families: INVENTORY,
    runsOnAtlassian: bundledEvidence.runsOnAtlassian,
    dataResidency: bundledEvidence.dataResidency,
    scopeUse: bundledEvidence.scopeUse,
    problems: [],
    names: DEFAULT_SOURCE_NAMES,
  });
  return { ...bundledEvidence, claims };
}

/** Where the report's label screenshots go (outside the repository). */
const ARTIFACTS = process.env['TRUTH_ARTIFACTS'] ?? '/work/artifacts/truth';

/** Words that may stand on the German page as they are: product and programme names, and words German shares. */
const GERMAN_ALLOWED = new Set(
  'Atlassian Forge Connect Data Center Server Marketplace Jira Confluence Privacy Panel Runs on Residency Hosted Storage App Apps Details Code Host Build Manifest Support Desk Issue Tracker JSON CSV Export Browser Website Chat'.split(
    ' ',
  ),
);

interface PageTruth {
  cells: { fact: string; says: string; badge: string; text: string; term: string }[];
  details: { fact: string; says: string }[];
  claims: { fact: string; says: string; badge: string; text: string }[];
  overflow: string[];
  english: string[];
}

async function readTruth(page: Page): Promise<PageTruth> {
  return page.evaluate(
    (allowed: string[]) => {
      const ok = new Set(allowed);
      const data = (el: Element, name: string) => (el as HTMLElement).dataset[name] ?? '';
      const cells = Array.from(document.querySelectorAll('.label-cell')).map((el) => ({
        fact: data(el, 'truth'),
        says: data(el, 'says'),
        badge: data(el, 'badge'),
        text: el.querySelector('.verdict')?.textContent ?? '',
        term: el.querySelector('dt')?.textContent ?? '',
      }));
      const details = Array.from(document.querySelectorAll('.fact[data-truth], p[data-truth]')).map((el) => ({
        fact: data(el, 'truth'),
        says: data(el, 'says'),
      }));
      const claims = Array.from(document.querySelectorAll('.claim[data-claim]')).map((el) => ({
        fact: data(el, 'claim'),
        says: data(el, 'says'),
        badge: data(el, 'badge'),
        text: el.querySelector('.verdict')?.textContent ?? '',
      }));
      // A badge or value wider than its cell, or a cell wider than the grid, overflows.
      const overflow: string[] = [];
      for (const cell of Array.from(document.querySelectorAll<HTMLElement>('.label-cell'))) {
        const box = cell.getBoundingClientRect();
        for (const part of Array.from(cell.querySelectorAll<HTMLElement>('.verdict, .label-value, dt, .label-link'))) {
          const r = part.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || part.scrollWidth > part.clientWidth + 1)
            overflow.push(
              `${data(cell, 'cell')}: ${part.className || part.tagName} ${Math.round(r.right - box.right)} px`,
            );
        }
      }
      // English words outside the statement's own content and the build's English evidence lines.
      const english: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('[data-content], code, script, style, [lang="en"]')) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(
          /\b(?:the|and|of|not|stated|no|none|data|sends|stores|collects|does|say|whether|only|verified|vendor|statement|eligible|hosting|customer|infrastructure|outside|personal)\b/giu,
        ))
          if (!ok.has(match[0])) english.push(`“${match[0]}” in “${text.trim().slice(0, 80)}”`);
        for (const id of ['customer-infrastructure', 'forge-hosted-storage', 'vendor-infrastructure', 'Hosting: '])
          if (text.includes(id)) english.push(`raw id “${id}” in “${text.trim().slice(0, 80)}”`);
      }
      return { cells, details, claims, overflow, english: [...new Set(english)] };
    },
    [...GERMAN_ALLOWED],
  );
}

const VERIFIED = /^(Verified|Geprüft|Ṽ)/u;

describe.each(MODELS)('the %s reference fixture, with the claims a Forge build makes', (model) => {
  let session: PreviewSession;
  const hosting = sourceOf(model).facts.hosting.model;
  beforeAll(async () => {
    session = await startTempPreview({ baseCatalog: catalogOf(model), evidence: evidenceFor(model) });
  });
  afterAll(async () => {
    await session.stop();
  });

  for (const locale of ['en-GB', 'de-DE', 'en-XA'] as const) {
    for (const width of [800, 1280]) {
      test(`${locale}, ${width} px: label, details and claims agree; nothing unproven is Verified; no badge overflows`, async () => {
        session.preview.state.update({ locale });
        try {
          await withPage(session, { width }, async (page) => {
            await page.locator('.label-cell').first().waitFor();
            const truth = await readTruth(page);
            expect(truth.cells.length).toBe(11);
            for (const cell of truth.cells) {
              // The details row (and the "What the vendor holds" card) say the same state as the cell.
              for (const row of truth.details.filter((d) => d.fact === cell.fact))
                expect({ fact: row.fact, says: row.says }).toEqual({ fact: cell.fact, says: cell.says });
              // The build's claim about the same fact says the same and carries the same badge.
              for (const claim of truth.claims.filter((c) => c.fact === cell.fact)) {
                expect({ fact: claim.fact, says: claim.says, badge: claim.badge }).toEqual({
                  fact: cell.fact,
                  says: cell.says,
                  badge: cell.badge,
                });
                // The cell shows "Not stated" as its value, with no badge; the claim's line carries it once.
                if (cell.says !== 'not-stated') expect(claim.text).toBe(cell.text);
              }
              // Not stated reads once: no badge beside it.
              if (cell.says === 'not-stated') expect(cell.text).toBe('');
            }
            const verified = [...truth.cells, ...truth.claims].filter((c) => VERIFIED.test(c.text));
            for (const v of verified) expect(v.says).not.toMatch(/^(not-stated|partly-stated)$/);
            if (hosting !== 'forge') expect(verified).toEqual([]);
            expect(truth.overflow).toEqual([]);
            if (locale === 'de-DE') expect(truth.english).toEqual([]);
            if (locale === 'en-XA') await expect(untranslated(page)).resolves.toEqual([]);
            if (width === 1280 && locale !== 'en-XA') {
              mkdirSync(ARTIFACTS, { recursive: true });
              await page.locator('.privacy-label').screenshot({ path: join(ARTIFACTS, `${model}-${locale}.png`) });
            }
          });
        } finally {
          session.preview.state.update({ locale: 'en-GB' });
        }
      });
    }
  }
});
