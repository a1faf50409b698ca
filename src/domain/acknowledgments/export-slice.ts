import { SALT_KEY } from '../storage/inventory';
import type { Clock, Store } from '../platform-ports';
import { readRecord } from '../storage/typed-store';
import type { StoredReceipt } from '../receipts/types';
import { receiptPage } from './history';

export interface ExportSlice {
  receipts: StoredReceipt[];
  /** Values under receipt keys that are no receipt: left out (the chain shows a break there), named here. */
  unreadable?: Array<{ key: string; problem: string }>;
  /** Only on the first slice: the commitment salt, for the auditor. */
  salt?: string;
  cursor?: string;
}

/**
 * One slice of the receipt chain for the admin's own export, newest first: up to `max` receipts from
 * `cursor`, stopping early after `budgetMs` so one call stays far inside Forge's 25 s. A value under a
 * receipt key that is no receipt (a host wrote it) never stops the export: it is named, and the
 * verifier reports the break in the chain where it sits.
 */
export async function exportSlice(
  store: Store,
  clock: Clock,
  options: { cursor?: string; max: number; budgetMs: number },
): Promise<ExportSlice> {
  const began = clock.now().getTime();
  const unreadable: Array<{ key: string; problem: string }> = [];
  const [page, salt] = await Promise.all([
    receiptPage(
      store,
      options.max,
      options.cursor,
      () => clock.now().getTime() - began < options.budgetMs,
      (error) => unreadable.push({ key: error.key, problem: error.problem.slice(0, 120) }),
    ),
    options.cursor ? undefined : readRecord(store, 'salt', SALT_KEY),
  ]);
  return {
    // The registry hint beside a receipt is storage bookkeeping, not part of the record an auditor reads.
    receipts: page.receipts.map(({ receipt, accountId }) => ({ receipt, accountId })),
    ...(unreadable.length > 0 ? { unreadable } : {}),
    ...(salt ? { salt } : {}),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
