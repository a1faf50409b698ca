import { GENESIS_HASH } from '../canonical';
import { KEY_FAMILIES, receiptKey } from '../inventory';
import type { Store, StoredValue } from '../ports';
import { sealReceipt } from './receipt';
import type { OmitEach, Receipt, ReceiptBody, StoredReceipt } from './types';

/** Everything a new receipt holds except what the chain decides (seq, prevHash) and the schema tag. */
export type ReceiptDraft = OmitEach<ReceiptBody, 'schema' | 'seq' | 'prevHash'>;

export interface AppendOutcome {
  stored: StoredReceipt;
  /** false when `isDuplicate` matched an existing receipt at the head, which is returned instead. */
  appended: boolean;
  /** How many sequence numbers were taken by someone else first. */
  conflicts: number;
}

/** Upper bound on claim attempts; only reached if hundreds of writers race on one installation. */
const MAX_ATTEMPTS = 500;

function asStored(value: StoredValue | undefined): StoredReceipt | undefined {
  return value as unknown as StoredReceipt | undefined;
}

/**
 * The newest receipt as the (eventually consistent) query sees it; the strict reads in `appendReceipt`
 * walk forward from there to the real head.
 */
export async function headHint(store: Store): Promise<StoredReceipt | undefined> {
  const page = await store.query<StoredValue>(KEY_FAMILIES.receipt.prefix, { limit: 1 });
  return asStored(page.entries[0]?.value);
}

/**
 * Appends one receipt to the installation's chain. The next sequence number is claimed with a write-once
 * key; a writer that loses the race reads the winner and tries the number after it, so concurrent appends
 * never fork the chain and never lose a receipt. `isDuplicate` lets the caller stop when the receipt at the
 * head already records the same fact (a retried or double-clicked acknowledgment).
 */
export async function appendReceipt(
  store: Store,
  draft: ReceiptDraft,
  accountId: string | null,
  isDuplicate: (head: StoredReceipt) => boolean,
): Promise<AppendOutcome> {
  let head = await headHint(store);
  let conflicts = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    // Walk forward with strict reads until the next number is free.
    for (;;) {
      const nextSeq = (head?.receipt.seq ?? 0) + 1;
      const taken = asStored(await store.get<StoredValue>(receiptKey(nextSeq)));
      if (!taken) break;
      head = taken;
    }
    if (head && isDuplicate(head)) return { stored: head, appended: false, conflicts };
    const receipt: Receipt = sealReceipt({
      ...draft,
      seq: (head?.receipt.seq ?? 0) + 1,
      prevHash: head?.receipt.hash ?? GENESIS_HASH,
    });
    const stored: StoredReceipt = { receipt, accountId };
    if (await store.putIfAbsent(receiptKey(receipt.seq), stored as unknown as StoredValue)) {
      return { stored, appended: true, conflicts };
    }
    conflicts += 1; // someone claimed this number between our read and our write: read on from there
  }
  throw new Error(`could not claim a receipt sequence number after ${MAX_ATTEMPTS} attempts`);
}
