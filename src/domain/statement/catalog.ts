/** Questions about the published versions, answered from the catalog alone (pure). */
import type { CompiledStatement, StatementCatalog, StatementVersionSummary } from './types';

/** The version in force: the last published. Throws on an empty catalog (the build never ships one). */
export function currentStatement(catalog: StatementCatalog): CompiledStatement {
  const last = catalog.versions[catalog.versions.length - 1];
  if (!last) throw new Error('the statement catalog is empty');
  return last;
}

export function findVersion(catalog: StatementCatalog, version: number): CompiledStatement | undefined {
  return catalog.versions.find((v) => v.source.version === version);
}

export function summaryOf(statement: CompiledStatement): StatementVersionSummary {
  const { version, effectiveDate, change } = statement.source;
  return { version, effectiveDate, hash: statement.hash, change };
}

/** Every version, oldest first. */
export function versionSummaries(catalog: StatementCatalog): StatementVersionSummary[] {
  return catalog.versions.map(summaryOf);
}

/**
 * The version in force on a day: the one whose effective date is the latest on or before it (the highest
 * version when several share that date). `isoDate` is YYYY-MM-DD or a full ISO timestamp (its UTC day is
 * used). `undefined` before the first effective date.
 */
export function inForceOn(catalog: StatementCatalog, isoDate: string): CompiledStatement | undefined {
  const day = isoDate.slice(0, 10);
  let found: CompiledStatement | undefined;
  for (const statement of catalog.versions) {
    if (statement.source.effectiveDate <= day && (!found || statement.source.version > found.source.version))
      found = statement;
  }
  return found;
}

/** The versions published after `version`, oldest first. */
export function changesSince(catalog: StatementCatalog, version: number): StatementVersionSummary[] {
  return catalog.versions.filter((v) => v.source.version > version).map(summaryOf);
}

/**
 * The one rule for "an acknowledgment stands across editorial changes", over version summaries (what the
 * page holds): an acknowledgment of `acknowledgedVersion` stands for `forVersion` when both are published,
 * `acknowledgedVersion <= forVersion`, and every version after it up to `forVersion` is an editorial change.
 * Site status, in-force answers and the page's banner (re-exported by src/contract.ts) all use this.
 */
export function standsAcross(
  versions: readonly StatementVersionSummary[],
  acknowledgedVersion: number,
  forVersion: number,
): boolean {
  const published = (n: number) => versions.some((v) => v.version === n);
  if (!published(acknowledgedVersion) || !published(forVersion) || acknowledgedVersion > forVersion) return false;
  return versions
    .filter((v) => v.version > acknowledgedVersion && v.version <= forVersion)
    .every((v) => v.change?.materiality === 'editorial');
}

/** `standsAcross` on the catalog; `forVersion` defaults to the version in force. */
export function acknowledgmentStandsFor(
  catalog: StatementCatalog,
  acknowledgedVersion: number,
  forVersion: number = currentStatement(catalog).source.version,
): boolean {
  return standsAcross(versionSummaries(catalog), acknowledgedVersion, forVersion);
}
