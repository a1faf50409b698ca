/**
 * Which catalog serves a user's locale, and the dynamic import that loads it: each catalog is its own chunk,
 * so a page in German never downloads the English or pseudo-locale messages.
 */
import { PSEUDO_FORMAT_LOCALE, type CatalogModule } from './catalog';

export const PAGE_LOCALES = ['en', 'de', 'en-XA'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

/** `de-AT` → `de`; `en-XA` (the pseudo-locale) stays itself; anything else falls back to English. */
export function pageLocaleFor(locale: string): PageLocale {
  const tag = locale.replace('_', '-');
  if (tag.toLowerCase() === 'en-xa') return 'en-XA';
  const language = tag.split('-')[0]?.toLowerCase();
  return language === 'de' ? 'de' : 'en';
}

/** The locale the page's Intl formats in for a user's locale: the user's own, but English for the pseudo-locale. */
export const formatLocaleFor = (locale: string): string =>
  pageLocaleFor(locale) === 'en-XA' ? PSEUDO_FORMAT_LOCALE : locale;

export function loadCatalog(locale: PageLocale): Promise<CatalogModule> {
  switch (locale) {
    case 'de':
      return import('./messages/de');
    case 'en-XA':
      return import('./messages/en-XA');
    case 'en':
      return import('./messages/en').then((m) => ({ messages: m.default }));
  }
}
