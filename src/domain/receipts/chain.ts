import { GENESIS_HASH, sha256Hex } from '../canonical';
import { KEY_FAMILIES, receiptKey } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { pageOf } from '../storage/typed-store';
import { claimNext, type Backoff, type Position } from '../storage/gapless-sequence';
import { sealReceipt } from './receipt';
import type { OmitEach, Receipt, ReceiptBody, StoredReceipt } from './types';

/** Everything a new receipt holds except what the chain decides (seq, prevHash) and the schema tag. */
export type ReceiptDraft = OmitEach<ReceiptBody, 'schema' | 'seq' | 'prevHash'>;

export interface AppendOutcome {
  stored: StoredReceipt;
  /** false when the receipt with this draft's `receiptId` was already on the chain (returned instead). */
  appended: boolean;
  /** How many sequence numbers were taken by someone else first. */
  conflicts: number;
}

/**
 * The newest receipt as the (eventually consistent) query sees it: never ahead of the real head, maybe
 * behind it. Appends start here and read on when the number after it is taken.
 */
export async function chainHead(store: Store): Promise<Position<StoredReceipt>> {
  const page = await pageOf(store, 'receipt', { prefix: KEY_FAMILIES.receipt.prefix, max: 1 });
  const newest = page.entries[0]?.value;
  return newest ? { seq: newest.receipt.seq, value: newest } : { seq: 0 };
}

/** A UUID-shaped id derived from what makes an event unique, so two attempts to record it share one id. */
export function deterministicReceiptId(...parts: string[]): string {
  const h = sha256Hex(parts.join('\u0000'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface AppendOptions {
  /** Where to start: the head hint, or where an earlier attempt of this receipt started. */
  from: Position<StoredReceipt>;
  /** true when no receipt with this id can be on the chain after `from` yet (a fresh claim). */
  fresh: boolean;
  backoff?: Backoff;
  /**
   * A fresh append far behind the head jumps to the newest receipt only when this confirms that no other
   * attempt can have appended the same receipt meanwhile; without it, it reads every receipt on the way.
   */
  mayJump?: () => Promise<boolean>;
}

/**
 * Appends one receipt to the installation's chain, or finds it there: the draft's `receiptId` identifies
 * it, so a retry, a double-click or two runs of one event record it once, wherever the head has moved
 * since. Concurrent appends never fork the chain and never lose a receipt.
 */
export async function appendReceipt(
  store: Store,
  draft: ReceiptDraft,
  accountId: string | null,
  options: AppendOptions,
): Promise<AppendOutcome> {
  const outcome = await claimNext(
    store,
    {
      family: 'receipt',
      keyOf: receiptKey,
      build: (seq, previous) => {
        const receipt: Receipt = sealReceipt({ ...draft, seq, prevHash: previous?.receipt.hash ?? GENESIS_HASH });
        return { receipt, accountId };
      },
      isOurs: (stored) => stored.receipt.receiptId === draft.receiptId,
      newest: chainHead,
      mayJump: options.mayJump ?? (() => Promise.resolve(false)),
    },
    options.from,
    { verified: options.fresh, ...(options.backoff ? { backoff: options.backoff } : {}) },
  );
  return { stored: outcome.value, appended: outcome.claimed, conflicts: outcome.conflicts };
}
