/**
 * The shape of a message catalog. English (messages/en.ts) is the reference: every other catalog has exactly
 * its keys (the type checker and test/browser/catalogs.test.ts say so). A message is either a template with
 * `{name}` placeholders or, when it depends on a count, one template per plural category
 * (Intl.PluralRules) with `other` always present.
 */
import type en from './messages/en';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, Message>;

/** What each catalog module (one chunk per locale) exports. */
export interface CatalogModule {
  messages: Catalog;
  /** The locale Intl formats in when it differs from the user's (the pseudo-locale formats as English). */
  formatLocale?: string;
  /** Applied to every string Intl formats (the pseudo-locale accents them too). */
  decorate?: (text: string) => string;
}

/** The pseudo-locale formats dates and numbers as English (its catalog accents them). */
export const PSEUDO_FORMAT_LOCALE = 'en';
