import {
  STORAGE_LIMITS,
  accountIndexKey,
  acknowledgmentKey,
  firstAcknowledgmentKey,
  KEY_FAMILIES,
} from '../storage/inventory';
import { StorageUnavailableError, type Store } from '../platform-ports';
import { registerFrom, registryHead } from '../personal-data/registry';
import { findClaimedReceipt } from '../receipts/claimed-append';
import { allOf, pick, writeRecord } from '../storage/typed-store';
import { isPending } from '../storage/stored-shapes';
import type { StatementCatalog } from '../statement/types';
import { completeMarkerOf, firstMarker } from './acknowledge';
import type { AcknowledgmentMarker, FirstMarker } from './types';

/** A batch read holds the caller's own marker, their registry index and the first markers of 23 versions. */
const FIRST_MARKERS_PER_READ = STORAGE_LIMITS.batch - 2;

export interface AcknowledgmentSnapshot {
  firsts: Map<number, FirstMarker>;
  /** The caller's completed acknowledgment of the version in force, if any. */
  own: AcknowledgmentMarker | undefined;
}

/**
 * Everything the first paint needs from storage in one batch read: the first-acknowledgment markers of
 * the newest versions and the caller's own marker for the version in force. Only when none of those
 * versions was ever acknowledged and older ones exist does it read on, by prefix.
 *
 * A read heals what a failed acknowledgment left: a pending claim whose receipt is on the chain is
 * completed (found along the claim's path, a read per step), and a finished acknowledgment gets its
 * version's first marker and its account's registration. Those writes are best effort: while storage
 * refuses writes (a quota), the read still answers, from the receipt it found.
 */
export async function readAcknowledgments(
  store: Store,
  catalog: StatementCatalog,
  accountId: string,
): Promise<AcknowledgmentSnapshot> {
  const versions = catalog.versions.map((statement) => statement.source.version);
  const current = versions[versions.length - 1];
  if (current === undefined) throw new Error('the statement catalog is empty');
  const newest = versions.slice(-FIRST_MARKERS_PER_READ);
  const ownKey = acknowledgmentKey(current, accountId);
  const indexKey = accountIndexKey(accountId);
  const found = await store.getMany([ownKey, indexKey, ...newest.map(firstAcknowledgmentKey)]);
  const firsts = new Map<number, FirstMarker>();
  for (const version of newest) {
    const marker = pick(found, 'firstAcknowledgment', firstAcknowledgmentKey(version));
    if (marker) firsts.set(version, marker);
  }
  if (firsts.size === 0 && versions.length > newest.length) {
    for await (const { value } of allOf(store, 'firstAcknowledgment', KEY_FAMILIES.firstAcknowledgment.prefix))
      firsts.set(value.version, value);
  }
  const marker = pick(found, 'acknowledgment', ownKey);
  let own: AcknowledgmentMarker | undefined;
  const heals: Array<Promise<unknown>> = [];
  if (marker && isPending(marker)) {
    const receipt = await findClaimedReceipt(store, marker);
    if (receipt) {
      own = completeMarkerOf(receipt);
      heals.push(writeRecord(store, 'acknowledgment', ownKey, own));
    }
  } else own = marker;
  if (own) {
    const seenAt = own.at;
    if (!found.has(indexKey))
      heals.push(registryHead(store).then((head) => registerFrom(store, accountId, seenAt, head)));
    if (!firsts.has(current)) {
      // The caller's acknowledgment finished but its first marker was never written (a failed last step).
      const first: FirstMarker = { version: current, seq: own.seq, accountId, at: own.at };
      firsts.set(current, first);
      heals.push(
        firstMarker(store, firstAcknowledgmentKey(current), first).then((stands) => firsts.set(current, stands)),
      );
    }
  }
  await Promise.all(heals.map((heal) => heal.catch(ignoreUnavailable)));
  return { firsts, own };
}

function ignoreUnavailable(error: unknown): void {
  if (!(error instanceof StorageUnavailableError)) throw error;
}
