/**
 * The page's retries (static/admin/src/retry.ts): which failures are asked again, how long it waits (full
 * jitter under a doubling bound, never past the cap), and that it stops after the policy's attempts.
 */
import type { ApiError, Result } from '../../src/contract';
import { isTransient, PAGE_RETRIES, retryDelayMs, withRetries, type Waiting } from '../../static/admin/src/retry';

const busy: ApiError = { code: 'STORAGE_UNAVAILABLE', message: 'busy', retryable: true };
const quota: ApiError = { ...busy, retryAfterSeconds: 60 };
const stale: ApiError = { code: 'STALE_STATEMENT', message: 'stale', retryable: false };
const internal: ApiError = { code: 'INTERNAL', message: 'bug', retryable: true };

function recorder(random = 0.5): Waiting & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => random, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
}

function answers<T>(...results: Result<T>[]): { call: () => Promise<Result<T>>; calls: () => number } {
  let n = 0;
  return {
    call: () => Promise.resolve(results[Math.min(n++, results.length - 1)]!),
    calls: () => n,
  };
}

test('transient: storage and admin-check failures, and no answer at all; never a refusal or our own bug', () => {
  expect(isTransient({ error: busy, unreachable: false })).toBe(true);
  expect(isTransient({ error: { ...busy, code: 'ADMIN_CHECK_UNAVAILABLE' }, unreachable: false })).toBe(true);
  expect(isTransient({ error: internal, unreachable: true })).toBe(true);
  expect(isTransient({ error: internal, unreachable: false })).toBe(false);
  expect(isTransient({ error: stale, unreachable: false })).toBe(false);
});

test('full jitter under a bound that doubles from the base, at least the asked wait, never over the cap', () => {
  const { baseMs, capMs } = PAGE_RETRIES;
  expect([1, 2, 3].map((retry) => retryDelayMs(busy, retry, PAGE_RETRIES, 0.999_999))).toEqual([
    baseMs - 1,
    2 * baseMs - 1,
    4 * baseMs - 1,
  ]);
  expect(retryDelayMs(busy, 1, PAGE_RETRIES, 0)).toBe(0);
  expect(retryDelayMs(busy, 30, PAGE_RETRIES, 0.999_999)).toBe(capMs - 1);
  expect(retryDelayMs(quota, 1, PAGE_RETRIES, 0.5)).toBe(capMs / 2);
  expect(retryDelayMs({ ...busy, retryAfterSeconds: 1 }, 1, PAGE_RETRIES, 0.5)).toBe(500);
});

test('asks again until it succeeds, with a growing random wait before each retry', async () => {
  const waiting = recorder(0.5);
  const seen: number[] = [];
  const { call, calls } = answers<number>(
    { ok: false, error: busy },
    { ok: false, error: busy },
    { ok: true, data: 7 },
  );
  const result = await withRetries(call, () => false, { onWait: (retry) => seen.push(retry) }, PAGE_RETRIES, waiting);
  expect(result).toEqual({ ok: true, data: 7, attempts: 3 });
  expect(calls()).toBe(3);
  expect(waiting.waits).toEqual([PAGE_RETRIES.baseMs / 2, PAGE_RETRIES.baseMs]);
  expect(seen).toEqual([1, 2]);
});

test('gives up after the policy’s attempts with the last failure; a lasting failure is not asked again', async () => {
  const always = answers<number>({ ok: false, error: busy });
  const waiting = recorder();
  const result = await withRetries(always.call, () => false, {}, PAGE_RETRIES, waiting);
  expect(result).toEqual({ ok: false, error: busy, attempts: PAGE_RETRIES.attempts });
  expect(always.calls()).toBe(PAGE_RETRIES.attempts);
  expect(waiting.waits).toHaveLength(PAGE_RETRIES.attempts - 1);

  for (const [error, unreachable] of [
    [stale, false],
    [internal, false],
  ] as const) {
    const once = answers<number>({ ok: false, error });
    const none = recorder();
    await expect(withRetries(once.call, () => unreachable, {}, PAGE_RETRIES, none)).resolves.toMatchObject({
      attempts: 1,
    });
    expect(none.waits).toEqual([]);
  }
  const unreachable = answers<number>({ ok: false, error: internal }, { ok: true, data: 1 });
  await expect(withRetries(unreachable.call, () => true, {}, PAGE_RETRIES, recorder())).resolves.toEqual({
    ok: true,
    data: 1,
    attempts: 2,
  });
});
