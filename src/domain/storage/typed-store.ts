/**
 * The typed storage edge: every read decodes the value with its key family's shape (stored-shapes.ts), every
 * write takes the family's record type, and one iterator pages through a prefix. The domain touches
 * `Store` only through these.
 */
import { KEY_FAMILIES, STORAGE_LIMITS, type FamilyName } from './inventory';
import { StorageUnavailableError, StoredShapeError, type Store, type Storable } from '../platform-ports';
import { SHAPES } from './stored-shapes';

type Shapes = typeof SHAPES;
export type RecordOf<F extends FamilyName> = Shapes[F] extends { parse(value: unknown): infer R }
  ? Extract<R, { ok: true }> extends { value: infer T }
    ? T
    : never
  : never;

/** The value typed as its family's record, or a StoredShapeError naming the key and the rule. */
export function decode<F extends FamilyName>(family: F, key: string, value: unknown): RecordOf<F> {
  const result = SHAPES[family].parse(value);
  if (!result.ok) throw new StoredShapeError(key, KEY_FAMILIES[family].name, result.problem);
  return result.value as RecordOf<F>;
}

export async function readRecord<F extends FamilyName>(
  store: Store,
  family: F,
  key: string,
): Promise<RecordOf<F> | undefined> {
  const value = await store.get(key);
  return value === undefined ? undefined : decode(family, key, value);
}

/** Several keys of one family in one batch read (at most `STORAGE_LIMITS.batch`). */
export async function readRecords<F extends FamilyName>(
  store: Store,
  family: F,
  keys: readonly string[],
): Promise<Map<string, RecordOf<F>>> {
  const out = new Map<string, RecordOf<F>>();
  if (keys.length === 0) return out;
  const found = await store.getMany(keys);
  for (const key of keys) {
    const value = found.get(key);
    if (value !== undefined) out.set(key, decode(family, key, value));
  }
  return out;
}

/** From one batch read of mixed families: the value at `key`, decoded as `family`. */
export function pick<F extends FamilyName>(
  found: ReadonlyMap<string, unknown>,
  family: F,
  key: string,
): RecordOf<F> | undefined {
  const value = found.get(key);
  return value === undefined ? undefined : decode(family, key, value);
}

/** Write-once: true when written, false when the key already held a value. */
export function createRecord<F extends FamilyName>(
  store: Store,
  _family: F,
  key: string,
  value: RecordOf<F> & Storable,
): Promise<boolean> {
  return store.putIfAbsent(key, value);
}

export function writeRecord<F extends FamilyName>(
  store: Store,
  _family: F,
  key: string,
  value: RecordOf<F> & Storable,
): Promise<void> {
  return store.put(key, value);
}

export interface Paged<T> {
  entries: Array<{ key: string; value: T }>;
  /** Continue here; absent at the end. */
  cursor?: string;
}

/**
 * The one paging loop: up to `max` records of a family under `prefix`, asking storage for at most
 * `STORAGE_LIMITS.queryPage` keys at a time, from `cursor`. Stops early when `more()` says so (a time
 * budget). The cursor it returns continues exactly after the last entry returned.
 */
export async function pageOf<F extends FamilyName>(
  store: Store,
  family: F,
  options: {
    prefix?: string;
    max: number;
    cursor?: string;
    more?: () => boolean;
    /** When storage is rate limited after some entries were read, answer those (with a cursor) instead. */
    partialWhenLimited?: boolean;
    /** Given: a value without its family's shape is passed here and left out, instead of thrown. */
    onInvalid?: (error: StoredShapeError) => void;
  },
): Promise<Paged<RecordOf<F>>> {
  const prefix = options.prefix ?? KEY_FAMILIES[family].prefix;
  const entries: Paged<RecordOf<F>>['entries'] = [];
  let cursor = options.cursor;
  do {
    const limit = Math.min(STORAGE_LIMITS.queryPage, options.max - entries.length);
    let page;
    try {
      page = await store.query(prefix, { limit, ...(cursor ? { cursor } : {}) });
    } catch (error) {
      const limited = error instanceof StorageUnavailableError && error.reason === 'rate-limited';
      if (limited && options.partialWhenLimited && entries.length > 0 && cursor) return { entries, cursor };
      throw error;
    }
    for (const entry of page.entries) {
      try {
        entries.push({ key: entry.key, value: decode(family, entry.key, entry.value) });
      } catch (error) {
        if (!(error instanceof StoredShapeError) || !options.onInvalid) throw error;
        options.onInvalid(error);
      }
    }
    cursor = page.next;
  } while (cursor && entries.length < options.max && (options.more?.() ?? true));
  return { entries, ...(cursor ? { cursor } : {}) };
}

/** Every record of a family under `prefix`, page by page (for scans that must see everything). */
export async function* allOf<F extends FamilyName>(
  store: Store,
  family: F,
  prefix: string = KEY_FAMILIES[family].prefix,
): AsyncGenerator<{ key: string; value: RecordOf<F> }> {
  let cursor: string | undefined;
  do {
    const page = await pageOf(store, family, { prefix, max: STORAGE_LIMITS.queryPage, ...(cursor ? { cursor } : {}) });
    yield* page.entries;
    cursor = page.cursor;
  } while (cursor);
}
