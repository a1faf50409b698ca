import { SALT_KEY } from '../storage/inventory';
import type { IdSource, Store } from '../platform-ports';
import { createRecord, readRecord } from '../storage/typed-store';

/**
 * Creates the installation's commitment salt when it has none yet. Concurrent first acknowledgments race
 * on a write-once key, so every receipt of an installation commits with the same salt.
 */
export async function createInstallationSalt(store: Store, ids: IdSource): Promise<string> {
  const candidate = ids.randomHex(32);
  if (await createRecord(store, 'salt', SALT_KEY, candidate)) return candidate;
  const winner = await readRecord(store, 'salt', SALT_KEY);
  if (!winner) throw new Error('installation salt vanished after a write conflict');
  return winner;
}
