import { ERASED_PREFIX } from '../acknowledgments/byVersion';
import type { AcknowledgmentMarker } from '../acknowledgments/types';
import { KEY_FAMILIES } from '../inventory';
import type { Store, StoredValue } from '../ports';
import { isReportableAccountId } from './accountId';
import { indexEntries, registerAccount } from './registry';

/** `ack:v000001:` is the prefix of every marker key before the account part. */
const MARKER_ACCOUNT_OFFSET = 'ack:v000000:'.length;

/**
 * Registers every account an `ack:` marker names that the registry lacks: installations that acknowledged
 * before the registry existed, and registrations that failed after their acknowledgment was written. Runs
 * at the start of each report cycle; idempotent, so a run cut short simply starts it again. Returns how
 * many accounts it registered.
 */
export async function backfillRegistry(store: Store): Promise<number> {
  const firstSeen = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await store.query<StoredValue>(KEY_FAMILIES.acknowledgment.prefix, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.entries) {
      const accountId = entry.key.slice(MARKER_ACCOUNT_OFFSET);
      if (accountId.startsWith(ERASED_PREFIX) || !isReportableAccountId(accountId)) continue;
      const at = (entry.value as unknown as AcknowledgmentMarker).at;
      const seen = firstSeen.get(accountId);
      if (seen === undefined || at < seen) firstSeen.set(accountId, at);
    }
    cursor = page.next;
  } while (cursor);

  let registered = 0;
  const accounts = [...firstSeen.keys()];
  for (let i = 0; i < accounts.length; i += 25) {
    const group = accounts.slice(i, i + 25);
    const known = await indexEntries(store, group);
    for (const accountId of group) {
      if (known.has(accountId)) continue;
      const outcome = await registerAccount(store, accountId, firstSeen.get(accountId)!);
      if (outcome?.created) registered += 1;
    }
  }
  return registered;
}
