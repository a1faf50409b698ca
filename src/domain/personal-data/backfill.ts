import { KEY_FAMILIES, STORAGE_LIMITS, accountOfAcknowledgmentKey } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { allOf } from '../storage/typed-store';
import { isReportableAccountId } from './account-id';
import { indexEntries, mayBeInFlight, registerAccount } from './registry';

/**
 * Registers every account an `ack:` or `first:` marker names that the registry lacks: registrations that
 * failed after their acknowledgment was written, and acknowledgments that finished writing after their
 * account was erased (the account was closed while one was in flight). Runs at the start of each report
 * cycle; idempotent, so a run cut short simply starts it again. Returns how many accounts it registered.
 */
export async function backfillRegistry(store: Store, now: Date): Promise<number> {
  const firstSeen = new Map<string, string>();
  const note = (accountId: string | null, at: string): void => {
    if (!isReportableAccountId(accountId) || mayBeInFlight(at, now)) return; // its acknowledgment registers it
    const seen = firstSeen.get(accountId);
    if (seen === undefined || at < seen) firstSeen.set(accountId, at);
  };
  for await (const { key, value } of allOf(store, 'acknowledgment', KEY_FAMILIES.acknowledgment.prefix))
    note(accountOfAcknowledgmentKey(key), value.at);
  // The first acknowledger of each version is named on its `first:` marker too (one key per version).
  for await (const { value } of allOf(store, 'firstAcknowledgment', KEY_FAMILIES.firstAcknowledgment.prefix))
    note(value.accountId, value.at);

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
