/** A validated `StatementSource` → its hash and safe block tree; many of them → the catalog. */
import { hashCanonical } from '../../src/domain/canonical';
import { markdownToBlocks } from './markdown';
import { Slugger } from './slug';
import type {
  CompiledStatement,
  RenderedSection,
  SourceSection,
  StatementCatalog,
  StatementSource,
} from '../../src/domain/statement/types';

/** SHA-256 over the RFC 8785 canonical JSON of the source: what receipts commit to. */
export function hashSource(source: StatementSource): string {
  return hashCanonical(source);
}

/** Sections as safe blocks, heading anchors unique across them (a translation's compile the same way). */
export function compileSections(sections: readonly SourceSection[]): RenderedSection[] {
  const slugger = new Slugger(sections.map((s) => s.id));
  return sections.map((s) => ({ id: s.id, title: s.title, blocks: markdownToBlocks(s.markdown, slugger) }));
}

export function compileSource(source: StatementSource): CompiledStatement {
  return { source, hash: hashSource(source), sections: compileSections(source.sections) };
}

/** Every version compiled, oldest first. Throws on two sources with the same version. */
export function compileCatalog(sources: readonly StatementSource[]): StatementCatalog {
  const sorted = [...sources].sort((a, b) => a.version - b.version);
  sorted.forEach((s, i) => {
    if (i > 0 && sorted[i - 1]?.version === s.version) throw new Error(`two statements share version ${s.version}`);
  });
  return { versions: sorted.map(compileSource) };
}
