/**
 * "Export receipts" (admins): the whole receipt chain as JSON (verifiable offline) or CSV, assembled in the
 * browser. The export code is its own chunk, loaded on the first click, so it costs the first paint nothing.
 */
import type { JSX, Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../../../../src/contract';
import { api } from '../api';
import { useLatest } from '../hooks/use-latest';
import { useI18n } from '../i18n/context';
import { InlineError } from './InlineError';

export type ExportFormat = 'json' | 'csv';

/** Why an export failed: a resolver's error code, the export chunk not loading, or anything else. */
type Failure = ErrorCode | 'code-not-loaded' | 'other';

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; format: ExportFormat; fetched: number }
  | { phase: 'failed'; format: ExportFormat; failure: Failure }
  | { phase: 'done'; format: ExportFormat; count: number; headHash: string; fileName: string };

const FORMAT_LABELS: Record<ExportFormat, string> = { json: 'JSON', csv: 'CSV' };
const MIME: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv' };

/** Forge deletes an uninstalled app's data this many days later. */
export const UNINSTALL_DAYS = 28;
export const EXPORT_ANCHOR = 'export';
/** The offline verifier, built beside the page (scripts/build-verifier.ts): one self-contained HTML file. */
export const VERIFIER_FILE = 'privacy-panel-verifier.html';

async function runExport(format: ExportFormat, onFetched: (n: number) => void): Promise<Run> {
  let mod: typeof import('../export');
  try {
    mod = await import('../export');
  } catch {
    return { phase: 'failed', format, failure: 'code-not-loaded' };
  }
  try {
    const result = await mod.collectExport(api, (progress) => onFetched(progress.fetched));
    const fileName = mod.exportFileName(result.product, result.exportedAt, format);
    mod.downloadFile(fileName, format === 'json' ? result.json : result.csv, MIME[format]);
    return { phase: 'done', format, count: result.count, headHash: result.headHash, fileName };
  } catch (error) {
    return { phase: 'failed', format, failure: error instanceof mod.ExportError ? error.code : 'other' };
  }
}

export function ExportReceipts({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }): JSX.Element {
  const { t, rich } = useI18n();
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const { next } = useLatest();
  const busy = run.phase === 'running';

  const start = async (format: ExportFormat): Promise<void> => {
    const current = next();
    setRun({ phase: 'running', format, fetched: 0 });
    const outcome = await runExport(format, (fetched) => {
      if (current()) setRun({ phase: 'running', format, fetched });
    });
    if (current()) setRun(outcome);
  };

  const reason = (failure: Failure): string =>
    failure === 'code-not-loaded'
      ? t('export.codeNotLoaded')
      : failure === 'other'
        ? t('export.failedGeneric')
        : t(`error.${failure}`);

  return (
    <section class="card" id={EXPORT_ANCHOR} aria-labelledby="export-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="export-title" tabIndex={-1} ref={headingRef}>
        {t('export.title')}
      </h2>
      <p class="banner banner-warning export-warning">{t('export.receiptsWarning', { days: UNINSTALL_DAYS })}</p>
      <p>{rich('export.explain', { command: <code>privacy-panel verify FILE</code> })}</p>
      <div class="button-row">
        {(['json', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            class="button button-primary"
            disabled={busy}
            onClick={() => void start(format)}
          >
            {t('export.download', { format: FORMAT_LABELS[format] })}
          </button>
        ))}
      </div>
      <div class="export-status" role="status" aria-live="polite">
        {run.phase === 'running' && (
          <p>{run.fetched === 0 ? t('export.starting') : t('export.fetched', { count: run.fetched })}</p>
        )}
        {run.phase === 'done' && (
          <div class="export-done">
            <p>
              {rich('export.done', {
                count: run.count,
                format: FORMAT_LABELS[run.format],
                file: <code>{run.fileName}</code>,
              })}
            </p>
            <p>{rich('export.headHash', { hash: <code class="head-hash">{run.headHash}</code> })}</p>
          </div>
        )}
      </div>
      <p class="export-verifier">
        <a class="button" href={VERIFIER_FILE} download={VERIFIER_FILE}>
          {t('export.verifier')}
        </a>{' '}
        <span class="subtle">{t('export.verifierExplain')}</span>
      </p>
      {run.phase === 'failed' && (
        <InlineError
          what={t('export.failed', { format: FORMAT_LABELS[run.format], reason: reason(run.failure) })}
          onRetry={() => void start(run.format)}
        />
      )}
    </section>
  );
}
