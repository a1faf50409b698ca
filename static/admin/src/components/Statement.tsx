/** The statement's prose: a table of contents, then one section (h2) per source section. */
import type { JSX } from 'preact';
import type { StatementView } from '../../../../src/contract';
import { SectionBlocks } from './Blocks';

export const sectionAnchor = (id: string): string => `section-${id}`;

export function Statement({ statement }: { statement: StatementView }): JSX.Element {
  return (
    <>
      <nav class="card toc" aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          {statement.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${sectionAnchor(s.id)}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <article class="statement" aria-label="Data-handling statement">
        {statement.sections.map((s) => (
          <section key={s.id} class="statement-section" aria-labelledby={sectionAnchor(s.id)}>
            <h2 id={sectionAnchor(s.id)}>{s.title}</h2>
            <SectionBlocks blocks={s.blocks} />
          </section>
        ))}
      </article>
    </>
  );
}
