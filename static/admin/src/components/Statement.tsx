/** The statement's prose: a table of contents, then one section (h2) per source section. */
import type { JSX } from 'preact';
import type { StatementView } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { SectionBlocks } from './Blocks';

export const sectionAnchor = (id: string): string => `section-${id}`;
export const STATEMENT_ANCHOR = 'statement';

interface Props {
  statement: StatementView;
  /** The language of the text when it is a translation. */
  lang: string | undefined;
}

export function Statement({ statement, lang }: Props): JSX.Element {
  const { t } = useI18n();
  return (
    <>
      <nav class="card toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t('statement.contents')}</h2>
        <ol data-content="statement" lang={lang}>
          {statement.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${sectionAnchor(s.id)}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <article
        class="statement"
        id={STATEMENT_ANCHOR}
        tabIndex={-1}
        aria-label={t('statement.label')}
        data-content="statement"
        data-version={statement.version}
        lang={lang}
      >
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
