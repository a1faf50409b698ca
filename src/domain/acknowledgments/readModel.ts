import { KEY_FAMILIES, acknowledgmentKey, firstAcknowledgmentKey } from '../inventory';
import type { Store, StoredValue } from '../ports';
import type { StatementCatalog } from '../statement/types';
import type { AcknowledgmentMarker, FirstMarker } from './types';

/** A batch read holds at most 25 keys: the caller's own marker plus the first markers of 24 versions. */
const FIRST_MARKERS_PER_READ = 24;

export interface AcknowledgmentSnapshot {
  firsts: Map<number, FirstMarker>;
  /** The caller's acknowledgment of the version in force, if any. */
  own: AcknowledgmentMarker | undefined;
}

/**
 * Everything the first paint needs from storage in one batch read: the first-acknowledgment markers of
 * the newest versions and the caller's own marker for the version in force. Only when none of those 24
 * versions was ever acknowledged and older ones exist does it read once more, by prefix.
 */
export async function readAcknowledgments(
  store: Store,
  catalog: StatementCatalog,
  accountId: string,
): Promise<AcknowledgmentSnapshot> {
  const versions = catalog.versions.map((statement) => statement.source.version);
  const current = versions[versions.length - 1]!;
  const newest = versions.slice(-FIRST_MARKERS_PER_READ);
  const ownKey = acknowledgmentKey(current, accountId);
  const found = await store.getMany<StoredValue>([ownKey, ...newest.map(firstAcknowledgmentKey)]);
  const firsts = new Map<number, FirstMarker>();
  for (const version of newest) {
    const marker = found.get(firstAcknowledgmentKey(version)) as unknown as FirstMarker | undefined;
    if (marker) firsts.set(version, marker);
  }
  if (firsts.size === 0 && versions.length > newest.length) {
    const page = await store.query<StoredValue>(KEY_FAMILIES.firstAcknowledgment.prefix, { limit: 100 });
    for (const entry of page.entries) {
      const marker = entry.value as unknown as FirstMarker;
      firsts.set(marker.version, marker);
    }
  }
  return { firsts, own: found.get(ownKey) as unknown as AcknowledgmentMarker | undefined };
}
