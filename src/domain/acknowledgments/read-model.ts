import { STORAGE_LIMITS, acknowledgmentKey, firstAcknowledgmentKey, KEY_FAMILIES, LAYOUT_KEY } from '../inventory';
import { adoptLayout } from '../layout';
import type { Clock, Store } from '../ports';
import { allOf, createRecord, pick, readRecord } from '../records';
import { isPending } from '../shapes';
import type { StatementCatalog } from '../statement/types';
import type { AcknowledgmentMarker, FirstMarker } from './types';

/** A batch read holds the caller's own marker, the layout marker and the first markers of 23 versions. */
const FIRST_MARKERS_PER_READ = STORAGE_LIMITS.batch - 2;

export interface AcknowledgmentSnapshot {
  firsts: Map<number, FirstMarker>;
  /** The caller's completed acknowledgment of the version in force, if any. */
  own: AcknowledgmentMarker | undefined;
}

/**
 * Everything the first paint needs from storage in one batch read: the first-acknowledgment markers of
 * the newest versions and the caller's own marker for the version in force. Only when none of those
 * versions was ever acknowledged and older ones exist does it read on, by prefix. An installation still on
 * the 0.1.x key layout is migrated first (src/domain/layout.ts).
 */
export async function readAcknowledgments(
  store: Store,
  catalog: StatementCatalog,
  accountId: string,
  clock: Clock,
): Promise<AcknowledgmentSnapshot> {
  const versions = catalog.versions.map((statement) => statement.source.version);
  const current = versions[versions.length - 1];
  if (current === undefined) throw new Error('the statement catalog is empty');
  const newest = versions.slice(-FIRST_MARKERS_PER_READ);
  const ownKey = acknowledgmentKey(current, accountId);
  const found = await store.getMany([ownKey, LAYOUT_KEY, ...newest.map(firstAcknowledgmentKey)]);
  if (!found.has(LAYOUT_KEY) && (await adoptLayout(store, clock)))
    return readAcknowledgments(store, catalog, accountId, clock);
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
  const own = marker && !isPending(marker) ? marker : undefined;
  if (own && !firsts.has(current)) {
    // The caller's acknowledgment finished but its first marker was never written (a failed last step): heal.
    const first: FirstMarker = { version: current, seq: own.seq, accountId, at: own.at };
    const key = firstAcknowledgmentKey(current);
    const written = await createRecord(store, 'firstAcknowledgment', key, first);
    firsts.set(current, written ? first : ((await readRecord(store, 'firstAcknowledgment', key)) ?? first));
  }
  return { firsts, own };
}
