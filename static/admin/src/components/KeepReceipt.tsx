/**
 * "Keep your receipt" (an admin who acknowledged): downloads their own receipt with the chain head now, to
 * keep apart from the site. An auditor checks any export against it (`--witness`, or the offline verifier),
 * so an export cannot drop, replace or rewrite it unseen. Offered beside the acknowledgment in force and, in
 * the history (`row`), beside each earlier acknowledgment of theirs. The export code loads on the first click.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { KeepWhich } from '../export/keep';
import { useI18n } from '../i18n/context';
import { InlineError } from './InlineError';

type Run =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'none' }
  | { phase: 'failed' }
  | { phase: 'done'; fileName: string; seq: number; head: number };

interface Props {
  which: KeepWhich;
  /** A history row's button: the version and seq it keeps, no explanation beside it. */
  row?: { version: number; seq: number };
}

export function KeepReceipt({ which, row }: Props): JSX.Element {
  const { t, rich } = useI18n();
  const [run, setRun] = useState<Run>({ phase: 'idle' });

  const start = async (): Promise<void> => {
    setRun({ phase: 'running' });
    try {
      const mod = await import('../export');
      const kept = await mod.collectKeptReceipt({ exportReceipts: api.exportReceiptsRetried }, which);
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
    <div class={row ? 'keep-receipt keep-receipt-row' : 'keep-receipt'}>
      {!row && <p class="subtle">{t('keep.explain')}</p>}
      <button
        type="button"
        class="button"
        id={row ? undefined : 'keep-receipt'}
        aria-label={row ? t('keep.rowLabel', { version: row.version, seq: String(row.seq) }) : undefined}
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
