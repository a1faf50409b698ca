/**
 * The emulator's storage: one key space for data and one for secrets per installation. Values are kept as
 * JSON text, so nothing handed in or out shares references with what is stored.
 */

export type Namespace = 'data' | 'secret';

export interface StoredRecord {
  /** The value as JSON text. */
  json: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** ISO 8601, when a TTL was given. Kept and reported, never enforced. */
  expireTime?: string;
}

interface InstallationData {
  data: Map<string, StoredRecord>;
  secret: Map<string, StoredRecord>;
}

/** The storage as written to disk: installation → namespace → key → record. */
export type StoreSnapshot = Record<string, Record<Namespace, Record<string, StoredRecord>>>;

const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first index in sorted `keys` whose key is >= `target` (binary search). */
function lowerBound(keys: readonly string[], target: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class KvsStore {
  private readonly installations = new Map<string, InstallationData>();
  /** Sorted keys per key space, rebuilt lazily after a key is added or removed (not when a value changes). */
  private readonly sortedCache = new Map<Map<string, StoredRecord>, string[]>();

  private space(installContext: string, namespace: Namespace): Map<string, StoredRecord> {
    let inst = this.installations.get(installContext);
    if (!inst) {
      inst = { data: new Map(), secret: new Map() };
      this.installations.set(installContext, inst);
    }
    return inst[namespace];
  }

  read(installContext: string, namespace: Namespace, key: string): StoredRecord | undefined {
    const record = this.installations.get(installContext)?.[namespace].get(key);
    return record ? { ...record } : undefined;
  }

  has(installContext: string, namespace: Namespace, key: string): boolean {
    return this.installations.get(installContext)?.[namespace].has(key) ?? false;
  }

  /** Writes a value; returns the record it replaced, if any, and the new one. */
  write(
    installContext: string,
    namespace: Namespace,
    key: string,
    json: string,
    nowMs: number,
    expireTime?: string,
  ): { previous?: StoredRecord; current: StoredRecord } {
    const space = this.space(installContext, namespace);
    const previous = space.get(key);
    if (!previous) this.sortedCache.delete(space);
    const current: StoredRecord = { json, createdAt: previous?.createdAt ?? nowMs, updatedAt: nowMs };
    if (expireTime !== undefined) current.expireTime = expireTime;
    space.set(key, current);
    return previous ? { previous: { ...previous }, current: { ...current } } : { current: { ...current } };
  }

  /** Removes a key; true when it existed. */
  remove(installContext: string, namespace: Namespace, key: string): boolean {
    const space = this.installations.get(installContext)?.[namespace];
    if (!space?.delete(key)) return false;
    this.sortedCache.delete(space);
    return true;
  }

  private sorted(space: Map<string, StoredRecord>): string[] {
    let keys = this.sortedCache.get(space);
    if (!keys) {
      keys = [...space.keys()].sort(ascending);
      this.sortedCache.set(space, keys);
    }
    return keys;
  }

  /** All keys of one key space in ascending lexicographic (UTF-16 code unit) order. */
  sortedKeys(installContext: string, namespace: Namespace): string[] {
    const space = this.installations.get(installContext)?.[namespace];
    return space ? [...this.sorted(space)] : [];
  }

  /**
   * Up to `count` keys starting with `prefix` and greater than `after`, in ascending order: a binary search
   * into the sorted keys, so a page costs the same however many keys the installation holds.
   */
  keysFrom(
    installContext: string,
    namespace: Namespace,
    prefix: string,
    after: string | undefined,
    count: number,
  ): string[] {
    const space = this.installations.get(installContext)?.[namespace];
    if (!space) return [];
    const keys = this.sorted(space);
    let index = lowerBound(keys, prefix);
    if (after !== undefined && after >= prefix) {
      index = lowerBound(keys, after);
      if (keys[index] === after) index += 1;
    }
    const out: string[] = [];
    for (; index < keys.length && out.length < count; index += 1) {
      const key = keys[index] as string;
      if (!key.startsWith(prefix)) break;
      out.push(key);
    }
    return out;
  }

  installationIds(): string[] {
    return [...this.installations.keys()];
  }

  /** Wipes one installation, or every installation. */
  wipe(installContext?: string): void {
    if (installContext === undefined) this.installations.clear();
    else this.installations.delete(installContext);
    this.sortedCache.clear();
  }

  snapshot(): StoreSnapshot {
    const out: StoreSnapshot = {};
    for (const [ctx, inst] of this.installations) {
      out[ctx] = { data: Object.fromEntries(inst.data), secret: Object.fromEntries(inst.secret) };
    }
    return out;
  }

  restore(snapshot: StoreSnapshot): void {
    this.installations.clear();
    this.sortedCache.clear();
    for (const [ctx, inst] of Object.entries(snapshot)) {
      this.installations.set(ctx, {
        data: new Map(Object.entries(inst.data)),
        secret: new Map(Object.entries(inst.secret)),
      });
    }
  }
}
