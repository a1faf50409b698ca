/**
 * The facts a piece of prose names on its own: URLs, e-mail addresses, host names, numbers and durations.
 * A translation may say its source's prose in other words, never name one of these that its source text
 * does not (a German retention text saying "99 Jahre" where the source says "28 days"). Numbers are compared
 * as whole numbers, whatever their grouping or decimal mark ("1,000" and "1.000" are 1000; "2.5" and "2,5"
 * are 2 and 5; "2026-11-29" and "29.11.2026" are 29, 11 and 2026); small numbers written as words count
 * as the number in the languages listed below, and so do durations' units. Pure.
 */

export type ProseFactKind = 'url' | 'email' | 'host' | 'number' | 'duration';

export interface ProseFact {
  kind: ProseFactKind;
  /** Normalised: lowercase host or address, whole number, `28 day` or `day`. */
  value: string;
  /** As written, for messages and for finding its line. */
  raw: string;
}

const URL = /\b(?:https?|ftp):\/\/[^\s<>()[\]"'`]+/gi;
const EMAIL = /\b(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
/**
 * Two or more labels ending in a country code or a common generic top-level domain: `eu.vendor.com`,
 * `vendor.de` (not "z.B.", nor `document.cookie`).
 */
const GENERIC_TLDS = [
  'com',
  'net',
  'org',
  'info',
  'biz',
  'edu',
  'gov',
  'mil',
  'int',
  'app',
  'dev',
  'cloud',
  'online',
  'site',
  'tech',
  'xyz',
  'page',
  'services',
  'software',
  'systems',
  'solutions',
  'digital',
  'global',
  'host',
  'link',
  'email',
  'mail',
  'support',
  'help',
  'company',
  'group',
  'team',
  'tools',
  'works',
  'network',
  'website',
  'store',
  'shop',
  'swiss',
  'berlin',
  'london',
  'amazon',
  'google',
  'microsoft',
  'azure',
  'aws',
];
const HOST = new RegExp(
  `\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2}|${GENERIC_TLDS.join('|')})\\b(?![.-]?[a-z0-9])`,
  'gi',
);
/** A run of digits, with any grouping marks or separators between digits. */
const NUMBER = /\d(?:[\d.,\u00A0\u202F\u2009'’-]*\d)?/g;
const THOUSANDS = /^\d{1,3}([.,\u00A0\u202F\u2009'’])\d{3}(?:\1\d{3})*$/;

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'business-day' | 'week' | 'month' | 'year';

interface Language {
  /** Number words, lowercase, to their value. */
  numbers: Readonly<Record<string, number>>;
  /** Unit words (lowercase, whole words) to their unit. */
  units: Readonly<Record<string, Unit>>;
}

function forms(unit: Unit, ...words: string[]): Record<string, Unit> {
  return Object.fromEntries(words.map((w) => [w, unit]));
}

const LANGUAGES: Readonly<Record<string, Language>> = {
  en: {
    numbers: {
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
      eleven: 11,
      twelve: 12,
      twice: 2,
      thirty: 30,
      ninety: 90,
      hundred: 100,
    },
    units: {
      ...forms('second', 'second', 'seconds'),
      ...forms('minute', 'minute', 'minutes'),
      ...forms('hour', 'hour', 'hours', 'hourly'),
      ...forms('day', 'day', 'days', 'daily'),
      ...forms('business-day', 'business day', 'business days', 'working day', 'working days'),
      ...forms('week', 'week', 'weeks', 'weekly', 'fortnight'),
      ...forms('month', 'month', 'months', 'monthly'),
      ...forms('year', 'year', 'years', 'yearly', 'annually', 'annual'),
    },
  },
  de: {
    numbers: {
      zwei: 2,
      drei: 3,
      vier: 4,
      fünf: 5,
      sechs: 6,
      sieben: 7,
      acht: 8,
      neun: 9,
      zehn: 10,
      elf: 11,
      zwölf: 12,
      zweimal: 2,
      dreißig: 30,
      neunzig: 90,
      hundert: 100,
    },
    units: {
      ...forms('second', 'sekunde', 'sekunden'),
      ...forms('minute', 'minute', 'minuten'),
      ...forms('hour', 'stunde', 'stunden', 'stündlich'),
      ...forms('day', 'tag', 'tage', 'tagen', 'tages', 'kalendertag', 'kalendertage', 'kalendertagen', 'täglich'),
      ...forms('business-day', 'werktag', 'werktage', 'werktagen', 'arbeitstag', 'arbeitstage', 'arbeitstagen'),
      ...forms('week', 'woche', 'wochen', 'wöchentlich'),
      ...forms('month', 'monat', 'monate', 'monaten', 'monats', 'monatlich'),
      ...forms('year', 'jahr', 'jahre', 'jahren', 'jahres', 'jährlich'),
    },
  },
};

const UNIT_NAMES: Readonly<Record<Unit, string>> = {
  second: 'seconds',
  minute: 'minutes',
  hour: 'hours',
  day: 'days',
  'business-day': 'business days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};

/** `de-DE` → the German tables; a language without tables still has its digits, URLs, hosts and addresses. */
function languageOf(locale: string): Language | undefined {
  return LANGUAGES[locale.toLowerCase().split(/[-_]/)[0] ?? ''];
}

/** Replaces each match by spaces, so what remains keeps its positions and never runs into a neighbour. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => ' '.repeat(m.length));
}

function numbersIn(raw: string): number[] {
  if (THOUSANDS.test(raw)) return [Number(raw.replace(/\D/g, ''))];
  return raw.split(/\D+/).map(Number);
}

/** Every fact `text` names, in the order written; `locale` picks the number and unit words. */
export function proseFacts(text: string, locale: string): ProseFact[] {
  const facts: ProseFact[] = [];
  const hostOf = (url: string): string | undefined => /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();

  for (const match of text.matchAll(URL)) {
    const raw = match[0].replace(/[.,;:!?'’]+$/, '');
    const host = hostOf(raw);
    facts.push({ kind: 'url', value: raw.replace(/^[a-z]+:\/\/[^/?#]+/i, (m) => m.toLowerCase()), raw });
    if (host) facts.push({ kind: 'host', value: host, raw: host });
  }
  let rest = blank(text, URL);
  for (const match of rest.matchAll(EMAIL)) {
    const raw = match[0].replace(/^mailto:/i, '');
    facts.push({ kind: 'email', value: raw.toLowerCase(), raw });
    const domain = raw.slice(raw.indexOf('@') + 1).toLowerCase();
    facts.push({ kind: 'host', value: domain, raw: domain });
  }
  rest = blank(rest, EMAIL);
  for (const match of rest.matchAll(HOST)) facts.push({ kind: 'host', value: match[0].toLowerCase(), raw: match[0] });
  rest = blank(rest, HOST);

  const language = languageOf(locale);
  // Words and numbers in order, so a unit can take the number just before it ("28 days", "sieben Tage").
  const tokens = [...rest.matchAll(new RegExp(`${NUMBER.source}|\\p{L}+`, 'gu'))].map((m) => m[0]);
  let previous: { value: number; raw: string } | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    const lower = token.toLowerCase();
    if (/^\d/.test(token)) {
      const values = numbersIn(token);
      for (const value of values) facts.push({ kind: 'number', value: String(value), raw: token });
      previous = values.length === 1 ? { value: values[0] as number, raw: token } : undefined;
      continue;
    }
    const word = language?.numbers[lower];
    if (word !== undefined) {
      facts.push({ kind: 'number', value: String(word), raw: token });
      previous = { value: word, raw: token };
      continue;
    }
    const next = tokens[i + 1]?.toLowerCase();
    const pair = next === undefined ? undefined : language?.units[`${lower} ${next}`];
    const unit = pair ?? language?.units[lower];
    if (unit) {
      const raw = pair ? `${token} ${tokens[i + 1] ?? ''}` : token;
      if (pair) i += 1;
      facts.push({ kind: 'duration', value: unit, raw });
      if (previous !== undefined)
        facts.push({ kind: 'duration', value: `${previous.value} ${unit}`, raw: `${previous.raw} ${raw}` });
    }
    previous = undefined;
  }
  return facts;
}

/** How a fact reads in a message: `99 years`, `https://…`. */
export function describeFact(fact: ProseFact): string {
  if (fact.kind !== 'duration') return fact.value;
  const [amount, unit] = fact.value.includes(' ') ? fact.value.split(' ') : [undefined, fact.value];
  const name = UNIT_NAMES[unit as Unit];
  return amount === undefined ? name : `${amount} ${name}`;
}

/**
 * The facts `translation` names that `source` does not, each once, in the order the translation names them.
 * One extra fact is named once: "99 Jahre" is the duration 99 years (not also the number 99 and years), and
 * an extra URL or address is not also its host.
 */
export function factsNotInSource(
  translation: string,
  translationLocale: string,
  source: string,
  sourceLocale: string,
): ProseFact[] {
  const known = new Set(proseFacts(source, sourceLocale).map((f) => `${f.kind}:${f.value}`));
  const seen = new Set<string>();
  const extra = proseFacts(translation, translationLocale).filter((f) => {
    const key = `${f.kind}:${f.value}`;
    if (known.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const amounts = extra.filter((f) => f.kind === 'duration' && f.value.includes(' ')).map((f) => f.value.split(' '));
  const addresses = extra.filter((f) => f.kind === 'url' || f.kind === 'email').map((f) => f.value);
  return extra.filter((f) => {
    if (f.kind === 'number') return !amounts.some(([amount]) => amount === f.value);
    if (f.kind === 'duration' && !f.value.includes(' ')) return !amounts.some(([, unit]) => unit === f.value);
    if (f.kind === 'host') return !addresses.some((a) => a.toLowerCase().includes(f.value));
    return true;
  });
}
