/**
 * How the page asks again after a failure that may pass: storage busy or timed out (STORAGE_UNAVAILABLE,
 * rate limits included), the product slow to confirm an admin (ADMIN_CHECK_UNAVAILABLE), or no answer from
 * the app at all (the bridge threw: a network error, an invocation timeout or refusal). Exponential backoff
 * with full jitter, a bounded number of times; then the caller shows the failure with a Retry button.
 * Every call retried here is safe to repeat: reads, and an acknowledgment (one per admin and version,
 * whatever the number of attempts). Pure apart from the default timer and random source.
 */
import type { ApiError, Result } from '../../../src/contract';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first wait is below this many milliseconds; each further wait's bound doubles. */
  baseMs: number;
  /** No wait's bound exceeds this, whatever the attempt or the error's `retryAfterSeconds`. */
  capMs: number;
}

/** Up to three retries, waiting below 0.5 s, 1 s, 2 s (a rate limit's `retryAfterSeconds`: up to 8 s each). */
export const PAGE_RETRIES: RetryPolicy = { attempts: 4, baseMs: 500, capMs: 8_000 };

export interface Waiting {
  /** In [0, 1). */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realWaiting: Waiting = {
  random: () => Math.random(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A failure the app answered with, or none at all (`unreachable`: the bridge threw or answered nonsense). */
export type Failure = { error: ApiError; unreachable: boolean };

/** The codes a repeat may cure. INTERNAL from the app is a fault of ours: repeating it helps nobody. */
const TRANSIENT = new Set<ApiError['code']>(['STORAGE_UNAVAILABLE', 'ADMIN_CHECK_UNAVAILABLE']);

export function isTransient({ error, unreachable }: Failure): boolean {
  return error.retryable && (unreachable || TRANSIENT.has(error.code));
}

/**
 * The wait before retry number `retry` (1 for the first): uniform below the bound, which doubles from
 * `baseMs`, is at least what the error asks (`retryAfterSeconds`), and never exceeds `capMs`. Admins refused
 * together therefore come back apart.
 */
export function retryDelayMs(error: ApiError, retry: number, policy: RetryPolicy, random: number): number {
  const doubling = policy.baseMs * 2 ** Math.max(0, retry - 1);
  const asked = (error.retryAfterSeconds ?? 0) * 1000;
  return Math.floor(random * Math.min(policy.capMs, Math.max(doubling, asked)));
}

/** A result with the number of attempts it took (1: no retry). */
export type Tried<T> = Result<T> & { attempts: number };

export interface RetryHooks {
  /** Called before each wait: the retry about to come (1 for the first) and the wait in milliseconds. */
  onWait?: (retry: number, ms: number) => void;
}

/**
 * Calls `attempt` until it succeeds, fails for good, or `policy.attempts` ran out. `unreachable` tells a
 * failure without an answer from one the app gave.
 */
export async function withRetries<T>(
  attempt: () => Promise<Result<T>>,
  unreachable: (error: ApiError) => boolean,
  hooks: RetryHooks = {},
  policy: RetryPolicy = PAGE_RETRIES,
  waiting: Waiting = realWaiting,
): Promise<Tried<T>> {
  for (let attempts = 1; ; attempts += 1) {
    const result = await attempt();
    if (result.ok || attempts >= policy.attempts) return { ...result, attempts };
    if (!isTransient({ error: result.error, unreachable: unreachable(result.error) })) return { ...result, attempts };
    const ms = retryDelayMs(result.error, attempts, policy, waiting.random());
    hooks.onWait?.(attempts, ms);
    await waiting.sleep(ms);
  }
}
