import { KEY_FAMILIES, accountIndexKey, registryKey, seqOfRegistryKey } from '../inventory';
import type { Store, StoredValue } from '../ports';
import { claimNextSequence } from '../sequence';
import { isReportableAccountId } from './accountId';
import type { AccountIndexEntry, RegistryEntry } from './types';

/**
 * The account registry: every account the app stores, once, numbered 1, 2, 3, … with no gaps
 * (`acct:<countdown>`), plus `acctid:<accountId>` → `{ seq }` so an account is registered once. Reporting
 * walks it by number with strict batch reads, so a report resumes from a number, never from a KVS cursor.
 */

const asEntry = (value: StoredValue | undefined): RegistryEntry | undefined =>
  value as unknown as RegistryEntry | undefined;

export interface Registration {
  seq: number;
  /** false when the account was already registered. */
  created: boolean;
}

async function registryHint(store: Store): Promise<{ seq: number; value: StoredValue | undefined }> {
  const page = await store.query<StoredValue>(KEY_FAMILIES.accountRegistry.prefix, { limit: 1 });
  const newest = page.entries[0];
  if (!newest) return { seq: 0, value: undefined };
  return { seq: seqOfRegistryKey(newest.key), value: newest.value };
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
  const indexKey = accountIndexKey(accountId);
  const known = await store.get<StoredValue>(indexKey);
  if (known) return { seq: (known as unknown as AccountIndexEntry).seq, created: false };

  const claim = await claimNextSequence<StoredValue>(
    store,
    {
      keyOf: registryKey,
      build: () => ({ accountId, firstSeenAt: seenAt }) satisfies RegistryEntry,
      isDuplicate: (head) => asEntry(head)?.accountId === accountId,
    },
    await registryHint(store),
    'registry sequence number',
  );
  const index: AccountIndexEntry = { seq: claim.seq };
  if (await store.putIfAbsent(indexKey, index as unknown as StoredValue))
    return { seq: claim.seq, created: claim.claimed };

  const winner = (await store.get<StoredValue>(indexKey)) as unknown as AccountIndexEntry | undefined;
  if (winner && winner.seq !== claim.seq && claim.claimed) await voidEntry(store, claim.seq, asEntry(claim.value)!);
  return { seq: winner?.seq ?? claim.seq, created: false };
}

/** Empties a registry entry that duplicates another one of the same account. */
export async function voidEntry(store: Store, seq: number, entry: RegistryEntry): Promise<void> {
  const emptied: RegistryEntry = { accountId: null, firstSeenAt: entry.firstSeenAt };
  await store.put(registryKey(seq), emptied as unknown as StoredValue);
}

export interface RegistrySlot {
  seq: number;
  entry: RegistryEntry;
}

/** Up to 25 consecutive registry entries from `fromSeq`, with strict reads; stops before the first number not taken. */
export async function readSlots(store: Store, fromSeq: number, count = 25): Promise<RegistrySlot[]> {
  const seqs = Array.from({ length: count }, (_, i) => fromSeq + i);
  const found = await store.getMany<StoredValue>(seqs.map(registryKey));
  const slots: RegistrySlot[] = [];
  for (const seq of seqs) {
    const entry = asEntry(found.get(registryKey(seq)));
    if (!entry) break;
    slots.push({ seq, entry });
  }
  return slots;
}

/** The `acctid:` entries of these accounts (at most 25), by account ID. */
export async function indexEntries(
  store: Store,
  accountIds: readonly string[],
): Promise<Map<string, AccountIndexEntry>> {
  const found = await store.getMany<StoredValue>(accountIds.map(accountIndexKey));
  const out = new Map<string, AccountIndexEntry>();
  for (const accountId of accountIds) {
    const value = found.get(accountIndexKey(accountId));
    if (value) out.set(accountId, value as unknown as AccountIndexEntry);
  }
  return out;
}
