/**
 * The statement catalog the preview serves, and "Publish a new statement version": version N+1 built from
 * the version in force, with a visible material change, compiled with the real compiler.
 */
import { compileSource } from '../../toolkit/statement/compile';
import type { StatementCatalog, StatementSource } from '../../src/domain/statement/types';

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
  return { ...base, versions: [...base.versions, ...published.map(compileSource)] };
}
