/**
 * The statement catalog the preview serves, and "Publish a new statement version": version N+1 built from
 * the version in force, with a visible material change, compiled with the real compiler.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileCatalog, compileSource } from '../../src/domain/statement/compile';
import type { StatementCatalog, StatementSource } from '../../src/domain/statement/types';
import { SAMPLE_STATEMENT } from './sample-statement';

export const BUNDLED_CATALOG_FILE = resolve(__dirname, '../../src/generated/statements.json');

function isCatalog(value: unknown): value is StatementCatalog {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { versions?: unknown }).versions) &&
    (value as { versions: unknown[] }).versions.length > 0
  );
}

/** The bundled catalog when `npm run build:policy` has written it, else the sample statement. */
export function loadBaseCatalog(file: string = BUNDLED_CATALOG_FILE): { catalog: StatementCatalog; origin: 'bundled' | 'sample' } {
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isCatalog(parsed)) return { catalog: parsed, origin: 'bundled' };
  }
  return { catalog: compileCatalog([SAMPLE_STATEMENT]), origin: 'sample' };
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The next version's source: same facts, one added paragraph in the first section, a material change. */
export function nextVersionSource(current: StatementSource, now: Date = new Date()): StatementSource {
  const version = current.version + 1;
  const [first, ...rest] = current.sections;
  const added = `Preview change for version ${version}: the app now also records the time zone of each acknowledgment.`;
  const sections = first
    ? [{ ...first, markdown: `${first.markdown.replace(/\n*$/, '')}\n\n${added}\n` }, ...rest]
    : [{ id: 'changes', title: 'Changes', markdown: `${added}\n` }];
  const effectiveDate = today(now) > current.effectiveDate ? today(now) : current.effectiveDate;
  return {
    ...current,
    version,
    effectiveDate,
    change: { summary: 'Acknowledgments now also record a time zone (a preview change).', materiality: 'material' },
    sections,
  };
}

/** The base catalog plus the versions published in the preview, compiled. */
export function withPublished(base: StatementCatalog, published: readonly StatementSource[]): StatementCatalog {
  return { versions: [...base.versions, ...published.map(compileSource)] };
}
