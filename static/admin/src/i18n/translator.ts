/**
 * The page's words and formats in one object: `t` looks a message up and fills its placeholders, `rich` does
 * the same with elements as values, and the formatters put dates, numbers, lists and relative times through
 * Intl in the user's locale and time zone (src/page-formats.ts holds the formats). Pure: no DOM, so node tests
 * use it too.
 */
import type { ComponentChild } from 'preact';
import {
  formattersOf,
  inLocale,
  languageOf,
  listWith,
  relativeDaysOf,
  seedKey,
  validInstant,
  writeValue,
  zoneOf,
  type FormatSeed,
  type SeedKind,
} from '../../../../src/contract';
import type { Catalog, CatalogModule, Message, MessageKey } from './catalog';

export type Params = Record<string, string | number>;

/** Where the page is read: the user's locale and time zone as the product reports them. */
export interface Locality {
  locale: string;
  timeZone: string;
}

export interface Translator {
  /** The locale the page speaks (BCP 47), e.g. `de-DE`; `lang` of the page. */
  readonly locale: string;
  readonly timeZone: string;
  t: (key: MessageKey, params?: Params) => string;
  /** Like `t`, but placeholders may be elements; returns the pieces in order. */
  rich: (key: MessageKey, params: Record<string, ComponentChild>) => ComponentChild[];
  number: (value: number) => string;
  /** "a, b and c" in the user's language. */
  list: (items: readonly string[]) => string;
  /** A calendar date (YYYY-MM-DD), such as an effective date: never shifted by a time zone. */
  calendarDate: (ymd: string) => string;
  /** An instant (ISO 8601) as a local date and time, with the time zone's name ("2 Dec 2026, 09:15 GMT"). */
  instant: (iso: string) => string;
  /** An instant as a date and time in UTC, saying so: beside a UTC day ("in force on"). */
  instantUtc: (iso: string) => string;
  /** An instant as a local date. */
  instantDate: (iso: string) => string;
  /** How long ago an instant was, in days ("today", "3 days ago"). */
  relativeDays: (iso: string, now?: Date) => string;
  /** A language's name in the page's language, from a language or locale tag (`de-DE` → "German"). */
  languageName: (tag: string) => string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function pick(message: Message, count: number | undefined, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const category = count === undefined ? 'other' : rules.select(count);
  return message[category] ?? message.other;
}

/** A message's text for `params` (its plural form by `count`), as text (`t`) or with components (`rich`). */
function messagesOf(
  messages: Catalog,
  rules: Intl.PluralRules,
  number: (value: number) => string,
): Pick<Translator, 't' | 'rich'> {
  const template = (key: MessageKey, params: Record<string, unknown> | undefined) =>
    pick(messages[key], typeof params?.count === 'number' ? params.count : undefined, rules);
  return {
    t(key, params) {
      return template(key, params).replace(PLACEHOLDER, (whole, name: string) => {
        const value = params?.[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? number(value) : value;
      });
    },
    rich(key, params) {
      const text = template(key, params);
      const out: ComponentChild[] = [];
      let last = 0;
      for (const match of text.matchAll(PLACEHOLDER)) {
        const name = match[1] ?? '';
        out.push(text.slice(last, match.index));
        const value = params[name];
        out.push(value === undefined ? match[0] : typeof value === 'number' ? number(value) : value);
        last = match.index + match[0].length;
      }
      out.push(text.slice(last));
      return out;
    },
  };
}

/** The seed when it was formatted for exactly this locale and zone; any other is ignored. */
function usableSeed(seed: FormatSeed | undefined, formatLocale: string, timeZone: string): FormatSeed | undefined {
  return seed && seed.locale === formatLocale && seed.timeZone === timeZone ? seed : undefined;
}

/**
 * The translator of `module` in `where`. With a format seed (getDisclosure's, formatted for this locale and
 * zone), the values it names, whole numbers below 1000 and lists come from the seed, and no Intl formatter
 * is made until a value outside it is asked for: the first frame then makes none. Everything else is Intl's.
 */
export function createTranslator(module: CatalogModule, where: Locality, formatSeed?: FormatSeed): Translator {
  const formatLocale = module.formatLocale ?? where.locale;
  const seed = usableSeed(formatSeed, formatLocale, where.timeZone);
  const decorate = module.decorate ?? ((text: string) => text);
  const zone = seed?.zone ?? zoneOf(formatLocale, where.timeZone);
  const rules = inLocale((l) => new Intl.PluralRules(l), formatLocale);
  const f = formattersOf(formatLocale, zone);
  // The seed's text for a value it names, else the page's own (writeValue, the same for both); as given if none.
  const written = (kind: SeedKind, input: string) => {
    const text = seed?.values[seedKey(kind, input)] ?? writeValue[kind](f, input);
    return text === undefined ? input : decorate(text);
  };
  const number = (value: number) =>
    decorate(
      seed?.plainDigits && Number.isInteger(value) && value >= 0 && value < 1000
        ? String(value)
        : f.numbers().format(value),
    );
  const format = (formatter: () => Intl.DateTimeFormat, iso: string) => {
    const value = validInstant(iso);
    return value ? decorate(formatter().format(value)) : iso;
  };

  return {
    locale: where.locale,
    timeZone: zone,
    ...messagesOf(module.messages, rules, number),
    number,
    list: (items) => decorate(seed?.list ? listWith(seed.list, items) : f.lists().format(items)),
    calendarDate: (ymd) => written('calendarDate', ymd),
    instant: (iso) => format(f.local, iso),
    instantUtc: (iso) => format(f.utc, iso),
    instantDate: (iso) => written('instantDate', iso),
    relativeDays(iso, now = new Date()) {
      const value = validInstant(iso);
      if (!value) return iso;
      const relative = seed?.relative;
      const known = relative?.values[iso];
      if (relative && known !== undefined && now >= new Date(relative.from) && now < new Date(relative.until))
        return decorate(known);
      return decorate(relativeDaysOf(f, value, now));
    },
    languageName: (tag) => written('languageName', languageOf(tag)),
  };
}
