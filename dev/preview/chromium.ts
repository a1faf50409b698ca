/// <reference lib="dom" />
/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), for the browser tests and the
 * bench, and a recorder of the resolver calls the page sends through the preview's bridge.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface RecordedInvoke {
  key: string;
  /** Whether the status (the first meaningful paint) was on screen when the call was sent. */
  painted: boolean;
}

/** From the next navigation on, records each resolver call the page sends through the preview's bridge. */
export async function recordInvokes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { key: string; painted: boolean }[] = [];
    (globalThis as unknown as { __recordedInvokes: typeof seen }).__recordedInvokes = seen;
    const original = globalThis.fetch.bind(globalThis);
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.includes('/__preview/bridge') && typeof init?.body === 'string') {
        const body = JSON.parse(init.body) as { name: string; args?: { functionKey?: string } };
        if (body.name === 'invoke')
          seen.push({ key: body.args?.functionKey ?? '?', painted: document.getElementById('status') !== null });
      }
      return original(input, init);
    };
  });
}

export function recordedInvokes(page: Page): Promise<RecordedInvoke[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __recordedInvokes: { key: string; painted: boolean }[] }).__recordedInvokes,
  );
}
