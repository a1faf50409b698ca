/**
 * The page's export: fetches the statement versions and the receipt chain page by page, and assembles the
 * JSON bundle and the CSV in the browser. Nothing here touches the DOM, so it runs in node tests too.
 */
import type {
  ApiError,
  ErrorCode,
  ExportPage,
  ExportReceiptsPayload,
  Product,
  Result,
  StatementVersions,
  StoredReceipt,
} from '../../../../src/contract';
import { assembleBundle, missingVersions, sealBundle, serializeBundle } from '../../../../toolkit/export/bundle';
import { receiptsCsv } from '../../../../toolkit/export/csv';
import { sha256HexWeb } from './digest';

/** The two resolver calls the export makes: the page passes its typed `api` (static/admin/src/api.ts). */
export interface ExportCalls {
  getStatementVersions: () => Promise<Result<StatementVersions>>;
  exportReceipts: (payload: ExportReceiptsPayload) => Promise<Result<ExportPage>>;
}

export interface ExportProgress {
  /** Receipts fetched so far. */
  fetched: number;
  /** `exportReceipts` calls answered so far. */
  pages: number;
  /** Set while the export waits out a busy storage (Forge's per-minute quota): seconds it waits now. */
  waitingSeconds?: number;
}

export interface CollectedExport {
  /** The bundle file's text (privacy-panel.export/1). */
  json: string;
  /** One row per receipt, for spreadsheets. */
  csv: string;
  /** Receipts in the export. */
  count: number;
  /** The newest receipt's hash: worth showing, so the admin can note it apart from the file. */
  headHash: string;
  product: Product;
  exportedAt: string;
}

/** A resolver answered with an error, or could not be reached. */
export class ExportError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly field?: string;
  /** Set when storage refused for its quota: the export waits and asks again. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly resolver: string,
    error: ApiError,
  ) {
    super(error.message);
    this.name = 'ExportError';
    this.code = error.code;
    this.retryable = error.retryable;
    if (error.field !== undefined) this.field = error.field;
    if (error.retryAfterSeconds !== undefined) this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** Guards against a server that keeps handing out cursors: far beyond any real chain (10^10 keys / 2,000). */
const MAX_PAGES = 100_000;

async function call<T>(resolver: string, request: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request();
  } catch {
    throw new ExportError(resolver, {
      code: 'INTERNAL',
      message: 'The app could not be reached. Check your connection and try again.',
      retryable: true,
    });
  }
  if (typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new ExportError(resolver, {
      code: 'INTERNAL',
      message: 'The app sent an answer this page does not understand.',
      retryable: true,
    });
  }
  if (!result.ok) throw new ExportError(resolver, result.error);
  return result.data;
}

export interface CollectOptions {
  /** The export time; default now. */
  now?: () => Date;
  /** How the export waits when storage is busy; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Storage answers "busy" (429, `retryAfterSeconds` set) once an installation spent its per-minute quota; a
 * large export waits and asks for the same slice again. Other failures are shown at once, with a retry. Waits grow to a minute (a quota window); after this many in a row it gives up.
 */
const BUSY_WAITS_SECONDS = [5, 10, 20, 40, 60, 60, 60, 60];
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `request` until it is not refused as busy, reporting each wait. */
async function patiently<T>(
  request: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
  onWait: (seconds: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      const wait = BUSY_WAITS_SECONDS[attempt];
      const busy = error instanceof ExportError && error.retryAfterSeconds !== undefined;
      if (!busy || wait === undefined) throw error;
      onWait(wait);
      await sleep(wait * 1000);
    }
  }
}

export async function collectExport(
  calls: ExportCalls,
  onProgress: (progress: ExportProgress) => void = () => undefined,
  options: CollectOptions = {},
): Promise<CollectedExport> {
  const { versions, translations } = await call('getStatementVersions', () => calls.getStatementVersions());
  const newestFirst: StoredReceipt[] = [];
  let first: ExportPage | undefined;
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (let pages = 1; ; pages += 1) {
    const page = await patiently(
      () => call('exportReceipts', () => calls.exportReceipts(cursor ? { cursor } : {})),
      options.sleep ?? realSleep,
      (waitingSeconds) => onProgress({ fetched: newestFirst.length, pages: pages - 1, waitingSeconds }),
    );
    first ??= page;
    if (page.installation !== first.installation || page.product !== first.product) {
      throw new ExportError('exportReceipts', {
        code: 'INTERNAL',
        message: 'The export changed installation part-way through. Try again.',
        retryable: true,
      });
    }
    newestFirst.push(...page.receipts);
    onProgress({ fetched: newestFirst.length, pages });
    cursor = page.cursor;
    if (!cursor) break;
    if (seen.has(cursor) || pages >= MAX_PAGES) {
      throw new ExportError('exportReceipts', {
        code: 'INTERNAL',
        message: 'The export did not come to an end. Try again.',
        retryable: true,
      });
    }
    seen.add(cursor);
  }
  const input = {
    exportedAt: (options.now ?? (() => new Date()))().toISOString(),
    installation: first.installation,
    product: first.product,
    salt: first.salt ?? null,
    versions,
    translations: translations ?? [],
    receipts: newestFirst.reverse(),
  };
  const missing = missingVersions(input);
  if (missing.length > 0) {
    // Still export: the data is the admin's. The verifier will name the receipts whose statement is absent.
    console.warn(`Privacy Panel export: statement versions ${missing.join(', ')} are referenced but not published.`);
  }
  const bundle = await sealBundle(assembleBundle(input), sha256HexWeb);
  return {
    json: serializeBundle(bundle),
    csv: receiptsCsv(bundle.receipts),
    count: bundle.receipts.length,
    headHash: bundle.chain.headHash,
    product: bundle.product,
    exportedAt: bundle.exportedAt,
  };
}

/** `privacy-panel-jira-2026-05-01T10-00-00Z.json`: safe on every file system, sorts by time. */
export function exportFileName(product: Product, exportedAt: string, extension: 'json' | 'csv'): string {
  const stamp = exportedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `privacy-panel-${product}-${stamp}.${extension}`;
}
