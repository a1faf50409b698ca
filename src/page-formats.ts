/**
 * The page's Intl formats in one place for both sides. The page formats its dates, numbers, lists, relative
 * days and language names with them; getDisclosure formats the first screen's values with the same ones, in
 * the locale and time zone the page asks for (a format seed), so the page paints its first frame without
 * making an Intl formatter: in Chromium the first formatter a page makes costs 15–25 ms of CPU (the engine's
 * set of available locales), and the statement's first paint should not wait for it. Pure: Intl only, no
 * Forge, no DOM. The function's Node and the browser each format with their own ICU (CLDR data): the seed
 * is the function's wording of the same format, used only for the values it names.
 */

const DAY_MS = 86_400_000;

/** Makes an Intl object in `locale`, or in en-US when the engine refuses the locale. */
export function inLocale<T>(make: (locale: string) => T, locale: string): T {
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

/** The time zone as Intl names it (`Asia/Calcutta` for `Asia/Kolkata` in some engines); throws for none. */
export const zoneOf = (locale: string, timeZone: string): string =>
  inLocale((l) => new Intl.DateTimeFormat(l, { timeZone }), locale).resolvedOptions().timeZone;

/** Every time on the page names its zone: the user's, or UTC where a UTC day is the question. */
const timeIn = (timeZone: string): Intl.DateTimeFormatOptions => ({
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
  timeZone,
});

/** The page's lazily made Intl formatters in `locale`, with times in `zone` (as zoneOf names it). */
export function formattersOf(locale: string, zone: string) {
  const dates = (options: Intl.DateTimeFormatOptions) =>
    once(() => inLocale((l) => new Intl.DateTimeFormat(l, options), locale));
  return {
    numbers: once(() => inLocale((l) => new Intl.NumberFormat(l), locale)),
    lists: once(() => inLocale((l) => new Intl.ListFormat(l, { type: 'conjunction' }), locale)),
    calendar: dates({ dateStyle: 'long', timeZone: 'UTC' }),
    local: dates(timeIn(zone)),
    utc: dates(timeIn('UTC')),
    localDate: dates({ dateStyle: 'long', timeZone: zone }),
    // en-CA writes dates as YYYY-MM-DD: the user's calendar day of an instant, to count days between.
    dayInZone: once(
      () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    ),
    relative: once(() => inLocale((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }), locale)),
    languages: once(() => inLocale((l) => new Intl.DisplayNames([l], { type: 'language' }), locale)),
  };
}

export type Formatters = ReturnType<typeof formattersOf>;

export const validInstant = (iso: string): Date | undefined => {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? undefined : value;
};

/** The language a language or locale tag names (`de-DE` → `de`). */
export const languageOf = (tag: string): string => tag.split(/[-_]/)[0] ?? tag;

/** The UTC midnight of the calendar day `at` falls on in the formatters' zone. */
const dayStart = (f: Formatters, at: Date): number => Date.parse(`${f.dayInZone().format(at)}T00:00:00Z`);

/** How many of the zone's calendar days lie from `now` to `value` (negative: in the past). */
const daysBetween = (f: Formatters, value: Date, now: Date): number =>
  Math.round((dayStart(f, value) - dayStart(f, now)) / DAY_MS);

/** How long ago `value` was, in the zone's calendar days ("today", "3 days ago"). */
export const relativeDaysOf = (f: Formatters, value: Date, now: Date): string =>
  f.relative().format(daysBetween(f, value, now), 'day');

// ---- the list pattern ----

/**
 * A conjunction list's literal text around its items, read from Intl: `pair` for two items (before, between,
 * after); `long` for three or more (before, after the first, between middle items, before the last, after).
 */
export interface ListPattern {
  pair: [string, string, string];
  long: [string, string, string, string, string];
}

/** A list written with a pattern, as Intl.ListFormat composes CLDR's patterns. */
export function listWith(pattern: ListPattern, items: readonly string[]): string {
  const [first = '', ...rest] = items;
  if (rest.length === 0) return first;
  const last = rest.pop() ?? '';
  if (rest.length === 0) return `${pattern.pair[0]}${first}${pattern.pair[1]}${last}${pattern.pair[2]}`;
  const [before, afterFirst, middle, beforeLast, after] = pattern.long;
  return `${before}${first}${afterFirst}${rest.join(middle)}${beforeLast}${last}${after}`;
}

/** The literals between the items of `format(items)`, or undefined when they are not items-then-literals. */
function literalsOf(lists: Intl.ListFormat, items: string[]): string[] | undefined {
  const literals: string[] = [];
  let text = '';
  for (const part of lists.formatToParts(items)) {
    if (part.type === 'literal') text += part.value;
    else {
      literals.push(text);
      text = '';
    }
  }
  literals.push(text);
  return literals.length === items.length + 1 ? literals : undefined;
}

/** Items whose neighbours change a separator in some languages (Spanish y/e and o/u, Hebrew's vav). */
const PROBES = ['Jira', 'i', 'hielo', 'o', 'hora', '8', '11', 'אבג', 'ü', '1'];

/**
 * The locale's list pattern, when one pattern writes every list as Intl does (checked against Intl on items
 * known to change separators in some languages); undefined when the separators depend on the items.
 */
export function listPatternOf(lists: Intl.ListFormat): ListPattern | undefined {
  const pair = literalsOf(lists, ['A', 'B']);
  const long = literalsOf(lists, ['A', 'B', 'C', 'D']);
  if (pair?.length !== 3 || long?.length !== 5) return undefined;
  const pattern: ListPattern = {
    pair: [pair[0] ?? '', pair[1] ?? '', pair[2] ?? ''],
    long: [long[0] ?? '', long[1] ?? '', long[2] ?? '', long[3] ?? '', long[4] ?? ''],
  };
  for (const probe of PROBES) {
    for (let n = 2; n <= 5; n += 1) {
      for (const at of [0, 1, n - 1]) {
        const items = Array.from({ length: n }, (_, i) =>
          i === at ? probe : (PROBES[(i + 3) % PROBES.length] ?? 'X'),
        );
        if (listWith(pattern, items) !== lists.format(items)) return undefined;
      }
    }
  }
  return pattern;
}

// ---- the seed ----

/** What the page asks the first screen's values to be formatted in: its format locale and time zone. */
export interface FormatRequest {
  locale: string;
  timeZone: string;
}

/** The values a first screen shows that need Intl: calendar days, instants as local dates, language tags. */
export interface FirstScreenValues {
  calendarDates: string[];
  instantDates: string[];
  /** Instants shown as days ago ("today", "3 days ago"). */
  relativeDays: string[];
  languages: string[];
}

/** The first screen's values, formatted by the function as the page would format them. */
export interface FormatSeed extends FormatRequest {
  /** The time zone as the function's Intl names it (what the page shows as the zone). */
  zone: string;
  /** Whole numbers from 0 to 999 are written as their ASCII digits in this locale. */
  plainDigits: boolean;
  /** The locale's list pattern, when one pattern writes every list (null: the page asks Intl). */
  list: ListPattern | null;
  /** By seedKey: `calendarDate 2026-03-01`, `instantDate 2026-03-02T10:00:00.000Z`, `languageName de`. */
  values: Record<string, string>;
  /** "n days ago" by instant, true from `from` until `until` (the zone's calendar day they were written on). */
  relative: { from: string; until: string; values: Record<string, string> };
}

export type SeedKind = 'calendarDate' | 'instantDate' | 'languageName';
export const seedKey = (kind: SeedKind, input: string): string => `${kind} ${input}`;

/**
 * How the page writes each kind of value a seed can hold, for the page and the seed alike: undefined for an
 * input that is not one (a day or instant that does not parse), which the page shows as given.
 */
export const writeValue: Record<SeedKind, (f: Formatters, input: string) => string | undefined> = {
  calendarDate: (f, ymd) => {
    const at = validInstant(`${ymd}T00:00:00Z`);
    return at && f.calendar().format(at);
  },
  instantDate: (f, iso) => {
    const at = validInstant(iso);
    return at && f.localDate().format(at);
  },
  languageName: (f, language) => f.languages().of(language) ?? language,
};

/** The first instant of the zone's calendar day after (`step` > 0) or at the start of (`step` < 0) `now`'s. */
function dayEdge(f: Formatters, now: number, step: 1 | -1): number {
  const today = f.dayInZone().format(now);
  // A zone's day is at most 26 hours long: 30 hours away lies another day. Bisect to the millisecond.
  let inside = now;
  let outside = now + step * 30 * 3_600_000;
  while (Math.abs(outside - inside) > 1) {
    const mid = Math.round((inside + outside) / 2);
    if (f.dayInZone().format(mid) === today) inside = mid;
    else outside = mid;
  }
  return step > 0 ? outside : inside;
}

const PLAIN_DIGIT_SAMPLES = [0, 1, 7, 10, 42, 100, 999];

/** Formats `values` as the page would in `request`; throws a RangeError for a time zone Intl does not know. */
export function seedFormats(request: FormatRequest, values: FirstScreenValues, now: Date): FormatSeed {
  const zone = zoneOf(request.locale, request.timeZone);
  const f = formattersOf(request.locale, zone);
  const numbers = f.numbers();
  const asked: [SeedKind, string][] = [
    ...values.calendarDates.map((ymd): [SeedKind, string] => ['calendarDate', ymd]),
    ...values.instantDates.map((iso): [SeedKind, string] => ['instantDate', iso]),
    ...values.languages.map((tag): [SeedKind, string] => ['languageName', languageOf(tag)]),
  ];
  const out: Record<string, string> = {};
  for (const [kind, input] of asked) {
    const text = writeValue[kind](f, input);
    if (text !== undefined) out[seedKey(kind, input)] = text;
  }
  const relative: Record<string, string> = {};
  for (const iso of values.relativeDays) {
    const at = validInstant(iso);
    if (at) relative[iso] = relativeDaysOf(f, at, now);
  }
  return {
    ...request,
    zone,
    plainDigits:
      numbers.resolvedOptions().numberingSystem === 'latn' &&
      PLAIN_DIGIT_SAMPLES.every((n) => numbers.format(n) === String(n)),
    list: listPatternOf(f.lists()) ?? null,
    values: out,
    relative: {
      from: new Date(dayEdge(f, now.getTime(), -1)).toISOString(),
      until: new Date(dayEdge(f, now.getTime(), 1)).toISOString(),
      values: relative,
    },
  };
}
