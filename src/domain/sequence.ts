import type { Store, StoredValue } from './ports';

/**
 * Gapless sequences on write-once keys (the receipt chain, the account registry): the next number is
 * claimed with `putIfAbsent`; a writer that loses the race reads the winner and tries the number after it.
 */

export interface SequenceSpec<T extends StoredValue> {
  keyOf(seq: number): string;
  /** The value that claims `seq`, given the value at `seq - 1` (undefined for 1). */
  build(seq: number, previous: T | undefined): T;
  /** Stop without writing when the value at the head already records the same fact. */
  isDuplicate?(head: T): boolean;
}

export interface ClaimOutcome<T> {
  seq: number;
  value: T;
  /** false when `isDuplicate` matched the head, which is returned instead. */
  claimed: boolean;
  /** How many sequence numbers were taken by someone else first. */
  conflicts: number;
}

/** Upper bound on claim attempts; only reached if hundreds of writers race on one installation. */
const MAX_ATTEMPTS = 500;

/**
 * Claims the first free number after `hint` (a possibly stale head from an eventually consistent query:
 * strict reads walk forward from there to the real head).
 */
export async function claimNextSequence<T extends StoredValue>(
  store: Store,
  spec: SequenceSpec<T>,
  hint: { seq: number; value: T | undefined },
  what = 'sequence number',
): Promise<ClaimOutcome<T>> {
  let { seq, value: head } = hint;
  let conflicts = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    for (;;) {
      const taken = await store.get<T>(spec.keyOf(seq + 1));
      if (taken === undefined) break;
      seq += 1;
      head = taken;
    }
    if (head !== undefined && spec.isDuplicate?.(head)) return { seq, value: head, claimed: false, conflicts };
    const value = spec.build(seq + 1, head);
    if (await store.putIfAbsent(spec.keyOf(seq + 1), value)) return { seq: seq + 1, value, claimed: true, conflicts };
    conflicts += 1; // someone claimed this number between our read and our write: read on from there
  }
  throw new Error(`could not claim a ${what} after ${MAX_ATTEMPTS} attempts`);
}
