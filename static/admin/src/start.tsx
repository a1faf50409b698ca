/**
 * Starting the panel in an element, for the Custom UI entry (main.tsx) and for hosts that mount it on a route of
 * their own page (mount.tsx). The context comes first (it is a bridge message, not a resolver call): the user's
 * locale picks the statement's translation and the page's catalog. Then the one getDisclosure call and the
 * catalog's chunk load in parallel with theming, and the page's components (their own chunk, render-panel,
 * which index.html preloads beside the entry) load beside all of them. The translator (its Intl formatters
 * are the costly part) is built while the disclosure is still on its way. The first render waits for the disclosure too, so the first frame is the
 * statement itself; only a disclosure slower than LOADING_AFTER_MS gets a "Loading" frame first.
 */
import type { Disclosure } from '../../../src/contract';
import { api, enableTheme, loadLocality } from './api';
import { loadCatalog, pageLocaleFor } from './i18n/locales';
import { createTranslator, warmUpIntl } from './i18n/translator';
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
  const first = where.then((w) => api.getDisclosure({ locale: w.locale }));
  let arrived: Tried<Disclosure> | undefined;
  void first.then((result) => {
    arrived = result;
  });
  const catalog = where.then((w) => loadCatalog(pageLocaleFor(w.locale)).catch(() => loadCatalog('en')));
  const ui = import('./render-panel');
  // Once the disclosure and the catalog are asked for, while they travel (not before: it takes the main thread).
  void where.then((w) => setTimeout(() => warmUpIntl(w.locale), 0));
  const [, locality, module, { renderPanel }] = await Promise.all([
    options.theme === false ? undefined : enableTheme(),
    where,
    catalog,
    ui,
  ]);
  const translator = createTranslator(module, locality);
  if (arrived === undefined) await Promise.race([first, new Promise((done) => setTimeout(done, LOADING_AFTER_MS))]);
  if (options.documentLang !== false) document.documentElement.lang = translator.locale;
  renderPanel(element, translator, first, arrived);
}
