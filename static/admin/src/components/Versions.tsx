/**
 * Every published version (from the disclosure: no extra call), and a picker that diffs any two of them
 * (diffVersions, on demand). Admins also get "In force on a date" below it.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Materiality, VersionSummary } from '../../../../src/contract';
import type { Locality } from '../api';
import { formatCalendarDate } from '../format';
import { DiffView } from './DiffView';
import { useDiff } from './useDiff';

export const MATERIALITY_LABELS: Record<Materiality, string> = {
  material: 'material: asks again',
  editorial: 'editorial: notice only',
};

export function MaterialityBadge({ materiality }: { materiality: Materiality }): JSX.Element {
  return <span class={`materiality materiality-${materiality}`}>{MATERIALITY_LABELS[materiality]}</span>;
}

interface Props {
  versions: VersionSummary[];
  current: number;
  where: Locality;
  /** Rendered at the end of the section (the admins' "In force on a date"). */
  children?: ComponentChildren;
}

function VersionTable({ versions, current, where }: Omit<Props, 'children'>): JSX.Element {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div class="table-scroll">
      <table class="versions-table">
        <caption class="visually-hidden">Published statement versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Effective</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row">
                {v.version}
                {v.version === current && <span class="subtle"> (in force)</span>}
              </th>
              <td>
                <time dateTime={v.effectiveDate}>{formatCalendarDate(v.effectiveDate, where)}</time>
              </td>
              <td>
                {v.change ? (
                  <>
                    <MaterialityBadge materiality={v.change.materiality} /> {v.change.summary}
                  </>
                ) : (
                  'First version'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionSelect({
  id,
  label,
  value,
  versions,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  versions: number[];
  onChange: (v: number) => void;
}): JSX.Element {
  return (
    <label class="field" for={id}>
      <span>{label}</span>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {versions.map((v) => (
          <option key={v} value={String(v)}>
            Version {v}
          </option>
        ))}
      </select>
    </label>
  );
}

function Compare({ versions, current }: { versions: number[]; current: number }): JSX.Element {
  const previous = versions.filter((v) => v < current).pop() ?? current;
  const [from, setFrom] = useState(previous);
  const [to, setTo] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  const { load, fetchDiff } = useDiff();

  const compare = (event: Event): void => {
    event.preventDefault();
    if (from === to) {
      setProblem('Pick two different versions.');
      return;
    }
    setProblem(null);
    void fetchDiff(Math.min(from, to), Math.max(from, to));
  };

  return (
    <div class="compare">
      <h3 id="compare-title">Compare two versions</h3>
      <form class="inline-form" aria-labelledby="compare-title" onSubmit={compare}>
        <VersionSelect id="diff-from" label="From" value={from} versions={versions} onChange={setFrom} />
        <VersionSelect id="diff-to" label="To" value={to} versions={versions} onChange={setTo} />
        <button type="submit" class="button" disabled={load.phase === 'loading'}>
          Show what changed
        </button>
      </form>
      <div class="compare-result" role="status" aria-live="polite">
        {problem ? (
          <p class="inline-error">{problem}</p>
        ) : load.phase === 'loading' ? (
          <p class="subtle">
            Comparing versions {load.from} and {load.to}…
          </p>
        ) : load.phase === 'failed' ? (
          <div class="inline-error">
            <p>The versions could not be compared: {load.error.message}</p>
          </div>
        ) : load.phase === 'ready' ? (
          <>
            <p class="diff-title">
              From version {load.diff.from} to version {load.diff.to}:
            </p>
            <DiffView diff={load.diff} current={current} />
          </>
        ) : null}
      </div>
    </div>
  );
}

export function Versions({ versions, current, where, children }: Props): JSX.Element {
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  return (
    <section class="card" id="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <VersionTable versions={versions} current={current} where={where} />
      {numbers.length > 1 ? (
        <Compare versions={numbers} current={current} />
      ) : (
        <p class="subtle">There is only one version so far.</p>
      )}
      {children}
    </section>
  );
}
