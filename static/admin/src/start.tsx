/**
 * Starting the panel in an element, for the Custom UI entry (main.tsx) and for hosts that mount it on a route of
 * their own page (mount.tsx). The context comes first (it is a bridge message, not a resolver call): the user's
 * locale picks the statement's translation and the page's catalog. Then the one getDisclosure call and the
 * catalog's chunk load in parallel with theming, and the page's components (their own chunk, render-panel,
 * which index.html preloads beside the entry) load beside all of them. The first render waits for the
 * disclosure too, so the first frame is the statement itself; only a disclosure slower than LOADING_AFTER_MS
 * gets a "Loading" frame first. The disclosure brings the first screen's values formatted (its format seed),
 * so the translator makes no Intl formatter for the first frame: in Chromium the first one costs 15–25 ms.
 */
import type { Disclosure } from '../../../src/contract';
import { api, enableTheme, loadLocality } from './api';
import { formatLocaleFor, loadCatalog, pageLocaleFor } from './i18n/locales';
import { createTranslator } from './i18n/translator';
import type { Tried } from './retry';

export interface StartOptions {
  /** Call view.theme.enable() first; default true. Pass false when the host already enabled theming. */
  theme?: boolean;
  /** Set the document's `lang` to the page's locale; default true (false when mounted inside a host's page). */
  documentLang?: boolean;
}

/** How long the page stays blank waiting for the disclosure before it paints "Loading" instead. */
export const LOADING_AFTER_MS = 400;

export async function startPanel(element: Element, options: StartOptions = {}): Promise<void> {
  const where = loadLocality();
  // The first screen's dates, language names and list pattern come formatted with the disclosure, in the
  // page's format locale and the viewer's zone: the first frame then makes no Intl formatter.
  const first = where.then((w) =>
    api.getDisclosure({ locale: w.locale, formats: { locale: formatLocaleFor(w.locale), timeZone: w.timeZone } }),
  );
  let arrived: Tried<Disclosure> | undefined;
  void first.then((result) => {
    arrived = result;
  });
  const catalog = where.then((w) => loadCatalog(pageLocaleFor(w.locale)).catch(() => loadCatalog('en')));
  const ui = import('./render-panel');
  const [, locality, module, { renderPanel }] = await Promise.all([
    options.theme === false ? undefined : enableTheme(),
    where,
    catalog,
    ui,
  ]);
  if (arrived === undefined) await Promise.race([first, new Promise((done) => setTimeout(done, LOADING_AFTER_MS))]);
  const seed = arrived?.ok ? arrived.data.formats : undefined;
  const translator = createTranslator(module, locality, seed);
  if (options.documentLang !== false) document.documentElement.lang = translator.locale;
  renderPanel(element, translator, first, arrived);
}
