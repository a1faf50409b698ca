import { GENESIS_HASH } from '../canonical';
import { KEY_FAMILIES, receiptKey } from '../inventory';
import type { Store, StoredValue } from '../ports';
import { claimNextSequence } from '../sequence';
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
  const hint = await headHint(store);
  const outcome = await claimNextSequence<StoredValue>(
    store,
    {
      keyOf: receiptKey,
      build: (seq, previous) => {
        const receipt: Receipt = sealReceipt({
          ...draft,
          seq,
          prevHash: asStored(previous)?.receipt.hash ?? GENESIS_HASH,
        });
        const stored: StoredReceipt = { receipt, accountId };
        return stored as unknown as StoredValue;
      },
      isDuplicate: (head) => isDuplicate(asStored(head)!),
    },
    { seq: hint?.receipt.seq ?? 0, value: hint as unknown as StoredValue | undefined },
    'receipt sequence number',
  );
  return { stored: asStored(outcome.value)!, appended: outcome.claimed, conflicts: outcome.conflicts };
}
