import { ERASED_PREFIX } from '../acknowledgments/byVersion';
import type { AcknowledgmentMarker, FirstMarker } from '../acknowledgments/types';
import {
  KEY_FAMILIES,
  accountIndexKey,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  receiptKey,
  registryKey,
} from '../inventory';
import type { Store, StoredValue } from '../ports';
import { appendReceipt } from '../receipts/chain';
import type { StoredReceipt } from '../receipts/types';
import { eventEnvelope } from './notice';
import type { AccountIndexEntry, Installation, PrivacyDeps, RegistryEntry } from './types';

/**
 * Erasure of a closed account: its ID goes from every record, the salted commitments stay, so the chain
 * and every export still verify. Each step is idempotent and the registry entry is emptied last, so a run
 * cut short anywhere is finished by the next one (the report keeps the entry's number until then).
 */

const BATCH = 25;

export interface ErasureOutcome {
  /** The receipts whose account ID was erased. */
  erasedSeqs: number[];
  /** false when an earlier, interrupted erasure already recorded these receipts (or there were none). */
  receiptAppended: boolean;
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

interface ChainScan {
  mine: StoredReceipt[];
  /** Receipt numbers an `account-erased` receipt already names. */
  covered: Set<number>;
}

/** One pass over the chain (prefix pages of 100, cursor used only within this pass). */
async function scanChain(store: Store, accountId: string): Promise<ChainScan> {
  const mine: StoredReceipt[] = [];
  const covered = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = await store.query<StoredValue>(KEY_FAMILIES.receipt.prefix, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.entries) {
      const stored = entry.value as unknown as StoredReceipt;
      if (stored.accountId === accountId) mine.push(stored);
      if (stored.receipt.kind === 'account-erased') stored.receipt.erasedSeqs.forEach((seq) => covered.add(seq));
    }
    cursor = page.next;
  } while (cursor);
  return { mine, covered };
}

/** Moves each `ack:v…:<accountId>` marker to `ack:v…:erased-<receipt seq>`, same value. */
async function moveMarkers(store: Store, versions: readonly number[], accountId: string): Promise<void> {
  for (const group of chunks(versions, BATCH)) {
    const keys = group.map((version) => acknowledgmentKey(version, accountId));
    const found = await store.getMany<StoredValue>(keys);
    for (const version of group) {
      const key = acknowledgmentKey(version, accountId);
      const marker = found.get(key) as unknown as AcknowledgmentMarker | undefined;
      if (!marker) continue;
      await store.putIfAbsent(
        acknowledgmentKey(version, `${ERASED_PREFIX}${marker.seq}`),
        marker as unknown as StoredValue,
      );
      await store.delete(key);
    }
  }
}

async function clearFirstMarkers(store: Store, versions: readonly number[], accountId: string): Promise<void> {
  for (const group of chunks(versions, BATCH)) {
    const found = await store.getMany<StoredValue>(group.map(firstAcknowledgmentKey));
    for (const version of group) {
      const marker = found.get(firstAcknowledgmentKey(version)) as unknown as FirstMarker | undefined;
      if (marker?.accountId !== accountId) continue;
      const cleared: FirstMarker = { ...marker, accountId: null };
      await store.put(firstAcknowledgmentKey(version), cleared as unknown as StoredValue);
    }
  }
}

/**
 * Erases one account ID from the chain and the acknowledgment markers, and appends one `account-erased`
 * receipt naming the receipts it touched (no personal data). Does not touch the registry.
 */
export async function eraseAccount(deps: PrivacyDeps, where: Installation, accountId: string): Promise<ErasureOutcome> {
  const { store, catalog } = deps;
  const { mine, covered } = await scanChain(store, accountId);
  const erasedSeqs = mine.map((stored) => stored.receipt.seq).sort((a, b) => a - b);

  let receiptAppended = false;
  if (erasedSeqs.some((seq) => !covered.has(seq))) {
    const same = (seqs: readonly number[]) =>
      seqs.length === erasedSeqs.length && seqs.every((seq, i) => seq === erasedSeqs[i]);
    const outcome = await appendReceipt(
      store,
      { kind: 'account-erased', reason: 'account-closed', erasedSeqs, ...eventEnvelope(deps, where) },
      null,
      (head) => head.receipt.kind === 'account-erased' && same(head.receipt.erasedSeqs),
    );
    receiptAppended = outcome.appended;
  }

  // The receipt itself is never rewritten: only the erasable account ID stored beside it.
  for (const stored of mine) {
    const erased: StoredReceipt = { receipt: stored.receipt, accountId: null };
    await store.put(receiptKey(stored.receipt.seq), erased as unknown as StoredValue);
  }
  const versions = [
    ...new Set([...catalog.versions.map((v) => v.source.version), ...mine.map((s) => s.receipt.notice.version)]),
  ];
  await moveMarkers(store, versions, accountId);
  await clearFirstMarkers(store, versions, accountId);
  return { erasedSeqs, receiptAppended };
}

/**
 * Erases the account a registry entry names, then empties the entry (and any other entry the index points
 * to) and deletes its `acctid:` key. `undefined` when the entry was already empty.
 */
export async function eraseRegistryEntry(
  deps: PrivacyDeps,
  where: Installation,
  seq: number,
): Promise<ErasureOutcome | undefined> {
  const { store, clock } = deps;
  const entry = (await store.get<StoredValue>(registryKey(seq))) as unknown as RegistryEntry | undefined;
  const accountId = entry?.accountId;
  if (!accountId) return undefined;
  const outcome = await eraseAccount(deps, where, accountId);
  const index = (await store.get<StoredValue>(accountIndexKey(accountId))) as unknown as AccountIndexEntry | undefined;
  const erasedAt = clock.now().toISOString();
  const empty = async (slot: number): Promise<void> => {
    const held = (await store.get<StoredValue>(registryKey(slot))) as unknown as RegistryEntry | undefined;
    if (held?.accountId !== accountId) return;
    const emptied: RegistryEntry = { accountId: null, firstSeenAt: held.firstSeenAt, erasedAt };
    await store.put(registryKey(slot), emptied as unknown as StoredValue);
  };
  // Order matters for a retry: the entry the report keeps pending is emptied last.
  if (index && index.seq !== seq) await empty(index.seq);
  await store.delete(accountIndexKey(accountId));
  await empty(seq);
  return outcome;
}
