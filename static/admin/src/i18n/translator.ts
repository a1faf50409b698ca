/**
 * The page's words and formats in one object: `t` looks a message up and fills its placeholders, `rich` does
 * the same with elements as values, and the formatters put dates, numbers, lists and relative times through
 * Intl in the user's locale and time zone. Pure: no DOM, so node tests use it too.
 */
import type { ComponentChild } from 'preact';
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
const DAY_MS = 86_400_000;

function pick(message: Message, count: number | undefined, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const category = count === undefined ? 'other' : rules.select(count);
  return message[category] ?? message.other;
}

function safe<T>(make: (locale: string) => T, locale: string): T {
  try {
    return make(locale);
  } catch {
    return make('en-US');
  }
}

/** A value made on first use, then kept: each Intl formatter loads its own locale data when created. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Creates the first Intl formatters in `locale` (the shared data, then that locale's date and plural data):
 * run it while the page waits on the network so the first render does not pay for loading them.
 */
export function warmUpIntl(locale?: string): void {
  try {
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(0);
    new Intl.PluralRules(locale).select(1);
  } catch {
    // nothing to warm
  }
}

/** The lazily made Intl formatters of `formatLocale`, with times in `zone`. */
function formattersOf(formatLocale: string, zone: string) {
  const dates = (options: Intl.DateTimeFormatOptions) =>
    once(() => safe((l) => new Intl.DateTimeFormat(l, options), formatLocale));
  // Every time on the page names its zone: the user's, or UTC where a UTC day is the question.
  const timeIn = (timeZone: string): Intl.DateTimeFormatOptions => ({
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });
  return {
    numbers: once(() => safe((l) => new Intl.NumberFormat(l), formatLocale)),
    lists: once(() => safe((l) => new Intl.ListFormat(l, { type: 'conjunction' }), formatLocale)),
    calendar: dates({ dateStyle: 'long', timeZone: 'UTC' }),
    local: dates(timeIn(zone)),
    utc: dates(timeIn('UTC')),
    localDate: dates({ dateStyle: 'long', timeZone: zone }),
    // en-CA writes dates as YYYY-MM-DD: the user's calendar day of an instant, to count days between.
    dayInZone: once(
      () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    ),
    relative: once(() => safe((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }), formatLocale)),
    languages: once(() => safe((l) => new Intl.DisplayNames([l], { type: 'language' }), formatLocale)),
  };
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

const valid = (iso: string) => {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? undefined : value;
};

export function createTranslator(module: CatalogModule, where: Locality): Translator {
  const formatLocale = module.formatLocale ?? where.locale;
  const decorate = module.decorate ?? ((text: string) => text);
  const zone = safe((l) => new Intl.DateTimeFormat(l, { timeZone: where.timeZone }), formatLocale).resolvedOptions()
    .timeZone;
  const rules = safe((l) => new Intl.PluralRules(l), formatLocale);
  const f = formattersOf(formatLocale, zone);
  const number = (value: number) => decorate(f.numbers().format(value));
  const format = (formatter: () => Intl.DateTimeFormat, iso: string) => {
    const value = valid(iso);
    return value ? decorate(formatter().format(value)) : iso;
  };

  return {
    locale: where.locale,
    timeZone: zone,
    ...messagesOf(module.messages, rules, number),
    number,
    list: (items) => decorate(f.lists().format(items)),
    calendarDate: (ymd) => (valid(`${ymd}T00:00:00Z`) ? format(f.calendar, `${ymd}T00:00:00Z`) : ymd),
    instant: (iso) => format(f.local, iso),
    instantUtc: (iso) => format(f.utc, iso),
    instantDate: (iso) => format(f.localDate, iso),
    relativeDays(iso, now = new Date()) {
      const value = valid(iso);
      if (!value) return iso;
      const dayOf = (d: Date) => Date.parse(`${f.dayInZone().format(d)}T00:00:00Z`);
      return decorate(f.relative().format(Math.round((dayOf(value) - dayOf(now)) / DAY_MS), 'day'));
    },
    languageName: (tag) => {
      const language = tag.split(/[-_]/)[0] ?? tag;
      return decorate(f.languages().of(language) ?? language);
    },
  };
}
