/// <reference lib="dom" />
/**
 * Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and the preview server
 * started in-process over a fresh temporary storage folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Download, Frame, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../dev/preview/chromium';
import { startPreview, type PreviewHandle, type PreviewOptions, type Viewpoint } from '../../dev/preview/server';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';
import type { Disclosure, Result } from '../../src/contract';

// Shared with the bench (scripts/ never imports test/).
export {
  CHROMIUM,
  launchChromium,
  recordedInvokes,
  recordInvokes,
  type RecordedInvoke,
} from '../../dev/preview/chromium';

export const ROOT = resolve(__dirname, '../..');
export const BUILD_INDEX = join(ROOT, 'static/admin/build/index.html');
export const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
export const SCREENSHOTS = join(ROOT, '.artifacts/screenshots');

/** Fails with a message that says what to do, instead of a confusing timeout. */
export function requireBuild(): void {
  if (!existsSync(BUILD_INDEX)) {
    throw new Error(
      `${BUILD_INDEX} is missing. Build the admin page first: \`npm run build\` (npm test does it in pretest).`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium`);
  }
}

export interface PreviewSession {
  preview: PreviewHandle;
  storageDir: string;
  stop(): Promise<void>;
}

/** What a test may change about the preview: another catalog (and the evidence beside it), another page. */
export type TempPreviewOptions = Pick<PreviewOptions, 'baseCatalog' | 'evidence' | 'buildDir'>;

/** `options` serves another catalog (and the evidence beside it), or another built page, instead of this app's. */
export async function startTempPreview(options: TempPreviewOptions = {}): Promise<PreviewSession> {
  const storageDir = mkdtempSync(join(tmpdir(), 'privacy-panel-preview-'));
  const preview = await startPreview({ ...options, port: 0, storageDir, locale: 'en-GB', timezone: 'UTC' });
  return {
    preview,
    storageDir,
    stop: async () => {
      await preview.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession extends PreviewSession {
  browser: Browser;
  /** A temporary folder for what the page downloads; removed by stop(). */
  downloads: string;
  /** Empties the storage and views the Jira page as Ada (an admin) in the light theme; `change` adds to that. */
  reset(change?: Partial<Viewpoint>): void;
  /** A page of the size every browser test uses (downloads accepted); `options` adds to it. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Saves a download under `downloads` (a unique name ending in the suggested one); returns its path. */
  save(download: Download): Promise<string>;
}

/**
 * The set-up of a browser test file: the built page checked, a preview over fresh storage, Debian's Chromium,
 * and a downloads folder. `stop()` closes and removes all of it (call it in afterAll).
 */
export async function startBrowserSession(options: TempPreviewOptions = {}): Promise<BrowserSession> {
  requireBuild();
  const session = await startTempPreview(options);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await session.stop();
    throw error;
  }
  const downloads = mkdtempSync(join(tmpdir(), 'privacy-panel-downloads-'));
  let saved = 0;
  return {
    ...session,
    browser,
    downloads,
    reset: (change = {}) => {
      session.preview.state.reset();
      session.preview.state.update({ accountId: PREVIEW_ACCOUNTS.ada, product: 'jira', theme: 'light', ...change });
    },
    newPage: (extra = {}) =>
      browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true, ...extra }),
    save: async (download) => {
      const path = join(downloads, `${String(++saved).padStart(3, '0')}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      return path;
    },
    stop: async () => {
      await browser.close();
      await session.stop();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** The Content Security Policy refusals the page reports on its console from now on (filled as they come). */
export function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  return found;
}

/**
 * Opens the app page on its own (as Forge would frame it) and waits for the statement to render: the first
 * screen, then the cards the page renders right after it.
 */
export async function openApp(page: Page, preview: PreviewHandle): Promise<void> {
  await page.goto(preview.appUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#status').waitFor();
  await page.locator('main[data-rendered="all"]').waitFor({ state: 'attached' });
}

export async function screenshot(page: Page | Frame, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  const target = 'screenshot' in page ? page : page.page();
  await target.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Acknowledges the version in force as `accountId`, straight through the preview's resolvers (no browser). */
export async function acknowledgeAs(preview: PreviewHandle, accountId: string): Promise<void> {
  const state = preview.state;
  const before = state.viewpoint.accountId;
  state.update({ accountId });
  try {
    const disclosure = (await state.invoke('getDisclosure', undefined)) as Result<Disclosure>;
    if (!disclosure.ok) throw new Error(disclosure.error.message);
    const { version, hash } = disclosure.data.statement;
    const result = (await state.invoke('acknowledge', { version, hash })) as Result<unknown>;
    if (!result.ok) throw new Error(result.error.message);
  } finally {
    state.update({ accountId: before });
  }
}

/**
 * Runs of ASCII letters outside statement content (`[data-content]`) and code, in text and in the
 * attributes a user meets (aria-label, title, placeholder, alt): under the pseudo-locale every word of the
 * page's own is accented, so each one found bypassed the catalog. JSON and CSV are file format names.
 */
export async function untranslated(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const allowed = new Set(['JSON', 'CSV']);
    const found: string[] = [];
    const scan = (text: string, where: string) => {
      for (const match of text.matchAll(/[A-Za-z]{2,}/g))
        if (!allowed.has(match[0])) found.push(`${where}: “${text.trim()}”`);
    };
    const skip = (el: Element | null) => el?.closest('[data-content], code, script, style') !== null && el !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!skip(parent)) scan(node.textContent ?? '', parent?.tagName.toLowerCase() ?? '?');
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) scan(value, `${el.tagName.toLowerCase()}[${name}]`);
      }
    }
    return [...new Set(found)];
  });
}
