import { GENESIS_HASH } from '../canonical';
import { claimStepKey, receiptKey, STORAGE_LIMITS } from '../storage/inventory';
import { StorageUnavailableError, type Store } from '../platform-ports';
import { createRecord, pick, readRecord } from '../storage/typed-store';
import { jitteredDelay, waitOrGiveUp, type Backoff, type Position } from '../storage/gapless-sequence';
import type { ReceiptDraft } from './chain';
import { sealReceipt } from './receipt';
import type { StoredReceipt } from './types';

/**
 * Appending the receipt of a claim (an acknowledgment's `ack:` claim, whose id becomes the receipt's id).
 *
 * Every attempt of one claim walks one path along the chain: it starts at the number after the head the
 * claim recorded (`fromSeq + 1`), and when that number holds another receipt, the write-once step record
 * `step:<claim>:<n>` says where the claim goes next. The first attempt to find number n taken writes the
 * step (to the number after the newest receipt it knows); every other attempt follows it. So two attempts
 * (a retry, a double-click, a read that heals) never try two different numbers after n, and the receipt
 * lands at most once: at the last number of the path, or nowhere yet. A retry reads one batch per step of
 * the path (the first attempt's lost races, a handful), never the receipts in between: its cost does not
 * grow with the chain.
 */

/** Steps a read follows before giving up (a path is as long as the races its attempts lost). */
const READ_STEPS = 50;
/** Lost races one append accepts before it answers "busy, retry" rather than spend more of the quota. */
const MAX_LOSSES = 40;

export interface ClaimPath {
  claimId: string;
  /** The head the claim recorded: the path starts at `fromSeq + 1`. */
  fromSeq: number;
}

export interface ClaimedAppendOptions {
  /**
   * The chain head as this attempt knows it: its value is the previous receipt when the path starts right
   * after it, and where a step jumps to when it is ahead of the number lost.
   */
  head: Position<StoredReceipt>;
  /** True for the attempt that has just written the claim: it writes at once, without a read. */
  fresh: boolean;
  backoff?: Backoff;
  /** Asked for the newest receipt after a lost race (the head moved meanwhile). */
  newest(store: Store): Promise<Position<StoredReceipt>>;
  /** Keys of another family read in this attempt's first batch read, handed to `seen` (a retry's registry). */
  probe?: { keys: readonly string[]; seen(found: ReadonlyMap<string, unknown>): void };
  /** The registry hint stored beside the receipt (StoredReceipt.registryFrom), asked at each write. */
  registryFrom?: () => number | undefined;
}

/**
 * Numbers read past a lost one, in the same batch read (beside the lost number, its step and the number
 * before it): where the head went, without a query, unless a crowd took all of them meanwhile.
 */
const LOOK_AHEAD = STORAGE_LIMITS.batch - 3;

interface AtNumber {
  receipt: StoredReceipt | undefined;
  step: number | undefined;
  previous: StoredReceipt | undefined;
  /** The newest receipt of the numbers read after `seq` (its own number when none is taken). */
  ahead: Position<StoredReceipt>;
  /** Every number read after `seq` is taken: the head may be further on. */
  full: boolean;
}

async function readAt(
  store: Store,
  claimId: string,
  seq: number,
  lookAhead = 0,
  probe?: ClaimedAppendOptions['probe'],
  withPrevious = true,
): Promise<AtNumber> {
  const extra = probe?.keys ?? [];
  const seqs = Array.from({ length: Math.min(lookAhead, LOOK_AHEAD - extra.length) }, (_, i) => seq + 1 + i);
  const keys = [
    receiptKey(seq),
    claimStepKey(claimId, seq),
    ...(seq > 1 && withPrevious ? [receiptKey(seq - 1)] : []),
    ...seqs.map(receiptKey),
    ...extra,
  ];
  const found = await store.getMany(keys);
  probe?.seen(found);
  const receipt = pick(found, 'receipt', receiptKey(seq));
  let ahead: Position<StoredReceipt> = { seq, value: receipt };
  for (const next of seqs) {
    const value = pick(found, 'receipt', receiptKey(next));
    if (!value) break;
    ahead = { seq: next, value };
  }
  return {
    receipt,
    step: pick(found, 'claimStep', claimStepKey(claimId, seq))?.to,
    previous: seq > 1 && withPrevious ? pick(found, 'receipt', receiptKey(seq - 1)) : undefined,
    ahead,
    full: lookAhead > 0 && ahead.seq === seq + lookAhead,
  };
}

/**
 * The claim's receipt, if it is on the chain: follows the path's steps (reads only). Undefined when the
 * path ends at a free number or at another receipt with no step yet (then no attempt has placed it).
 */
export async function findClaimedReceipt(store: Store, path: ClaimPath): Promise<StoredReceipt | undefined> {
  let seq = path.fromSeq + 1;
  for (let step = 0; step < READ_STEPS; step += 1) {
    const at = await readAt(store, path.claimId, seq);
    if (at.receipt?.receipt.receiptId === path.claimId) return at.receipt;
    if (at.step === undefined) return undefined;
    seq = at.step;
  }
  return undefined;
}

/**
 * Appends the claim's receipt, or finds it where an earlier attempt put it. `appended` says which. Gives
 * up with a retryable StorageUnavailableError after MAX_LOSSES lost races (the installation is very busy).
 */
export async function appendClaimedReceipt(
  store: Store,
  path: ClaimPath,
  draft: ReceiptDraft,
  accountId: string,
  options: ClaimedAppendOptions,
): Promise<{ stored: StoredReceipt; appended: boolean; losses: number }> {
  const { backoff } = options;
  const started = backoff?.now() ?? 0;
  let seq = path.fromSeq + 1;
  // The receipt before `seq`, when this attempt knows it without reading.
  let previous: StoredReceipt | undefined =
    options.fresh && options.head.seq === path.fromSeq ? options.head.value : undefined;
  let read = !(options.fresh && (seq === 1 || previous !== undefined));
  let losses = 0;
  let head = options.head;
  let probe = options.probe;
  let lost = false;
  for (;;) {
    if (read) {
      // Numbers up to a known head are taken: reading past them says nothing new (a retry far behind).
      const lookAhead = head.seq >= seq + LOOK_AHEAD ? 0 : LOOK_AHEAD;
      // After a lost write the number is taken: the receipt before it is not needed (a smaller answer).
      const at = await readAt(store, path.claimId, seq, lookAhead, probe, !lost);
      probe = undefined;
      if (lost && !at.receipt) {
        lost = false;
        continue;
      }
      lost = false;
      if (at.receipt) {
        if (at.receipt.receipt.receiptId === path.claimId) return { stored: at.receipt, appended: false, losses };
        if (at.step !== undefined) {
          seq = at.step;
          continue;
        }
        // Another receipt took this number and no attempt of ours has moved on from it: move on.
        losses += 1;
        if (losses > MAX_LOSSES) {
          throw new StorageUnavailableError('the receipt chain is too busy right now', 'rate-limited', 1);
        }
        if (at.ahead.seq > head.seq) head = at.ahead;
        if (at.full && head.seq === at.ahead.seq) {
          const newest = await options.newest(store);
          if (newest.seq > head.seq) head = newest;
        }
        const jump = head.seq > seq && head.value !== undefined;
        const to = jump ? head.seq + 1 : seq + 1;
        if (await createRecord(store, 'claimStep', claimStepKey(path.claimId, seq), { to })) {
          previous = jump ? head.value : at.receipt;
          seq = to;
          read = false;
        } else {
          const step = await readRecord(store, 'claimStep', claimStepKey(path.claimId, seq));
          if (!step) throw new Error(`claim step at ${seq} vanished after a write conflict`);
          seq = step.to;
        }
        continue;
      }
      if (at.step !== undefined) throw new Error(`claim step at free receipt number ${seq}`);
      if (seq > 1 && !at.previous) throw new Error(`receipt ${seq - 1} is missing before a claimed number`);
      previous = at.previous;
    }
    const receipt = sealReceipt({ ...draft, seq, prevHash: previous?.receipt.hash ?? GENESIS_HASH });
    const registryFrom = options.registryFrom?.();
    const value: StoredReceipt = { receipt, accountId, ...(registryFrom === undefined ? {} : { registryFrom }) };
    const began = backoff?.now() ?? 0;
    if (await createRecord(store, 'receipt', receiptKey(seq), value)) return { stored: value, appended: true, losses };
    // Taken meanwhile, maybe by another attempt of this claim: wait a jittered while, then read it.
    read = true;
    lost = true;
    // A retry after "busy" follows the same path.
    if (backoff)
      await waitOrGiveUp(backoff, jitteredDelay(losses + 1, backoff.random(), backoff.now() - began), started);
  }
}
