import { SALT_KEY } from '../inventory';
import type { Clock, Store } from '../ports';
import { readRecord } from '../records';
import type { StoredReceipt } from '../receipts/types';
import { receiptPage } from './history';

export interface ExportSlice {
  receipts: StoredReceipt[];
  /** Only on the first slice: the commitment salt, for the auditor. */
  salt?: string;
  cursor?: string;
}

/**
 * One slice of the receipt chain for the admin's own export, newest first: up to `max` receipts from
 * `cursor`, stopping early after `budgetMs` so one call stays far inside Forge's 25 s.
 */
export async function exportSlice(
  store: Store,
  clock: Clock,
  options: { cursor?: string; max: number; budgetMs: number },
): Promise<ExportSlice> {
  const began = clock.now().getTime();
  const [page, salt] = await Promise.all([
    receiptPage(store, options.max, options.cursor, () => clock.now().getTime() - began < options.budgetMs),
    options.cursor ? undefined : readRecord(store, 'salt', SALT_KEY),
  ]);
  return { receipts: page.receipts, ...(salt ? { salt } : {}), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
