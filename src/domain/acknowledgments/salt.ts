import { SALT_KEY } from '../inventory';
import type { IdSource, Store } from '../ports';

/**
 * The installation's commitment salt, created once. Concurrent first acknowledgments race on a write-once
 * key, so every receipt of an installation commits with the same salt.
 */
export async function installationSalt(store: Store, ids: IdSource): Promise<string> {
  const existing = await store.get<string>(SALT_KEY);
  if (existing) return existing;
  const candidate = ids.randomHex(32);
  if (await store.putIfAbsent(SALT_KEY, candidate)) return candidate;
  const winner = await store.get<string>(SALT_KEY);
  if (!winner) throw new Error('installation salt vanished after a write conflict');
  return winner;
}
