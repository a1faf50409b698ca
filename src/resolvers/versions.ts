import type { StatementVersions, VersionDiff } from '../contract';
import { findVersion } from '../domain/statement/catalog';
import { diffStatements } from '../domain/statement/diff';
import { translatedSource, translationFor } from '../domain/statement/translation';
import type { CompiledStatement, StatementCatalog, StatementSource } from '../domain/statement/types';
import type { ResolverDeps } from './deps';
import { ResolverError } from './errors';
import { callerOf } from './guard';
import { parseDiff, parseEmpty } from './payloads';

/** Every published version verbatim: public text, no personal data, no storage read. */
export function getStatementVersions(deps: ResolverDeps, payload: unknown, context: unknown): StatementVersions {
  parseEmpty(payload);
  callerOf(context);
  const versions = deps.catalog.versions.map(({ source, hash }) => ({ source, hash }));
  const translations = deps.catalog.translations?.map(({ source, hash }) => ({ source, hash }));
  return translations && translations.length > 0 ? { versions, translations } : { versions };
}

/**
 * Both versions in `locale` when each has a current (not stale) translation into it, so the diff reads in
 * the admin's language; otherwise both in the source language, never a mix.
 */
function inLanguage(
  catalog: StatementCatalog,
  pair: [CompiledStatement, CompiledStatement],
  locale: string | undefined,
): [StatementSource, StatementSource] {
  const [a, b] = pair;
  if (!locale || !catalog.translations) return [a.source, b.source];
  const ta = translationFor(catalog.translations, a, locale);
  const tb = translationFor(catalog.translations, b, locale);
  if (!ta || !tb || ta.stale || tb.stale) return [a.source, b.source];
  return [translatedSource(a.source, ta.translation), translatedSource(b.source, tb.translation)];
}

export function diffVersions(deps: ResolverDeps, payload: unknown, context: unknown): VersionDiff {
  const { from, to, locale } = parseDiff(payload);
  callerOf(context);
  const older = findVersion(deps.catalog, from);
  const newer = findVersion(deps.catalog, to);
  if (!older) throw new ResolverError('INVALID_INPUT', `from: version ${from} was never published`, 'from');
  if (!newer) throw new ResolverError('INVALID_INPUT', `to: version ${to} was never published`, 'to');
  return diffStatements(...inLanguage(deps.catalog, [older, newer], locale));
}
