/**
 * "Keep your receipt" (an admin who acknowledged): downloads their own receipt with the chain head now, to
 * keep apart from the site. An auditor checks any export against it (`--witness`, or the offline verifier),
 * so an export cannot drop, replace or rewrite it unseen. The export code is loaded on the first click.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useI18n } from '../i18n/context';
import { InlineError } from './InlineError';

type Run =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'none' }
  | { phase: 'failed' }
  | { phase: 'done'; fileName: string; seq: number; head: number };

export function KeepReceipt({ accountId }: { accountId: string }): JSX.Element {
  const { t, rich } = useI18n();
  const [run, setRun] = useState<Run>({ phase: 'idle' });

  const start = async (): Promise<void> => {
    setRun({ phase: 'running' });
    try {
      const mod = await import('../export');
      const kept = await mod.collectKeptReceipt(api, accountId);
      if (!kept) {
        setRun({ phase: 'none' });
        return;
      }
      mod.downloadFile(kept.fileName, kept.text, 'application/json');
      setRun({ phase: 'done', fileName: kept.fileName, seq: kept.seq, head: kept.headSeq });
    } catch {
      setRun({ phase: 'failed' });
    }
  };

  return (
    <div class="keep-receipt">
      <p class="subtle">{t('keep.explain')}</p>
      <button
        type="button"
        class="button"
        id="keep-receipt"
        disabled={run.phase === 'running'}
        onClick={() => void start()}
      >
        {t('keep.button')}
      </button>
      <div role="status" aria-live="polite">
        {run.phase === 'running' && <p>{t('keep.running')}</p>}
        {run.phase === 'none' && <p>{t('keep.none')}</p>}
        {run.phase === 'done' && (
          <p class="keep-done">
            {rich('keep.done', { file: <code>{run.fileName}</code>, seq: run.seq, head: run.head })}
          </p>
        )}
      </div>
      {run.phase === 'failed' && <InlineError what={t('keep.failed')} onRetry={() => void start()} />}
    </div>
  );
}
