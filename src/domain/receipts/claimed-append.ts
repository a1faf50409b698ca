import { GENESIS_HASH } from '../canonical';
import { claimStepKey, receiptKey, STORAGE_LIMITS } from '../storage/inventory';
import { StorageUnavailableError, type Store } from '../platform-ports';
import { createRecord, pick, readRecord } from '../storage/typed-store';
import { waitOrGiveUp, WAITING_MS, type Backoff, type Position } from '../storage/gapless-sequence';
import type { ReceiptDraft } from './chain';
import { sealReceipt } from './receipt';
import type { StoredReceipt } from './types';

/**
 * Appending the receipt of a claim (an acknowledgment's `ack:` claim, whose id becomes the receipt's id).
 *
 * Every attempt of one claim walks one path along the chain, made of segments of consecutive numbers.
 * The first segment starts after the head the claim recorded (`fromSeq + 1`). Inside a segment an
 * attempt writes the first number it read free, and only after it read every number before it in the
 * segment taken by another receipt. When every number of a segment holds another receipt, the write-once
 * step record `step:<claim>:<last number of the segment>` says where the next segment starts: the first
 * attempt to find the segment full writes it (after the newest receipt it knows), every other attempt
 * follows it. So two attempts (a retry, a double-click, a read that heals) never write two numbers of one
 * segment (the later one would have read the earlier one taken by ours), never go on to two different
 * segments, and the receipt lands at most once. A retry reads one batch per segment of the path (a
 * handful: the segments a crowd filled before the first attempt), never the receipts in between: its cost
 * does not grow with the chain. A writer that loses a number inside its segment pays a read and a write,
 * no step.
 */

/**
 * Numbers in the first segment of a claim's path. A retry far behind the head reads its whole first
 * segment: 11 acknowledgment receipts (about 0.84 KB each), with the step and a registry probe, stay inside
 * one 10 KB read unit, so a retry costs the read units a fresh acknowledgment costs.
 */
const FIRST_SEGMENT = 11;
/**
 * Numbers in every later segment (one the path stepped to, past a crowd): longer, so that more of a
 * crowd's lost races stay inside it (a read and a write, no step), within one batch read with the number
 * before it, its step and a few numbers after it.
 */
const LATER_SEGMENT = 19;
/** Keys of another family a first segment's read has room for (a retry's registry probe). */
const PROBE_ROOM = STORAGE_LIMITS.batch - 2 - FIRST_SEGMENT;
/** Segments a read follows before giving up (a path is as long as the segments crowds filled). */
const READ_SEGMENTS = 50;
/** Lost races one append accepts before it answers "busy, retry" rather than spend more of the quota. */
const MAX_LOSSES = 40;

/**
 * How long an append waits after a lost race (full jitter: a random wait below a bound, in units of how
 * long the lost write took, at least 10 ms). The first loss most likely means a crowd pressed at once and
 * read the same head, so the first wait spreads the crowd over 2^FIRST_SPREAD_DOUBLINGS units, which at
 * 20 ms a call lets 200 writers in turn through the chain; a later loss is a near-collision inside a
 * spread-out crowd, so it waits a few units, doubling with each loss, and the head stays inside the
 * segment (a read and a write, no step).
 */
const BACKOFF_MIN_UNIT_MS = 10;
const FIRST_SPREAD_DOUBLINGS = 10;
/**
 * The first wait stays inside the waiting an attempt may still do before it answers "busy", with this much
 * left for the calls after it: a slow first loss spreads over less time instead of giving up.
 */
const FIRST_SPREAD_RESERVE_MS = 500;
const LATER_SPREAD_UNITS = 6;
const LATER_SPREAD_CAP_MS = 5_000;

/** The wait after the `losses`-th lost race; `waitedMs`: how long the attempt has run so far. */
export function lostRaceDelay(losses: number, random: number, attemptMs: number, waitedMs = 0): number {
  const unit = Math.max(BACKOFF_MIN_UNIT_MS, attemptMs);
  const bound =
    losses <= 1
      ? Math.max(0, Math.min(WAITING_MS - FIRST_SPREAD_RESERVE_MS - waitedMs, unit * 2 ** FIRST_SPREAD_DOUBLINGS))
      : Math.min(LATER_SPREAD_CAP_MS, unit * LATER_SPREAD_UNITS * 2 ** Math.min(losses - 2, 16));
  return Math.floor(random * bound);
}

export interface ClaimPath {
  claimId: string;
  /** The head the claim recorded: the path starts at `fromSeq + 1`. */
  fromSeq: number;
}

export interface ClaimedAppendOptions {
  /**
   * The chain head as this attempt knows it: its value is the previous receipt when the path starts right
   * after it, and where a step jumps to when it is ahead of the segment.
   */
  head: Position<StoredReceipt>;
  /** True for the attempt that has just written the claim: it writes at once, without a read. */
  fresh: boolean;
  backoff?: Backoff;
  /** Asked for the newest receipt when a full segment and the numbers read after it leave the head unknown. */
  newest(store: Store): Promise<Position<StoredReceipt>>;
  /** Keys of another family read in this attempt's first batch read, handed to `seen` (a retry's registry). */
  probe?: { keys: readonly string[]; seen(found: ReadonlyMap<string, unknown>): void };
  /** The registry hint stored beside the receipt (StoredReceipt.registryFrom), asked at each write. */
  registryFrom?: () => number | undefined;
}

/** Where an attempt stands on its path: the segment's first number and the first number not yet seen taken. */
interface Cursor {
  start: number;
  next: number;
  /** The segment's last number (where its step is stored). */
  last: number;
}

/** The segment of `path` that starts at `start`, before anything in it was read. */
function segmentAt(path: ClaimPath, start: number): Cursor {
  const length = start === path.fromSeq + 1 ? FIRST_SEGMENT : LATER_SEGMENT;
  return { start, next: start, last: start + length - 1 };
}

interface SegmentRead {
  /** The receipts read at `next` … the segment's last number (and at `next - 1` when asked). */
  receipts: ReadonlyMap<number, StoredReceipt>;
  /** The next segment's start, when the segment is full and an attempt wrote its step. */
  step: number | undefined;
  /** The newest receipt of the numbers read after the segment (the segment's last number when none is taken). */
  ahead: Position<StoredReceipt>;
  /** Every number read after the segment is taken: the head may be further on. */
  full: boolean;
}

/**
 * One batch read of the rest of the cursor's segment, its step record, the receipt before `next` when
 * `withPrevious`, and as many numbers after the segment as the batch has room for (`lookAhead`).
 */
async function readSegment(
  store: Store,
  claimId: string,
  at: Cursor,
  options: { withPrevious: boolean; lookAhead: boolean; probe?: ClaimedAppendOptions['probe'] | undefined },
): Promise<SegmentRead> {
  const { last } = at;
  const extra = options.probe?.keys ?? [];
  if (extra.length > PROBE_ROOM) throw new Error(`a segment read has room for ${PROBE_ROOM} keys of another family`);
  const inSegment = Array.from({ length: last - at.next + 1 }, (_, i) => at.next + i);
  const previous = options.withPrevious && at.next > 1 ? [at.next - 1] : [];
  const room = STORAGE_LIMITS.batch - inSegment.length - previous.length - 1 - extra.length;
  const after = Array.from({ length: options.lookAhead ? Math.max(0, room) : 0 }, (_, i) => last + 1 + i);
  const seqs = [...previous, ...inSegment, ...after];
  const found = await store.getMany([...seqs.map(receiptKey), claimStepKey(claimId, last), ...extra]);
  options.probe?.seen(found);
  const receipts = new Map<number, StoredReceipt>();
  for (const seq of [...previous, ...inSegment]) {
    const value = pick(found, 'receipt', receiptKey(seq));
    if (value) receipts.set(seq, value);
  }
  let ahead: Position<StoredReceipt> = { seq: last, value: receipts.get(last) };
  for (const seq of after) {
    const value = pick(found, 'receipt', receiptKey(seq));
    if (!value) break;
    ahead = { seq, value };
  }
  return {
    receipts,
    step: pick(found, 'claimStep', claimStepKey(claimId, last))?.to,
    ahead,
    full: after.length > 0 && ahead.seq === after[after.length - 1],
  };
}

/** In a segment read: the claim's receipt, the first free number, or neither (the segment is full). */
function scanSegment(
  read: SegmentRead,
  at: Cursor,
  claimId: string,
): { ours: StoredReceipt } | { free: number } | { full: true } {
  for (let seq = at.next; seq <= at.last; seq += 1) {
    const receipt = read.receipts.get(seq);
    if (!receipt) return { free: seq };
    if (receipt.receipt.receiptId === claimId) return { ours: receipt };
  }
  return { full: true };
}

/**
 * The claim's receipt, if it is on the chain: follows the path's segments (reads only). Undefined when the
 * path ends at a free number or at a full segment with no step yet (then no attempt has placed it).
 */
export async function findClaimedReceipt(store: Store, path: ClaimPath): Promise<StoredReceipt | undefined> {
  let start = path.fromSeq + 1;
  for (let segment = 0; segment < READ_SEGMENTS; segment += 1) {
    const at = segmentAt(path, start);
    const read = await readSegment(store, path.claimId, at, { withPrevious: false, lookAhead: false });
    const found = scanSegment(read, at, path.claimId);
    if ('ours' in found) return found.ours;
    if ('free' in found || read.step === undefined) return undefined;
    start = read.step;
  }
  return undefined;
}

/**
 * Every number of the segment holds another receipt: follows the segment's step, writing it first when no
 * attempt has, to the number after the newest receipt known. `previous` is the receipt before the next
 * segment when known (the attempt may write at once), else undefined (it reads first).
 */
async function stepPast(
  store: Store,
  path: ClaimPath,
  at: Cursor,
  segment: SegmentRead,
  known: Position<StoredReceipt>,
  source: Pick<ClaimedAppendOptions, 'newest'>,
): Promise<{ at: Cursor; previous: StoredReceipt | undefined; head: Position<StoredReceipt> }> {
  let head = segment.ahead.seq > known.seq ? segment.ahead : known;
  if (segment.full && head.seq === segment.ahead.seq) {
    const queried = await source.newest(store);
    if (queried.seq > head.seq) head = queried;
  }
  const { last } = at;
  const jump = head.seq > last && head.value !== undefined;
  const to = jump ? head.seq + 1 : last + 1;
  if (await createRecord(store, 'claimStep', claimStepKey(path.claimId, last), { to })) {
    return { at: segmentAt(path, to), previous: jump ? head.value : segment.receipts.get(last), head };
  }
  const step = await readRecord(store, 'claimStep', claimStepKey(path.claimId, last));
  if (!step) throw new Error(`claim step at ${last} vanished after a write conflict`);
  return { at: segmentAt(path, step.to), previous: undefined, head };
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
  const first = path.fromSeq + 1;
  let at = segmentAt(path, first);
  // The receipt before `at.next`, when this attempt knows it without reading.
  let previous: StoredReceipt | undefined =
    options.fresh && options.head.seq === path.fromSeq ? options.head.value : undefined;
  let read = !(options.fresh && (first === 1 || previous !== undefined));
  let losses = 0;
  let head = options.head;
  let probe = options.probe;
  // The last write lost `at.next`: the receipt before it is not needed (the target is further on).
  let lost = false;
  for (;;) {
    if (read) {
      // Numbers up to a known head are taken: reading past the segment says nothing new (a retry far behind).
      const lookAhead = head.seq <= at.last;
      const segment = await readSegment(store, path.claimId, at, {
        // The receipt before `next` links a receipt written at `next`: not needed when `next` is taken
        // (the last write lost it, or the known head is past it).
        withPrevious: !lost && head.seq < at.next && previous?.receipt.seq !== at.next - 1,
        lookAhead,
        probe,
      });
      probe = undefined;
      const found = scanSegment(segment, at, path.claimId);
      if ('ours' in found) return { stored: found.ours, appended: false, losses };
      if (lost) {
        losses += 1;
        if (losses > MAX_LOSSES) {
          throw new StorageUnavailableError('the receipt chain is too busy right now', 'rate-limited', 1);
        }
      }
      lost = false;
      if ('free' in found) {
        previous = found.free > 1 ? (segment.receipts.get(found.free - 1) ?? previous) : undefined;
        if (found.free > 1 && previous?.receipt.seq !== found.free - 1) {
          throw new Error(`receipt ${found.free - 1} is missing before a claimed number`);
        }
        at = { ...at, next: found.free };
      } else if (segment.step !== undefined) {
        at = segmentAt(path, segment.step);
        previous = undefined;
        continue;
      } else {
        ({ at, previous, head } = await stepPast(store, path, at, segment, head, options));
        read = previous === undefined;
        if (read) continue;
      }
    }
    const seq = at.next;
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
      await waitOrGiveUp(
        backoff,
        lostRaceDelay(losses + 1, backoff.random(), backoff.now() - began, backoff.now() - started),
        started,
      );
  }
}
