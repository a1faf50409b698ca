import { STORAGE_LIMITS } from './inventory';
import { StorageUnavailableError, type Storable, type Store } from '../platform-ports';
import { createRecord, readRecords, type RecordOf } from './typed-store';

/**
 * Gapless sequences on write-once keys (the receipt chain, the account registry). A writer claims the
 * number after the head it knows with `putIfAbsent`; a writer that loses waits a jittered, growing delay,
 * reads the next 25 numbers in one batch read and claims the first free one. Numbers are only ever claimed
 * right after a run of taken ones, so the sequence has no gap.
 *
 * Idempotency does not depend on the head: `isOurs` recognises the value being appended (its claim id).
 * A writer that may find its own value after `start` (a retry: `verified` false) claims number n only after
 * it saw every number between its start and n taken by something else; numbers are write-once, so two such
 * writers of one value can never both succeed. A fresh writer (`verified`) that finds 25 more numbers taken
 * jumps to the newest number the query sees instead of reading on, when `mayJump` confirms that no other
 * writer of its value exists: so a writer far behind a busy head pays one query, not a read per 25 numbers.
 */

type SequencedFamily = 'receipt' | 'accountRegistry';

export interface SequenceSpec<F extends SequencedFamily> {
  family: F;
  keyOf(seq: number): string;
  /** The value that claims `seq`, given the value at `seq - 1` (undefined for 1). */
  build(seq: number, previous: RecordOf<F> | undefined): RecordOf<F> & Storable;
  /** This value is the one being appended (written earlier by this or a concurrent attempt). */
  isOurs(value: RecordOf<F>): boolean;
  /** The newest number the (eventually consistent) query sees: never ahead of the real head. */
  newest(store: Store): Promise<Position<RecordOf<F>>>;
  /**
   * Asked before a fresh writer jumps over numbers it did not read: true when no other writer can have put
   * this value there (default: true, for values whose duplicates are settled elsewhere).
   */
  mayJump?(): Promise<boolean>;
}

export interface Position<T> {
  seq: number;
  /** The value at `seq`, when known. */
  value?: T | undefined;
}

export interface ClaimOutcome<T> {
  seq: number;
  value: T;
  /** false when `isOurs` found the value already in the sequence (returned instead). */
  claimed: boolean;
  /** How many numbers were taken by someone else first. */
  conflicts: number;
}

/** Waiting between lost claims: `random` in [0, 1), `sleep` and `now` in milliseconds. */
export interface Backoff {
  random(): number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/**
 * Full jitter: a random wait below min(cap, unit · 2^(losses − 1 + FIRST_SPREAD_DOUBLINGS)), where the unit
 * is how long the lost attempt took (at least 10 ms). A loss means others are writing right now, so the
 * first wait already spreads over 256 attempt-lengths, and each further loss doubles it: the losses a
 * writer suffers grow with the logarithm of the crowd, and a crowd's storage calls stay nearly flat. The
 * cap keeps a writer's waits far inside Forge's 25 s.
 */
const BACKOFF_MIN_UNIT_MS = 10;
const FIRST_SPREAD_DOUBLINGS = 8;
const BACKOFF_CAP_MS = 5_000;
/** Upper bound on claim attempts; only reached if thousands of writers race on one installation. */
const MAX_ATTEMPTS = 200;

/** How long one writer may spend waiting between lost claims before it answers "busy, retry" (Forge gives 25 s). */
export const WAITING_MS = 12_000;

/**
 * Waits `ms` unless that would take the writer, which started at `startedMs`, past WAITING_MS: then throws
 * a retryable StorageUnavailableError while the function still has time to answer.
 */
export async function waitOrGiveUp(backoff: Backoff, ms: number, startedMs: number): Promise<void> {
  if (backoff.now() + ms - startedMs > WAITING_MS) {
    throw new StorageUnavailableError(
      'storage is too busy right now',
      'rate-limited',
      Math.max(1, Math.ceil(ms / 1000)),
    );
  }
  await backoff.sleep(ms);
}

export function jitteredDelay(losses: number, random: number, attemptMs = 0): number {
  const unit = Math.max(BACKOFF_MIN_UNIT_MS, attemptMs);
  return Math.floor(random * Math.min(BACKOFF_CAP_MS, unit * 2 ** Math.min(losses - 1 + FIRST_SPREAD_DOUBLINGS, 16)));
}

export interface ClaimOptions {
  verified: boolean;
  backoff?: Backoff;
}

/**
 * Claims the first free number after `start`. `verified` says nothing that `isOurs` matches can sit after
 * `start` yet (a fresh claim): the first attempt then writes at once, with no read; otherwise it reads
 * forward first (a retry finishing an earlier attempt) and reads every number on the way.
 */
export async function claimNext<F extends SequencedFamily>(
  store: Store,
  spec: SequenceSpec<F>,
  start: Position<RecordOf<F>>,
  options: ClaimOptions,
): Promise<ClaimOutcome<RecordOf<F>>> {
  let head = start;
  let conflicts = 0;
  const started = options.backoff?.now() ?? 0;
  // Must this writer see every number it passes (a retry may find its own value anywhere after start)?
  let everyNumber = !options.verified;
  let scan = everyNumber || (start.seq > 0 && start.value === undefined);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const began = options.backoff?.now() ?? 0;
    if (scan) {
      const found = await readForward(store, spec, head, everyNumber);
      if ('ours' in found) return { ...found.ours, claimed: false, conflicts };
      head = found.head;
      if (found.more) {
        // 25 more numbers were taken: the head ran far ahead. Jump to the newest the query sees, when
        // nothing of ours can sit in between; otherwise (or when the query lags) read on.
        const newest = await spec.newest(store);
        if (newest.seq > head.seq && newest.value !== undefined && (await (spec.mayJump?.() ?? true))) head = newest;
        else {
          everyNumber ||= newest.seq > head.seq;
          continue;
        }
      }
    }
    const next = head.seq + 1;
    const value = spec.build(next, head.value);
    if (await createRecord(store, spec.family, spec.keyOf(next), value))
      return { seq: next, value, claimed: true, conflicts };
    conflicts += 1;
    scan = true;
    const { backoff } = options;
    if (backoff)
      await waitOrGiveUp(backoff, jitteredDelay(conflicts, backoff.random(), backoff.now() - began), started);
  }
  throw new Error(`could not claim a ${spec.family} number after ${MAX_ATTEMPTS} attempts`);
}

type Forward<T> = { head: Position<T>; more: boolean } | { ours: { seq: number; value: T } };

/**
 * Reads on from `head` in batches until the first free number, stopping early at our own value. With
 * `everyNumber` false it reads one batch only and says whether numbers beyond it may be taken (`more`).
 */
async function readForward<F extends SequencedFamily>(
  store: Store,
  spec: SequenceSpec<F>,
  from: Position<RecordOf<F>>,
  everyNumber: boolean,
): Promise<Forward<RecordOf<F>>> {
  let head = from;
  // Include `head` itself when its value is unknown (it links the next value).
  let first = head.value === undefined && head.seq > 0 ? head.seq : head.seq + 1;
  for (;;) {
    const seqs = Array.from({ length: STORAGE_LIMITS.batch }, (_, i) => first + i);
    const found = await readRecords(
      store,
      spec.family,
      seqs.map((seq) => spec.keyOf(seq)),
    );
    for (const seq of seqs) {
      const value = found.get(spec.keyOf(seq));
      if (value === undefined) return { head, more: false };
      if (seq > from.seq && spec.isOurs(value)) return { ours: { seq, value } };
      head = { seq, value };
    }
    if (!everyNumber) return { head, more: true };
    first = head.seq + 1;
  }
}
