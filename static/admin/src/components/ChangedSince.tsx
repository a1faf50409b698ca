/**
 * "What changed since version V": when the site's acknowledgment is outdated, the section-level diff between
 * the acknowledged version and the one in force, fetched after the first paint.
 */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import { DiffView } from './DiffView';
import { InlineError } from './InlineError';
import { useDiff } from './use-diff';

export function ChangedSince({ from, to }: { from: number; to: number }): JSX.Element {
  const { t } = useI18n();
  const { load, fetchDiff } = useDiff();
  useEffect(() => {
    void fetchDiff(from, to);
  }, [fetchDiff, from, to]);

  return (
    <div class="changed-since" aria-busy={load.phase === 'loading' ? 'true' : undefined}>
      <h3 id="changed-since-title">{t('changed.title', { version: from })}</h3>
      {load.phase === 'ready' ? (
        <DiffView diff={load.diff} current={to} />
      ) : load.phase === 'failed' ? (
        <InlineError what={t('changed.failed')} code={load.error.code} onRetry={() => void fetchDiff(from, to)} />
      ) : (
        <p class="subtle">{t('changed.loading')}</p>
      )}
    </div>
  );
}
