import type { StoredShapeError, Store } from '../platform-ports';
import { pageOf } from '../storage/typed-store';
import type { Product } from '../product';
import type { ReceiptKind, StoredReceipt } from '../receipts/types';

export interface HistoryEntry {
  seq: number;
  /** 'acknowledgment', or an event of the app's own: installed, upgraded, account erased. */
  kind: ReceiptKind;
  receiptId: string;
  /** The statement version acknowledged, or in force at the event. */
  version: number;
  /** The acknowledging account; null for events and for erased accounts. */
  accountId: string | null;
  at: string;
  product: Product;
  /** The app's version, on `app-installed` and `app-upgraded` rows. */
  appVersion?: string;
  /** The receipts whose account ID was erased, on `account-erased` rows. */
  erasedSeqs?: number[];
  /** The locale of the translation read, on acknowledgments of one (absent: the source text). */
  readIn?: string;
}

export interface HistorySlice {
  entries: HistoryEntry[];
  cursor?: string;
}

export function historyEntry(stored: StoredReceipt): HistoryEntry {
  const { receipt } = stored;
  return {
    seq: receipt.seq,
    kind: receipt.kind,
    receiptId: receipt.receiptId,
    version: receipt.notice.version,
    accountId: stored.accountId,
    at: receipt.at,
    product: receipt.product,
    ...(receipt.kind === 'app-installed' || receipt.kind === 'app-upgraded' ? { appVersion: receipt.appVersion } : {}),
    ...(receipt.kind === 'account-erased' ? { erasedSeqs: receipt.erasedSeqs } : {}),
    ...(receipt.kind === 'acknowledgment' && receipt.shown ? { readIn: receipt.shown.locale } : {}),
  };
}

/**
 * Up to `max` receipts of the chain, newest first, from `cursor`. Receipt keys count down, so this is a
 * prefix query whatever the total (in storage pages of at most 20): the cost of a page does not grow with
 * the history. `more()` can stop it early (a time budget); the cursor continues after the last receipt.
 */
export async function receiptPage(
  store: Store,
  max: number,
  cursor?: string,
  more?: () => boolean,
  onInvalid?: (error: StoredShapeError) => void,
): Promise<{ receipts: StoredReceipt[]; cursor?: string }> {
  const page = await pageOf(store, 'receipt', {
    max,
    partialWhenLimited: true,
    ...(cursor ? { cursor } : {}),
    ...(more ? { more } : {}),
    ...(onInvalid ? { onInvalid } : {}),
  });
  return { receipts: page.entries.map((entry) => entry.value), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function historyPage(store: Store, limit: number, cursor?: string): Promise<HistorySlice> {
  const page = await receiptPage(store, limit, cursor);
  return { entries: page.receipts.map(historyEntry), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
