import { acknowledgmentKey } from '../inventory';
import type { Store, StoredValue } from '../ports';
import type { AcknowledgmentMarker, AcknowledgmentView } from './types';

/** The account ID an `ack:` key names, or null for the placeholder an erasure leaves (`erased-<seq>`). */
function accountOfKey(key: string, version: number): string | null {
  const account = key.slice(acknowledgmentKey(version, '').length);
  return account.startsWith(ERASED_PREFIX) ? null : account;
}

/** Erasure replaces `ack:v…:<accountId>` with `ack:v…:erased-<seq>`, so the fact survives without the ID. */
export const ERASED_PREFIX = 'erased-';

/**
 * Acknowledgments of the given versions from their `ack:` markers (one prefix query per 100), made at or
 * before `atOrBefore`, oldest first, at most `max`.
 */
export async function acknowledgmentsOf(
  store: Store,
  versions: readonly number[],
  options: { atOrBefore: string; max: number },
): Promise<AcknowledgmentView[]> {
  const found: AcknowledgmentView[] = [];
  for (const version of versions) {
    const prefix = acknowledgmentKey(version, '');
    let cursor: string | undefined;
    do {
      const page = await store.query<StoredValue>(prefix, { limit: 100, ...(cursor ? { cursor } : {}) });
      for (const entry of page.entries) {
        const marker = entry.value as unknown as AcknowledgmentMarker;
        if (marker.at <= options.atOrBefore)
          found.push({ version, accountId: accountOfKey(entry.key, version), at: marker.at });
      }
      cursor = page.next;
    } while (cursor && found.length < options.max);
    if (found.length >= options.max) break;
  }
  return found.sort((a, b) => a.at.localeCompare(b.at)).slice(0, options.max);
}
