/** The page on a draft statement (the preview, `build --draft`): it says so, and offers no Acknowledge button. */
import { sampleCatalog } from '../support/statements';
import { openApp, startBrowserSession } from '../browser/harness';

/** What an admin's page shows of the acknowledgment, for this catalog. */
async function acknowledgmentCard(draft: boolean): Promise<{ notice: string | null; buttons: number }> {
  const catalog = sampleCatalog();
  const session = await startBrowserSession({ baseCatalog: draft ? { ...catalog, draft: true } : catalog });
  try {
    session.reset();
    const page = await session.newPage();
    await openApp(page, session.preview);
    const notice = page.locator('#draft-notice');
    return {
      notice: (await notice.count()) > 0 ? await notice.textContent() : null,
      buttons: await page.locator('#acknowledge').count(),
    };
  } finally {
    await session.stop();
  }
}

test('an admin sees "Draft, not yet published" and no button; the same statement published has the button', async () => {
  const draft = await acknowledgmentCard(true);
  expect(draft.notice).toContain('Draft, not yet published');
  expect(draft.buttons).toBe(0);
  expect(await acknowledgmentCard(false)).toEqual({ notice: null, buttons: 1 });
}, 180_000);
