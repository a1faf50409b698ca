import { KEY_FAMILIES, STORAGE_LIMITS, accountIndexKey, registryKey, seqOfRegistryKey } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { createRecord, pageOf, pick, readRecord, readRecords, writeRecord } from '../storage/typed-store';
import { claimNext, type Backoff, type Position } from '../storage/gapless-sequence';
import type { AccountIndexRecord, RegistryRecord } from '../storage/stored-shapes';
import { isReportableAccountId } from './account-id';

/**
 * The account registry: every account the app stores, once, numbered 1, 2, 3, … with no gaps
 * (`acct:<countdown>`), plus `acctid:<accountId>` → `{ seq }` so an account is registered once. Reporting
 * walks it by number with strict batch reads, so a report resumes from a number, never from a KVS cursor.
 */

/**
 * An acknowledgment registers its account beside its receipt: the registry entry, then the `acctid:` entry.
 * Until the registration's start (the entry's `firstSeenAt`, the marker's `at`) is this long past, it may
 * still be in flight, and the report neither writes that `acctid:` entry itself (nextBatch) nor registers
 * the account from its markers (backfill): the acknowledgment's own write could otherwise land after an
 * erasure of the account and outlive it. Older, it died (functions time out at 300 s) and is repaired.
 */
export const REGISTRATION_IN_FLIGHT_MS = 10 * 60_000;

export function mayBeInFlight(startedAt: string, now: Date): boolean {
  return Math.abs(now.getTime() - Date.parse(startedAt)) <= REGISTRATION_IN_FLIGHT_MS;
}

export interface Registration {
  seq: number;
  /** false when the account was already registered. */
  created: boolean;
}

/** The newest registry entry as the (eventually consistent) query sees it. */
export async function registryHead(store: Store): Promise<Position<RegistryRecord>> {
  const page = await pageOf(store, 'accountRegistry', { prefix: KEY_FAMILIES.accountRegistry.prefix, max: 1 });
  const newest = page.entries[0];
  return newest ? { seq: seqOfRegistryKey(newest.key), value: newest.value } : { seq: 0 };
}

/** Registry numbers a retry reads from a hint (StoredReceipt.registryFrom), beside its claim's first number. */
const PROBE_LENGTH = 4;

/** The registry keys to read from `hint` on: the hint's own number (when above 0) and the next few. */
export function registryProbeKeys(hint: number): string[] {
  const first = Math.max(1, hint);
  return Array.from({ length: PROBE_LENGTH }, (_, i) => registryKey(first + i));
}

/**
 * The registry head those keys show: the last of the taken numbers from the hint on (a head that may lag,
 * as the query's may; a registration reads on from it when the next number is taken). Undefined when the
 * hint's own entry is missing: the hint cannot be trusted, so the caller queries.
 */
export function registryHeadFrom(
  found: ReadonlyMap<string, unknown>,
  hint: number,
): Position<RegistryRecord> | undefined {
  let head: Position<RegistryRecord> = { seq: 0 };
  for (let seq = Math.max(1, hint); seq < Math.max(1, hint) + PROBE_LENGTH; seq += 1) {
    const value = pick(found, 'accountRegistry', registryKey(seq));
    if (!value) break;
    head = { seq, value };
  }
  return hint > 0 && head.seq < hint ? undefined : head;
}

/**
 * Registers an account the app has just stored (idempotent). `undefined` for IDs that are never stored as
 * a person (`unknown`, `unidentified`, malformed). When two registrations of one account race, the one
 * that loses the `acctid:` write empties its own registry entry, so the account is reported once.
 */
export async function registerAccount(
  store: Store,
  accountId: string,
  seenAt: string,
): Promise<Registration | undefined> {
  if (!isReportableAccountId(accountId)) return undefined;
  const known = await readRecord(store, 'accountIndex', accountIndexKey(accountId));
  if (known) return { seq: known.seq, created: false };
  return registerFrom(store, accountId, seenAt, await registryHead(store));
}

/** The registration itself, from a registry head already read (the caller checked `acctid:` is absent). */
export async function registerFrom(
  store: Store,
  accountId: string,
  seenAt: string,
  head: Position<RegistryRecord>,
  backoff?: Backoff,
): Promise<Registration | undefined> {
  if (!isReportableAccountId(accountId)) return undefined;
  const indexKey = accountIndexKey(accountId);
  const claim = await claimNext(
    store,
    {
      family: 'accountRegistry',
      keyOf: registryKey,
      build: () => ({ accountId, firstSeenAt: seenAt }),
      isOurs: (entry) => entry.accountId === accountId,
      // Two entries of one account are settled by the `acctid:` write below, so jumping is always safe.
      newest: registryHead,
    },
    head,
    { verified: true, ...(backoff ? { backoff } : {}) },
  );
  const index: AccountIndexRecord = { seq: claim.seq };
  if (await createRecord(store, 'accountIndex', indexKey, index)) return { seq: claim.seq, created: claim.claimed };

  const winner = await readRecord(store, 'accountIndex', indexKey);
  if (winner && winner.seq !== claim.seq && claim.claimed) await voidEntry(store, claim.seq, claim.value);
  return { seq: winner?.seq ?? claim.seq, created: false };
}

/**
 * The report's repair of a registration that stopped between its two writes: writes `acctid:<accountId>`
 * → `seq` (write-once), then reads the entry back. When an erasure of this entry began meanwhile (an
 * overlapping run erasing it), the index entry just written would outlive the erasure, pointing at an
 * entry the report never sends again, so it is deleted. false when it was not written or was taken back.
 */
export async function createIndex(store: Store, accountId: string, seq: number): Promise<boolean> {
  const indexKey = accountIndexKey(accountId);
  if (!(await createRecord(store, 'accountIndex', indexKey, { seq }))) return false;
  const entry = await readRecord(store, 'accountRegistry', registryKey(seq));
  if (entry?.accountId === accountId && entry.erasing !== true) return true;
  await store.delete(indexKey);
  return false;
}

/** Empties a registry entry that duplicates another one of the same account. */
export async function voidEntry(store: Store, seq: number, entry: RegistryRecord): Promise<void> {
  await writeRecord(store, 'accountRegistry', registryKey(seq), { accountId: null, firstSeenAt: entry.firstSeenAt });
}

export interface RegistrySlot {
  seq: number;
  entry: RegistryRecord;
}

/** Up to 25 consecutive registry entries from `fromSeq`, with strict reads; stops before the first number not taken. */
export async function readSlots(store: Store, fromSeq: number, count = STORAGE_LIMITS.batch): Promise<RegistrySlot[]> {
  const seqs = Array.from({ length: count }, (_, i) => fromSeq + i);
  const found = await readRecords(store, 'accountRegistry', seqs.map(registryKey));
  const slots: RegistrySlot[] = [];
  for (const seq of seqs) {
    const entry = found.get(registryKey(seq));
    if (!entry) break;
    slots.push({ seq, entry });
  }
  return slots;
}

/** The `acctid:` entries of these accounts (at most 25), by account ID. */
export async function indexEntries(
  store: Store,
  accountIds: readonly string[],
): Promise<Map<string, AccountIndexRecord>> {
  const found = await readRecords(store, 'accountIndex', accountIds.map(accountIndexKey));
  const out = new Map<string, AccountIndexRecord>();
  for (const accountId of accountIds) {
    const value = found.get(accountIndexKey(accountId));
    if (value) out.set(accountId, value);
  }
  return out;
}
