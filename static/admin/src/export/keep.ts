/**
 * "Keep your receipt": finds one of the admin's acknowledgments in the chain (their newest, or the one at a
 * seq the history shows), newest page first, and writes it with the chain head the page sees now
 * (`privacy-panel.receipt/1`). Right after acknowledging, the first page holds it. Nothing here touches
 * the DOM.
 */
import type { ExportPage, ExportReceiptsPayload, Result, StoredReceipt } from '../../../../src/contract';
import {
  type KeptReceipt,
  keptReceipt,
  keptReceiptFileName,
  ownNewestAcknowledgment,
  serializeKeptReceipt,
} from '../../../../toolkit/export/kept-receipt';
import { ExportError } from './collect';

export interface KeepCalls {
  exportReceipts: (payload: ExportReceiptsPayload) => Promise<Result<ExportPage>>;
}

export interface KeptFile {
  fileName: string;
  text: string;
  seq: number;
  headSeq: number;
}

/** Pages read at most: a receipt further back than this many newest receipts is not looked for. */
const MAX_PAGES = 50;

async function page(calls: KeepCalls, cursor: string | undefined): Promise<ExportPage> {
  let result: Result<ExportPage>;
  try {
    result = await calls.exportReceipts(cursor ? { cursor } : {});
  } catch {
    throw new ExportError('exportReceipts', {
      code: 'INTERNAL',
      message: 'The app could not be reached. Check your connection and try again.',
      retryable: true,
    });
  }
  if (!result.ok) throw new ExportError('exportReceipts', result.error);
  return result.data;
}

/** Whose receipt to keep: the admin's newest acknowledgment, or theirs at `seq` (a history row). */
export interface KeepWhich {
  accountId: string;
  seq?: number;
}

/** The acknowledgment of `accountId` at `seq` among one page, or undefined. */
function ownAt(receipts: readonly StoredReceipt[], accountId: string, seq: number): KeptReceipt['receipt'] | undefined {
  const found = receipts.find((r) => r.receipt.seq === seq);
  return found && found.receipt.kind === 'acknowledgment' && found.accountId === accountId ? found.receipt : undefined;
}

/**
 * The admin's receipt file, or undefined when no such acknowledgment of theirs is in the chain (or it is
 * further back than MAX_PAGES slices).
 */
export async function collectKeptReceipt(
  calls: KeepCalls,
  which: KeepWhich,
  now: () => Date = () => new Date(),
): Promise<KeptFile | undefined> {
  const { accountId, seq } = which;
  let cursor: string | undefined;
  let head: { seq: number; hash: string } | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const found = await page(calls, cursor);
    const newest = found.receipts[0]?.receipt;
    if (!head && newest) head = { seq: newest.seq, hash: newest.hash };
    const receipt =
      seq === undefined ? ownNewestAcknowledgment(found.receipts, accountId) : ownAt(found.receipts, accountId, seq);
    if (receipt && head) {
      const kept = keptReceipt({
        keptAt: now().toISOString(),
        installation: found.installation,
        product: found.product,
        receipt,
        head,
      });
      return {
        fileName: keptReceiptFileName(kept),
        text: serializeKeptReceipt(kept),
        seq: receipt.seq,
        headSeq: head.seq,
      };
    }
    // Newest first: once a slice reaches below `seq`, no later slice holds it.
    const oldest = found.receipts[found.receipts.length - 1]?.receipt.seq;
    if (seq !== undefined && oldest !== undefined && oldest <= seq) return undefined;
    cursor = found.cursor;
    if (!cursor) return undefined;
  }
  return undefined;
}
