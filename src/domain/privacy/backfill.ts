import { KEY_FAMILIES, STORAGE_LIMITS, accountOfAcknowledgmentKey } from '../inventory';
import type { Store } from '../ports';
import { allOf } from '../records';
import { isReportableAccountId } from './account-id';
import { indexEntries, registerAccount } from './registry';

/**
 * Registers every account an `ack:` marker names that the registry lacks: installations that acknowledged
 * before the registry existed, and registrations that failed after their acknowledgment was written. Runs
 * at the start of each report cycle; idempotent, so a run cut short simply starts it again. Returns how
 * many accounts it registered.
 */
export async function backfillRegistry(store: Store): Promise<number> {
  const firstSeen = new Map<string, string>();
  for await (const { key, value } of allOf(store, 'acknowledgment', KEY_FAMILIES.acknowledgment.prefix)) {
    const accountId = accountOfAcknowledgmentKey(key);
    if (!isReportableAccountId(accountId)) continue;
    const seen = firstSeen.get(accountId);
    if (seen === undefined || value.at < seen) firstSeen.set(accountId, value.at);
  }

  let registered = 0;
  const accounts = [...firstSeen.entries()];
  for (let i = 0; i < accounts.length; i += STORAGE_LIMITS.batch) {
    const group = accounts.slice(i, i + STORAGE_LIMITS.batch);
    const known = await indexEntries(
      store,
      group.map(([accountId]) => accountId),
    );
    for (const [accountId, seenAt] of group) {
      if (known.has(accountId)) continue;
      const outcome = await registerAccount(store, accountId, seenAt);
      if (outcome?.created) registered += 1;
    }
  }
  return registered;
}
