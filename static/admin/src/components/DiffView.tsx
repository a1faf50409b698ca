/** What changed between two statement versions: the facts that changed, and sections added, removed or changed. */
import type { JSX } from 'preact';
import type { VersionDiff } from '../../../../src/contract';
import type { SectionChange } from '../../../../src/domain/statement/diff';
import { sectionAnchor } from './Statement';

interface Props {
  diff: VersionDiff;
  /** The version on screen: sections of it (added or changed) link to their place in the statement. */
  current: number;
}

function SectionLine({ change, linkable }: { change: SectionChange; linkable: boolean }): JSX.Element {
  const title =
    linkable && change.kind !== 'removed' ? <a href={`#${sectionAnchor(change.id)}`}>{change.title}</a> : change.title;
  const kind = change.kind === 'added' ? 'Added' : change.kind === 'removed' ? 'Removed' : 'Changed';
  return (
    <li>
      <span class={`diff-kind diff-${change.kind}`}>{kind}:</span> {title}
      {change.previousTitle !== undefined && ` (was “${change.previousTitle}”)`}
    </li>
  );
}

export function DiffView({ diff, current }: Props): JSX.Element {
  if (diff.facts.length === 0 && diff.sections.length === 0) {
    return (
      <p class="diff">
        Versions {diff.from} and {diff.to} say the same thing: no facts or sections differ.
      </p>
    );
  }
  return (
    <div class="diff" data-from={diff.from} data-to={diff.to}>
      {diff.facts.length > 0 && (
        <>
          <p class="diff-heading">Facts</p>
          <ul class="diff-list diff-facts">
            {diff.facts.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {diff.sections.length > 0 && (
        <>
          <p class="diff-heading">Sections</p>
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
