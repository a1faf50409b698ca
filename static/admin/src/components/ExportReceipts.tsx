/**
 * "Export receipts" (admins): the whole receipt chain as JSON (verifiable offline) or CSV, assembled in the
 * browser. The export code is its own chunk, loaded on the first click, so it costs the first paint nothing.
 */
import type { JSX, Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { forgeInvoke } from '../api';

export type ExportFormat = 'json' | 'csv';

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; format: ExportFormat; fetched: number }
  | { phase: 'failed'; format: ExportFormat; message: string }
  | { phase: 'done'; format: ExportFormat; count: number; headHash: string; fileName: string };

const FORMAT_LABELS: Record<ExportFormat, string> = { json: 'JSON', csv: 'CSV' };
const MIME: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv' };

export const UNINSTALL_WARNING =
  'If this app is uninstalled, Forge deletes its data 28 days later. Export the receipts first.';
export const EXPORT_ANCHOR = 'export';

function plural(n: number): string {
  return `${n} receipt${n === 1 ? '' : 's'}`;
}

async function runExport(format: ExportFormat, onFetched: (n: number) => void): Promise<Run> {
  let mod: typeof import('../export');
  try {
    mod = await import('../export');
  } catch {
    return {
      phase: 'failed',
      format,
      message: 'The export code could not be loaded. Check your connection and try again.',
    };
  }
  try {
    const result = await mod.collectExport(forgeInvoke, (progress) => onFetched(progress.fetched));
    const fileName = mod.exportFileName(result.product, result.exportedAt, format);
    mod.downloadFile(fileName, format === 'json' ? result.json : result.csv, MIME[format]);
    return { phase: 'done', format, count: result.count, headHash: result.headHash, fileName };
  } catch (error) {
    const message = error instanceof Error && error.message ? error.message : 'The export failed.';
    return { phase: 'failed', format, message };
  }
}

export function ExportReceipts({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }): JSX.Element {
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const generation = useRef(0);
  const busy = run.phase === 'running';

  const start = async (format: ExportFormat): Promise<void> => {
    const mine = ++generation.current;
    setRun({ phase: 'running', format, fetched: 0 });
    const outcome = await runExport(format, (fetched) => {
      if (mine === generation.current) setRun({ phase: 'running', format, fetched });
    });
    if (mine === generation.current) setRun(outcome);
  };

  return (
    <section class="card" id={EXPORT_ANCHOR} aria-labelledby="export-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="export-title" tabIndex={-1} ref={headingRef}>
        Export receipts
      </h2>
      <p class="banner banner-warning export-warning">{UNINSTALL_WARNING}</p>
      <p>
        The JSON file holds every receipt, the statement versions they refer to and the hash chain; check it offline
        with <code>npx privacy-panel verify FILE</code>. The CSV has one row per receipt, for spreadsheets.
      </p>
      <div class="button-row">
        {(['json', 'csv'] as const).map((format) => (
          <button
            key={format}
            type="button"
            class="button button-primary"
            disabled={busy}
            onClick={() => void start(format)}
          >
            Download {FORMAT_LABELS[format]}
          </button>
        ))}
      </div>
      <div class="export-status" role="status" aria-live="polite">
        {run.phase === 'running' && (
          <p>{run.fetched === 0 ? 'Starting the export…' : `Fetched ${plural(run.fetched)}…`}</p>
        )}
        {run.phase === 'done' && (
          <div class="export-done">
            <p>
              Exported {plural(run.count)} as {FORMAT_LABELS[run.format]}: <code>{run.fileName}</code>
            </p>
            <p>
              Chain head hash (note it down, apart from the file): <code class="head-hash">{run.headHash}</code>
            </p>
          </div>
        )}
      </div>
      {run.phase === 'failed' && (
        <div class="inline-error" role="alert">
          <p>
            The {FORMAT_LABELS[run.format]} export failed: {run.message}
          </p>
          <button type="button" class="button" onClick={() => void start(run.format)}>
            Retry
          </button>
        </div>
      )}
    </section>
  );
}
