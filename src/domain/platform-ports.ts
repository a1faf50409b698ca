/**
 * What the domain needs from the outside world, as interfaces. The platform layer implements them on Forge
 * (src/platform/); tests and the preview run the same implementations against the platform emulator.
 */

/** A JSON value as KVS stores it: never `null` or `undefined` at the top level. Shapes live in storage/stored-shapes.ts. */
export type Storable = string | number | boolean | object;

export interface StoredEntry {
  key: string;
  /** Raw: decode it with its family's shape (src/domain/storage/typed-store.ts) before use. */
  value: unknown;
}

export interface QueryPage {
  entries: StoredEntry[];
  /** Opaque continuation, only valid for the same prefix. */
  next?: string;
}

/**
 * The app's storage, as the domain sees it. Every key it takes must belong to a family declared in
 * `inventory.ts`; the KVS adapter refuses any other key. Values come back raw (`unknown`): the domain reads
 * them through src/domain/storage/typed-store.ts, which checks each against its family's shape.
 */
export interface Store {
  /** Strongly consistent read; `undefined` when the key does not exist. */
  get(key: string): Promise<unknown>;
  /** Strongly consistent read of up to `STORAGE_LIMITS.batch` keys; missing keys are absent from the map. */
  getMany(keys: readonly string[]): Promise<Map<string, unknown>>;
  /** Write-once: resolves `true` when written, `false` when the key already existed (nothing written). */
  putIfAbsent(key: string, value: Storable): Promise<boolean>;
  /** Last-write-wins. Only for derived, rebuildable state (indexes, progress markers). */
  put(key: string, value: Storable): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys in ascending order; eventually consistent. `limit` is at most `STORAGE_LIMITS.queryPage`. */
  query(prefix: string, options: { limit: number; cursor?: string }): Promise<QueryPage>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A random identifier (UUID v4). */
  uuid(): string;
  /** `bytes` random bytes as lowercase hex. */
  randomHex(bytes: number): string;
}

/**
 * A storage failure the caller may retry (rate limit, timeout, transient 5xx). The KVS adapter maps the
 * platform's errors to this so the domain and resolvers never see a Forge type.
 */
export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'rate-limited' | 'timeout' | 'server-error' | 'unexpected-answer',
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'StorageUnavailableError';
  }
}

/** The storage refused a continuation cursor (forged, stale, or from another query). */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not valid for this list');
    this.name = 'InvalidCursorError';
  }
}

/** A stored value does not have its key family's shape: damaged, foreign, or from an unknown version. */
export class StoredShapeError extends Error {
  constructor(
    readonly key: string,
    readonly family: string,
    readonly problem: string,
  ) {
    super(`stored value at '${key}' is not a valid ${family} record (${problem})`);
    this.name = 'StoredShapeError';
  }
}
