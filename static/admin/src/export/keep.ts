/**
 * "Keep your receipt": finds the admin's newest acknowledgment in the chain, newest page first, and writes
 * it with the chain head the page sees now (`privacy-panel.receipt/1`). Right after acknowledging, the
 * first page holds it. Nothing here touches the DOM.
 */
import type { ExportPage, ExportReceiptsPayload, Result } from '../../../../src/contract';
import {
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

/** The admin's receipt file, or undefined when no acknowledgment of theirs is in the chain. */
export async function collectKeptReceipt(
  calls: KeepCalls,
  accountId: string,
  now: () => Date = () => new Date(),
): Promise<KeptFile | undefined> {
  let cursor: string | undefined;
  let head: { seq: number; hash: string } | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const found = await page(calls, cursor);
    const newest = found.receipts[0]?.receipt;
    if (!head && newest) head = { seq: newest.seq, hash: newest.hash };
    const receipt = ownNewestAcknowledgment(found.receipts, accountId);
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
    cursor = found.cursor;
    if (!cursor) return undefined;
  }
  return undefined;
}
