import { CURRENT_LAYOUT, KEY_FAMILIES, KEY_NAMESPACE, LAYOUT_KEY, STORAGE_LIMITS, type FamilyName } from './inventory';
import type { Clock, Store } from './ports';
import { createRecord, decode, readRecord } from './records';

/**
 * 0.1.x wrote its keys without the `pp:` namespace. The first call that finds no `pp:meta:layout` moves
 * every such record once: copy under the namespace (write-once, so a record already moved or written
 * since is never replaced), record the layout, then delete the old keys. Every step is idempotent, so
 * concurrent or interrupted migrations finish the same way. Nothing is written under the namespace by an
 * acknowledgment before the layout is recorded, so the chain cannot fork across the two layouts.
 */

async function moveFamily(store: Store, name: FamilyName, legacyPrefix: string): Promise<string[]> {
  const family = KEY_FAMILIES[name];
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(legacyPrefix, {
      limit: STORAGE_LIMITS.queryPage,
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.entries) {
      const moved = `${KEY_NAMESPACE}${entry.key}`;
      if (!family.matches.test(moved)) continue; // e.g. `acctid:` keys under the `acct:` prefix
      await store.putIfAbsent(moved, decode(name, entry.key, entry.value));
      keys.push(entry.key);
    }
    cursor = page.next;
  } while (cursor);
  return keys;
}

/** Moves 0.1.x records under the namespace; returns how many it moved. */
export async function migrateLegacyKeys(store: Store, clock: Clock): Promise<number> {
  const moved: string[] = [];
  for (const name of Object.keys(KEY_FAMILIES) as FamilyName[]) {
    const family = KEY_FAMILIES[name];
    if ('legacyPrefix' in family) moved.push(...(await moveFamily(store, name, family.legacyPrefix)));
  }
  await createRecord(store, 'layout', LAYOUT_KEY, { layout: CURRENT_LAYOUT, at: clock.now().toISOString() });
  for (const key of moved) await store.delete(key);
  return moved.length;
}

/**
 * For an installation whose layout marker is absent: moves its 0.1.x records when it has any (true), or
 * just records the layout (false: nothing under the namespace changed, so reads made meanwhile stand). Every
 * 0.1.x installation with anything worth keeping has a receipt, so one query tells the two apart.
 */
export async function adoptLayout(store: Store, clock: Clock): Promise<boolean> {
  const legacy = await store.query(KEY_FAMILIES.receipt.legacyPrefix, { limit: 1 });
  if (legacy.entries.length > 0) {
    await migrateLegacyKeys(store, clock);
    return true;
  }
  await createRecord(store, 'layout', LAYOUT_KEY, { layout: CURRENT_LAYOUT, at: clock.now().toISOString() });
  return false;
}

/** Runs the migration when this installation has not recorded its layout yet. */
export async function ensureLayout(store: Store, clock: Clock): Promise<void> {
  if (!(await readRecord(store, 'layout', LAYOUT_KEY))) await adoptLayout(store, clock);
}

/**
 * Runs `read` with the layout check beside it (no extra round trip once migrated); when records were moved,
 * runs `read` again.
 */
export async function withLayout<T>(store: Store, clock: Clock, read: () => Promise<T>): Promise<T> {
  const [layout, result] = await Promise.all([readRecord(store, 'layout', LAYOUT_KEY), read()]);
  if (layout || !(await adoptLayout(store, clock))) return result;
  return read();
}
