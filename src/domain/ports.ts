/**
 * What the domain needs from the outside world, as interfaces. The platform layer implements them on Forge
 * (src/platform/); tests and the preview run the same implementations against the platform emulator.
 */

/** A JSON value as KVS stores it: never `null` at the top level, never `undefined`. */
export type StoredValue =
  string | number | boolean | (StoredValue | null)[] | { [key: string]: StoredValue | null | undefined };

export interface StoredEntry<T> {
  key: string;
  value: T;
}

export interface QueryPage<T> {
  entries: StoredEntry<T>[];
  /** Opaque continuation, only valid for the same prefix. */
  next?: string;
}

/**
 * The app's storage, as the domain sees it. Every key it takes must belong to a family declared in
 * `inventory.ts`; the KVS adapter refuses any other key.
 */
export interface Store {
  /** Strongly consistent read; `undefined` when the key does not exist. */
  get<T extends StoredValue>(key: string): Promise<T | undefined>;
  /** Strongly consistent read of up to 25 keys in one operation; missing keys are absent from the map. */
  getMany<T extends StoredValue>(keys: readonly string[]): Promise<Map<string, T>>;
  /** Write-once: resolves `true` when written, `false` when the key already existed (nothing written). */
  putIfAbsent(key: string, value: StoredValue): Promise<boolean>;
  /** Last-write-wins. Only for derived, rebuildable state (indexes, progress markers). */
  put(key: string, value: StoredValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys in ascending order; eventually consistent. `limit` is at most 100. */
  query<T extends StoredValue>(prefix: string, options: { limit: number; cursor?: string }): Promise<QueryPage<T>>;
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
    readonly reason: 'rate-limited' | 'timeout' | 'server-error',
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
