/**
 * Entry point. The context comes first (it is a bridge message, not a resolver call): the user's locale
 * picks the statement's translation and the page's catalog. Then the one getDisclosure call and the
 * catalog's chunk load in parallel with theming; the first render waits for all three so design tokens
 * and words are in place when the page first paints.
 */
import { render } from 'preact';
import { api, enableTheme, loadLocality } from './api';
import { App } from './App';
import { I18nContext } from './i18n/context';
import { loadCatalog, pageLocaleFor } from './i18n/locales';
import { createTranslator } from './i18n/translator';

const where = loadLocality();
const first = where.then((w) => api.getDisclosure({ locale: w.locale }));
const catalog = where.then((w) => loadCatalog(pageLocaleFor(w.locale)).catch(() => loadCatalog('en')));
const root = document.getElementById('app');

if (root) {
  void Promise.all([enableTheme(), where, catalog]).then(([, locality, module]) => {
    const translator = createTranslator(module, locality);
    document.documentElement.lang = translator.locale;
    render(
      <I18nContext.Provider value={translator}>
        <App first={first} />
      </I18nContext.Provider>,
      root,
    );
  });
}
