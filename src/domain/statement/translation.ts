/**
 * Translated statements. A vendor translates one published version into a locale: the prose sections and
 * the human-readable fact texts, each fact text addressed by a path (`dataStored.receipts.purpose`). Names,
 * domains, e-mail addresses, numbers and flags are never translated: they stay the source's. Pure.
 */
import type {
  CompiledStatement,
  CompiledTranslation,
  TranslationSource,
  StatementChange,
  StatementFacts,
  StatementSource,
} from './types';
import { SOURCE_FORMAT } from './types';

export type { CompiledTranslation, TranslationSource };
import { factsOf, purposeText } from './facts';

/** What a receipt records about the text an admin read when it was a translation. */
export type { ShownText } from '../receipts/types';

/** Keys whose string values are prose, wherever they appear in the facts (`not-stated` never is). */
const TEXT_KEYS = new Set(['summary', 'description', 'purpose', 'retention', 'visibleTo', 'how', 'responseTime']);
/** Lists whose string entries are prose (`security.measures.0`). */
const TEXT_LISTS = new Set(['measures', 'excludes']);
const NOT_STATED = 'not-stated';
/** Lists whose entries' `name` is prose too (elsewhere a name is a proper noun: a vendor, a sub-processor). */
const NAMED_LISTS = new Set(['dataStored', 'dataAccessed', 'vendorRecords']);

function entryKey(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    for (const field of ['id', 'domain', 'name']) {
      const value = record[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return String(index);
}

function isTextRetention(value: unknown): value is { text: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { text?: unknown }).text === 'string'
  );
}

function mapValue(
  value: unknown,
  path: string[],
  list: string | null,
  visit: (path: string, text: string) => string,
): unknown {
  const key = path[path.length - 1] ?? '';
  if (typeof value === 'string') {
    const prose =
      TEXT_KEYS.has(key) ||
      (key === 'name' && list !== null && NAMED_LISTS.has(list)) ||
      (list !== null && TEXT_LISTS.has(list) && path[path.length - 2] === list);
    return prose && value !== NOT_STATED ? visit(path.join('.'), value) : value;
  }
  // A retention given as `{ text }` (format 2) keeps the path of a text retention (format 1): `….retention`.
  if (key === 'retention' && isTextRetention(value)) return { text: visit(path.join('.'), value.text) };
  if (Array.isArray(value)) {
    return value.map((item, i) => mapValue(item, [...path, entryKey(item, i)], key || null, visit));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapValue(v, [...path, k], path.length >= 2 ? list : null, visit)]),
    );
  }
  return value;
}

/** Every human-readable text of a version, by path: what a translation must give, no more, no less. */
export function sourceTexts(facts: StatementFacts, change: StatementChange | null): Record<string, string> {
  const out: Record<string, string> = {};
  mapValue(facts, [], null, (path, text) => {
    out[path] = text;
    return text;
  });
  if (change) out['change.summary'] = change.summary;
  return out;
}

/** The facts with each text replaced by its translation (the source's where a path is missing). */
export function translatedFacts(facts: StatementFacts, texts: Readonly<Record<string, string>>): StatementFacts {
  // A translated purpose is punctuated as the source's is: without its final full stop (see `purposeText`).
  const translate = (path: string, text: string): string => {
    const translated = texts[path];
    if (translated === undefined) return text;
    return path.endsWith('.purpose') ? purposeText(translated) : translated;
  };
  return mapValue(facts, [], null, translate) as StatementFacts;
}

export function translatedChange(
  change: StatementChange | null,
  texts: Readonly<Record<string, string>>,
): StatementChange | null {
  return change ? { ...change, summary: texts['change.summary'] ?? change.summary } : null;
}

/** A published translation by its hash. */
export function findTranslation(
  catalog: { translations?: CompiledTranslation[] },
  hash: string,
): CompiledTranslation | undefined {
  return catalog.translations?.find((t) => t.hash === hash);
}

/** A version's source with its texts and sections replaced by a translation's (for diffs in the admin's language). */
export function translatedSource(source: StatementSource, translation: CompiledTranslation): StatementSource {
  const { texts, sections } = translation.source;
  // Facts of an older model are brought forward first: translations name the texts of the current model.
  return {
    ...source,
    format: SOURCE_FORMAT,
    change: translatedChange(source.change, texts),
    facts: translatedFacts(factsOf(source), texts),
    sections,
  };
}

/** The language of a locale tag: `de-DE` → `de`. */
export const languageOf = (locale: string): string => (locale.split(/[-_]/)[0] ?? locale).toLowerCase();

/**
 * The translation to show for `locale` with `current` in force: the one of `current` itself when there is
 * one, else the newest of an older version (then `stale`). Exact locale first, then the same language.
 */
export function translationFor(
  translations: readonly CompiledTranslation[],
  current: CompiledStatement,
  locale: string,
): { translation: CompiledTranslation; stale: boolean } | undefined {
  const usable = translations.filter((t) => t.source.translates.version <= current.source.version);
  const exact = usable.filter((t) => t.source.locale.toLowerCase() === locale.replace('_', '-').toLowerCase());
  const candidates =
    exact.length > 0 ? exact : usable.filter((t) => languageOf(t.source.locale) === languageOf(locale));
  // Newest version translated; among revisions of one version the last listed (the catalog lists the current one last).
  let best: CompiledTranslation | undefined;
  for (const t of candidates) if (!best || t.source.translates.version >= best.source.translates.version) best = t;
  if (!best) return undefined;
  const stale =
    best.source.translates.version !== current.source.version || best.source.translates.hash !== current.hash;
  return { translation: best, stale };
}
