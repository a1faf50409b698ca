import {
  ERASED_PREFIX,
  KEY_FAMILIES,
  STORAGE_LIMITS,
  accountIndexKey,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  receiptKey,
  registryKey,
} from '../storage/inventory';
import type { Store } from '../platform-ports';
import { appendReceipt, deterministicReceiptId } from '../receipts/chain';
import type { StoredReceipt } from '../receipts/types';
import { allOf, createRecord, readRecord, readRecords, writeRecord } from '../storage/typed-store';
import type { Position } from '../storage/gapless-sequence';
import { isPending } from '../storage/stored-shapes';
import { eventEnvelope } from '../receipts/event-envelope';
import type { Installation, PrivacyDeps } from './types';

/**
 * Erasure of a closed account: its ID goes from every record, the salted commitments stay, so the chain
 * and every export still verify. Each step is idempotent and the registry entry is emptied last, so a run
 * cut short anywhere is finished by the next one (the report keeps the entry's number until then).
 */

const BATCH = STORAGE_LIMITS.batch;

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
  /** The newest receipt this scan saw: an erasure receipt is appended after it. */
  head: Position<StoredReceipt>;
}

/** One pass over the chain, newest first (storage pages of at most 20). */
async function scanChain(store: Store, accountId: string): Promise<ChainScan> {
  const mine: StoredReceipt[] = [];
  const covered = new Set<number>();
  let head: Position<StoredReceipt> = { seq: 0 };
  for await (const { value: stored } of allOf(store, 'receipt', KEY_FAMILIES.receipt.prefix)) {
    if (head.seq === 0) head = { seq: stored.receipt.seq, value: stored };
    if (stored.accountId === accountId) mine.push(stored);
    if (stored.receipt.kind === 'account-erased') stored.receipt.erasedSeqs.forEach((seq) => covered.add(seq));
  }
  return { mine, covered, head };
}

/**
 * Moves each `ack:v…:<accountId>` marker to `ack:v…:erased-<receipt seq>`, same value. A claim never
 * completed moves too when its receipt is on the chain (found by its id), and is dropped otherwise.
 */
async function moveMarkers(
  store: Store,
  versions: readonly number[],
  accountId: string,
  mine: readonly StoredReceipt[],
): Promise<void> {
  for (const group of chunks(versions, BATCH)) {
    const keys = group.map((version) => acknowledgmentKey(version, accountId));
    const found = await readRecords(store, 'acknowledgment', keys);
    for (const key of keys) {
      const marker = found.get(key);
      if (!marker) continue;
      const receipt = isPending(marker)
        ? mine.find((stored) => stored.receipt.receiptId === marker.claimId)?.receipt
        : undefined;
      const complete = isPending(marker)
        ? receipt && { seq: receipt.seq, receiptId: receipt.receiptId, at: receipt.at }
        : marker;
      if (complete) {
        const erasedKey = `${key.slice(0, key.length - accountId.length)}${ERASED_PREFIX}${complete.seq}`;
        await createRecord(store, 'acknowledgment', erasedKey, complete);
      }
      await store.delete(key);
    }
  }
}

async function clearFirstMarkers(store: Store, versions: readonly number[], accountId: string): Promise<void> {
  for (const group of chunks(versions, BATCH)) {
    const found = await readRecords(store, 'firstAcknowledgment', group.map(firstAcknowledgmentKey));
    for (const version of group) {
      const marker = found.get(firstAcknowledgmentKey(version));
      if (marker?.accountId !== accountId) continue;
      await writeRecord(store, 'firstAcknowledgment', firstAcknowledgmentKey(version), { ...marker, accountId: null });
    }
  }
}

/**
 * Erases one account ID from the chain and the acknowledgment markers, and appends one `account-erased`
 * receipt naming the receipts it touched (no personal data). Does not touch the registry.
 */
export async function eraseAccount(deps: PrivacyDeps, where: Installation, accountId: string): Promise<ErasureOutcome> {
  const { store, catalog } = deps;
  const { mine, covered, head } = await scanChain(store, accountId);
  const erasedSeqs = mine.map((stored) => stored.receipt.seq).sort((a, b) => a - b);

  let receiptAppended = false;
  if (erasedSeqs.some((seq) => !covered.has(seq))) {
    // One id per set of erased receipts: two overlapping runs erasing the same account append one receipt.
    const receiptId = deterministicReceiptId('account-erased', where.installation, ...erasedSeqs.map(String));
    const outcome = await appendReceipt(
      store,
      { kind: 'account-erased', reason: 'account-closed', erasedSeqs, ...eventEnvelope(deps, where), receiptId },
      null,
      { from: head, fresh: false },
    );
    receiptAppended = outcome.appended;
  }

  // The receipt itself is never rewritten: only the erasable account ID stored beside it.
  for (const stored of mine) {
    await writeRecord(store, 'receipt', receiptKey(stored.receipt.seq), { receipt: stored.receipt, accountId: null });
  }
  const versions = [
    ...new Set([...catalog.versions.map((v) => v.source.version), ...mine.map((s) => s.receipt.notice.version)]),
  ];
  await moveMarkers(store, versions, accountId, mine);
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
  const entry = await readRecord(store, 'accountRegistry', registryKey(seq));
  const accountId = entry?.accountId;
  if (!entry || !accountId) return undefined;
  // Marked first: a registration of this account that writes its index entry from now on takes it back.
  if (entry.erasing !== true)
    await writeRecord(store, 'accountRegistry', registryKey(seq), { ...entry, erasing: true });
  const outcome = await eraseAccount(deps, where, accountId);
  const index = await readRecord(store, 'accountIndex', accountIndexKey(accountId));
  const erasedAt = clock.now().toISOString();
  const empty = async (slot: number): Promise<void> => {
    const held = await readRecord(store, 'accountRegistry', registryKey(slot));
    if (held?.accountId !== accountId) return;
    await writeRecord(store, 'accountRegistry', registryKey(slot), {
      accountId: null,
      firstSeenAt: held.firstSeenAt,
      erasedAt,
    });
  };
  // Order matters for a retry: the entry the report keeps pending is emptied last.
  if (index && index.seq !== seq) await empty(index.seq);
  await store.delete(accountIndexKey(accountId));
  await empty(seq);
  return outcome;
}
