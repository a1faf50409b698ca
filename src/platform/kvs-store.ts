import { kvs, ForgeKvsAPIError, WhereConditions } from '@forge/kvs';
import { STORAGE_LIMITS, assertDeclaredKey } from '../domain/storage/inventory';
import { toLogicalKey, toPhysicalKey, validateKeyPrefix } from '../domain/storage/key-prefix';
import { InvalidCursorError, StorageUnavailableError, type QueryPage, type Store } from '../domain/platform-ports';

/** The only storage the app has: Forge KVS, behind the domain's `Store` port. */

/**
 * Atlassian documents no answer for a FAIL_IF_EXISTS write on an existing key (docs/receipts.md). So the
 * adapter does not trust any shape: every refusal of such a write that is not a rate limit or a server
 * error is settled by reading the key back. There: the key was taken (a conflict, `false`). Absent: the
 * write was refused for another reason, a typed retryable error; never a guess.
 */
async function settleRefusedCreate(key: string, error: unknown): Promise<boolean> {
  const mapped = toStorageError(error);
  if (mapped instanceof StorageUnavailableError) throw mapped;
  if (!(error instanceof ForgeKvsAPIError)) throw mapped;
  if (error.responseDetails.status === 409) return false; // a conflict by any name: the key is taken
  const existing = await call(() => kvs.get(key));
  if (existing !== undefined) return false;
  throw new StorageUnavailableError(
    `Forge storage refused a write-once write (${error.responseDetails.status} ${error.code}) and the key is absent`,
    'unexpected-answer',
  );
}

/** Maps what the KVS client throws to the domain's retryable error; anything else passes through untouched. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof ForgeKvsAPIError) {
    const status = error.responseDetails.status;
    if (status === 429 || error.code === 'RATE_LIMIT_EXCEEDED' || error.code === 'TOO_MANY_REQUESTS') {
      return new StorageUnavailableError('Forge storage is rate limited', 'rate-limited');
    }
    if (status >= 500) return new StorageUnavailableError(`Forge storage answered ${status}`, 'server-error');
    return error;
  }
  if (
    error instanceof Error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError' || /timed? ?out/i.test(error.message))
  ) {
    return new StorageUnavailableError('Forge storage did not answer in time', 'timeout');
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return new StorageUnavailableError('Forge storage could not be reached', 'server-error');
  }
  return error;
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error);
  }
}

export const BATCH_LIMIT = STORAGE_LIMITS.batch;
export const QUERY_LIMIT = STORAGE_LIMITS.queryPage;

export interface KvsStoreOptions {
  /**
   * Where the panel's keys live in this installation's KVS (default `pp:`): the domain's logical `pp:` keys
   * are stored as `keyPrefix + rest`; no other key is ever read or written. Checked here, once.
   */
  keyPrefix?: string;
}

export function createKvsStore(options: KvsStoreOptions = {}): Store {
  const prefix = validateKeyPrefix(options.keyPrefix);
  const physical = (key: string): string => toPhysicalKey(key, prefix);
  return {
    get: (key: string) => call(() => kvs.get<unknown>(physical(key))),

    async getMany(keys: readonly string[]) {
      const found = new Map<string, unknown>();
      if (keys.length === 0) return found;
      if (keys.length > BATCH_LIMIT)
        throw new RangeError(`a batch read takes at most ${BATCH_LIMIT} keys, not ${keys.length}`);
      const logical = new Map(keys.map((key) => [physical(key), key]));
      const result = await call(() => kvs.batchGet<unknown>([...logical.keys()].map((key) => ({ key }))));
      for (const item of result.successfulKeys) found.set(logical.get(item.key) ?? item.key, item.value);
      const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed.length > 0) {
        throw new StorageUnavailableError(
          `Forge storage could not read ${failed.length} of ${keys.length} keys`,
          'server-error',
        );
      }
      return found;
    },

    async putIfAbsent(key, value) {
      assertDeclaredKey(key);
      try {
        await kvs.set(physical(key), value, { keyPolicy: 'FAIL_IF_EXISTS' });
        return true;
      } catch (error) {
        return settleRefusedCreate(physical(key), error);
      }
    },

    async put(key, value) {
      assertDeclaredKey(key);
      await call(() => kvs.set(physical(key), value));
    },

    async delete(key) {
      assertDeclaredKey(key);
      await call(() => kvs.delete(physical(key)));
    },

    async query(keyPrefix: string, options: { limit: number; cursor?: string }): Promise<QueryPage> {
      if (options.limit < 1 || options.limit > QUERY_LIMIT)
        throw new RangeError(`query limit must be 1..${QUERY_LIMIT}`);
      let builder = kvs
        .query()
        .where('key', WhereConditions.beginsWith(physical(keyPrefix)))
        .limit(options.limit);
      if (options.cursor) builder = builder.cursor(options.cursor);
      const page = await call(async () => {
        try {
          return await builder.getMany<unknown>();
        } catch (error) {
          if (options.cursor && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400)
            throw new InvalidCursorError();
          throw error;
        }
      });
      return {
        entries: page.results.map((result) => ({
          key: toLogicalKey(result.key, prefix),
          value: result.value,
        })),
        ...(page.nextCursor ? { next: page.nextCursor } : {}),
      };
    },
  };
}
