/**
 * Every published version (from the disclosure: no extra call), and a picker that diffs any two of them
 * (diffVersions, on demand). Admins also get "In force on a date" below it.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Materiality, VersionSummary } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import { DiffView } from './DiffView';
import { InlineError } from './InlineError';
import { useDiff } from './use-diff';

export function MaterialityBadge({ materiality }: { materiality: Materiality }): JSX.Element {
  const { t } = useI18n();
  return <span class={`materiality materiality-${materiality}`}>{t(`materiality.${materiality}`)}</span>;
}

interface Props {
  versions: VersionSummary[];
  current: number;
  /** Rendered at the end of the section (the admins' "In force on a date"). */
  children?: ComponentChildren;
}

function VersionTable({ versions, current }: Omit<Props, 'children'>): JSX.Element {
  const { t, calendarDate } = useI18n();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div class="table-scroll">
      <table class="versions-table">
        <caption class="visually-hidden">{t('versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.version')}</th>
            <th scope="col">{t('versions.effective')}</th>
            <th scope="col">{t('versions.whatChanged')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <th scope="row">
                {v.version}
                {v.version === current && <span class="subtle"> {t('versions.inForce')}</span>}
              </th>
              <td>
                <time dateTime={v.effectiveDate}>{calendarDate(v.effectiveDate)}</time>
              </td>
              <td>
                {v.change ? (
                  <>
                    <MaterialityBadge materiality={v.change.materiality} />{' '}
                    <span data-content="statement">{v.change.summary}</span>
                  </>
                ) : (
                  t('versions.first')
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
  const { t } = useI18n();
  return (
    <label class="field" for={id}>
      <span>{label}</span>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {versions.map((v) => (
          <option key={v} value={String(v)}>
            {t('versions.option', { version: v })}
          </option>
        ))}
      </select>
    </label>
  );
}

function Compare({ versions, current }: { versions: number[]; current: number }): JSX.Element {
  const { t } = useI18n();
  const previous = versions.filter((v) => v < current).pop() ?? current;
  const [from, setFrom] = useState(previous);
  const [to, setTo] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  const { load, fetchDiff } = useDiff();

  const compare = (event: Event): void => {
    event.preventDefault();
    if (from === to) {
      setProblem(t('compare.pickTwo'));
      return;
    }
    setProblem(null);
    void fetchDiff(Math.min(from, to), Math.max(from, to));
  };

  return (
    <div class="compare">
      <h3 id="compare-title">{t('compare.title')}</h3>
      <form class="inline-form" aria-labelledby="compare-title" onSubmit={compare}>
        <VersionSelect id="diff-from" label={t('compare.from')} value={from} versions={versions} onChange={setFrom} />
        <VersionSelect id="diff-to" label={t('compare.to')} value={to} versions={versions} onChange={setTo} />
        <button type="submit" class="button" disabled={load.phase === 'loading'}>
          {t('compare.submit')}
        </button>
      </form>
      <div class="compare-result" role="status" aria-live="polite">
        {problem ? (
          <p class="inline-error">{problem}</p>
        ) : load.phase === 'loading' ? (
          <p class="subtle">{t('compare.loading', { from: load.from, to: load.to })}</p>
        ) : load.phase === 'failed' ? (
          <InlineError what={t('compare.failed')} code={load.error.code} alert={false} />
        ) : load.phase === 'ready' ? (
          <>
            <p class="diff-title">{t('compare.heading', { from: load.diff.from, to: load.diff.to })}</p>
            <DiffView diff={load.diff} current={current} />
          </>
        ) : null}
      </div>
    </div>
  );
}

export function Versions({ versions, current, children }: Props): JSX.Element {
  const { t } = useI18n();
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  return (
    <section class="card" id="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <VersionTable versions={versions} current={current} />
      {numbers.length > 1 ? (
        <Compare versions={numbers} current={current} />
      ) : (
        <p class="subtle">{t('versions.onlyOne')}</p>
      )}
      {children}
    </section>
  );
}
