/** What changed between two statement versions: the facts that changed, and sections added, removed or changed. */
import type { JSX } from 'preact';
import type { SectionChange, VersionDiff } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { sectionAnchor } from './Statement';

interface Props {
  diff: VersionDiff;
  /** The version on screen: sections of it (added or changed) link to their place in the statement. */
  current: number;
}

function SectionLine({ change, linkable }: { change: SectionChange; linkable: boolean }): JSX.Element {
  const { t, rich } = useI18n();
  const title =
    linkable && change.kind !== 'removed' ? <a href={`#${sectionAnchor(change.id)}`}>{change.title}</a> : change.title;
  return (
    <li>
      <span class={`diff-kind diff-${change.kind}`}>{t(`diff.${change.kind}`)}</span>{' '}
      <span data-content="statement">{title}</span>
      {change.previousTitle !== undefined && (
        <> {rich('diff.was', { title: <span data-content="statement">{change.previousTitle}</span> })}</>
      )}
    </li>
  );
}

export function DiffView({ diff, current }: Props): JSX.Element {
  const { t } = useI18n();
  if (diff.facts.length === 0 && diff.sections.length === 0) {
    return <p class="diff">{t('diff.same', { from: diff.from, to: diff.to })}</p>;
  }
  return (
    <div class="diff" data-from={diff.from} data-to={diff.to}>
      {diff.facts.length > 0 && (
        <>
          <p class="diff-heading">{t('diff.facts')}</p>
          {/* The fact lines are the build's own English summary of the change (src/domain/statement/diff.ts). */}
          <ul class="diff-list diff-facts" data-content="diff" lang="en">
            {diff.facts.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {diff.sections.length > 0 && (
        <>
          <p class="diff-heading">{t('diff.sections')}</p>
          <ul class="diff-list diff-sections">
            {diff.sections.map((change) => (
              <SectionLine key={`${change.kind}-${change.id}`} change={change} linkable={diff.to === current} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
