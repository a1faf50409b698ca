/**
 * "What changed since version V": when the site's acknowledgment is outdated, the section-level diff between
 * the acknowledged version and the one in force, fetched after the first paint.
 */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { DiffView } from './DiffView';
import { useDiff } from './useDiff';

export function ChangedSince({ from, to }: { from: number; to: number }): JSX.Element {
  const { load, fetchDiff } = useDiff();
  useEffect(() => {
    void fetchDiff(from, to);
  }, [fetchDiff, from, to]);

  return (
    <div class="changed-since" aria-busy={load.phase === 'loading' ? 'true' : undefined}>
      <h3 id="changed-since-title">What changed since version {from}</h3>
      {load.phase === 'ready' ? (
        <DiffView diff={load.diff} current={to} />
      ) : load.phase === 'failed' ? (
        <div class="inline-error" role="alert">
          <p>What changed could not be loaded: {load.error.message}</p>
          <button type="button" class="button" onClick={() => void fetchDiff(from, to)}>
            Retry
          </button>
        </div>
      ) : (
        <p class="subtle">Loading what changed…</p>
      )}
    </div>
  );
}
