import { KEY_FAMILIES } from '../inventory';
import type { Store, StoredValue } from '../ports';
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
 * One page of the receipt chain, newest first. Receipt keys count down, so this is a single prefix query
 * whatever the total: the cost of a page does not grow with the history.
 */
export async function receiptPage(
  store: Store,
  limit: number,
  cursor?: string,
): Promise<{ receipts: StoredReceipt[]; cursor?: string }> {
  const page = await store.query<StoredValue>(KEY_FAMILIES.receipt.prefix, { limit, ...(cursor ? { cursor } : {}) });
  return {
    receipts: page.entries.map((entry) => entry.value as unknown as StoredReceipt),
    ...(page.next ? { cursor: page.next } : {}),
  };
}

export async function historyPage(store: Store, limit: number, cursor?: string): Promise<HistorySlice> {
  const page = await receiptPage(store, limit, cursor);
  return { entries: page.receipts.map(historyEntry), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
