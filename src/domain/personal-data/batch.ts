import { STORAGE_LIMITS } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { isReportableAccountId } from './account-id';
import { createIndex, indexEntries, mayBeInFlight, readSlots, voidEntry } from './registry';
import type { ReportedAccount } from './types';

/** The reporting API takes at most 90 accounts per request. */
export const REPORT_BATCH_MAX = 90;

export interface ReportBatch {
  accounts: Array<ReportedAccount & { seq: number }>;
  /** The registry number after the last entry this batch looked at. */
  nextSeq: number;
  /** The batch stops before an entry whose registration may still be in flight (`mayBeInFlight`). */
  registering?: true;
}

/**
 * The next up-to-90 accounts to report, walking the registry from `fromSeq` with strict batch reads.
 * Skips emptied entries and IDs that are never reported (`unknown`, `unidentified`); checks each entry
 * against `acctid:`, repairing a missing index entry and emptying a duplicate one, so nobody is sent twice.
 */
export async function nextBatch(
  store: Store,
  fromSeq: number,
  now: Date,
  max = REPORT_BATCH_MAX,
): Promise<ReportBatch> {
  const accounts: ReportBatch['accounts'] = [];
  const inBatch = new Set<string>();
  let seq = fromSeq;
  for (;;) {
    const slots = await readSlots(store, seq);
    const ids = [...new Set(slots.map((slot) => slot.entry.accountId).filter(isReportableAccountId))];
    const index = await indexEntries(store, ids);
    for (const { seq: slotSeq, entry } of slots) {
      if (accounts.length >= max) return { accounts, nextSeq: slotSeq };
      seq = slotSeq + 1;
      const accountId = entry.accountId;
      if (!isReportableAccountId(accountId)) continue;
      const owner = index.get(accountId);
      if (!owner) {
        // Its registration may still be writing the index entry: left to it, or repaired once it died.
        if (mayBeInFlight(entry.firstSeenAt, now)) return { accounts, nextSeq: slotSeq, registering: true };
        // The registration stopped between its two writes: this entry becomes the account's one entry.
        if (!(await createIndex(store, accountId, slotSeq))) continue;
      } else if (owner.seq !== slotSeq) {
        await voidEntry(store, slotSeq, entry);
        continue;
      }
      if (inBatch.has(accountId)) continue;
      inBatch.add(accountId);
      accounts.push({ accountId, updatedAt: entry.firstSeenAt, seq: slotSeq });
    }
    if (slots.length < STORAGE_LIMITS.batch) return { accounts, nextSeq: seq };
  }
}
