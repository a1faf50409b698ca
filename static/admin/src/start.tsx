/**
 * Starting the panel in an element, for the Custom UI entry (main.tsx) and for hosts that mount it on a route of
 * their own page (mount.tsx). The context comes first (it is a bridge message, not a resolver call): the user's
 * locale picks the statement's translation and the page's catalog. Then the one getDisclosure call and the
 * catalog's chunk load in parallel with theming; the first render waits for all three so design tokens and
 * words are in place when the panel first paints.
 */
import { render } from 'preact';
import { api, enableTheme, loadLocality } from './api';
import { App } from './App';
import { I18nContext } from './i18n/context';
import { loadCatalog, pageLocaleFor } from './i18n/locales';
import { createTranslator } from './i18n/translator';

export interface StartOptions {
  /** Call view.theme.enable() first; default true. Pass false when the host already enabled theming. */
  theme?: boolean;
  /** Set the document's `lang` to the page's locale; default true (false when mounted inside a host's page). */
  documentLang?: boolean;
}

export async function startPanel(element: Element, options: StartOptions = {}): Promise<void> {
  const where = loadLocality();
  const first = where.then((w) => api.getDisclosure({ locale: w.locale }));
  const catalog = where.then((w) => loadCatalog(pageLocaleFor(w.locale)).catch(() => loadCatalog('en')));
  const [, locality, module] = await Promise.all([options.theme === false ? undefined : enableTheme(), where, catalog]);
  const translator = createTranslator(module, locality);
  if (options.documentLang !== false) document.documentElement.lang = translator.locale;
  render(
    <I18nContext.Provider value={translator}>
      <App first={first} />
    </I18nContext.Provider>,
    element,
  );
}
