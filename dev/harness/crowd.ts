/**
 * Crowds of administrators and members on one installation, in emulated time (VirtualClock): every storage
 * call can take `latencyMs`, the published quotas can apply, and a caller whose call fails retryably tries
 * again after a jittered wait, as the page would. For the bench (scripts/bench/contention.ts) and tests.
 */
import { ForgeEmulator, VirtualClock, type KvsOptions } from '../emulator';
import type { ApiError, Disclosure, Result } from '../../src/contract';
import type { Backoff } from '../../src/domain/storage/gapless-sequence';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { bundledCatalog, bundledEvidence } from './bundled-catalog';
import { createResolverHandler } from '../../src/resolvers';

export const CROWD_SITE = 'ari:cloud:jira::site/44444444-4444-4444-8444-444444444444';

/** A small seeded generator (mulberry32), so every bench run sees the same jitter. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How long a caller waits before trying a retryable failure again: the `retryAfterSeconds` the error gives
 * (a quota window), else a growing delay from one second, in both cases plus up to as much again at random,
 * so callers refused together come back apart.
 */
export function retryDelayMs(error: ApiError, attempt: number, random: () => number): number {
  const base =
    error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 1000 * 2 ** Math.min(attempt - 1, 5);
  return Math.round(base + random() * base);
}

export interface CrowdOptions {
  admins: number;
  /** Members reading the page meanwhile, each every `memberEveryMs` until the admins are done. */
  members?: number;
  memberEveryMs?: number;
  kvs?: KvsOptions;
  /** Retries a caller makes before it gives up (default 20). */
  maxAttempts?: number;
  catalog?: StatementCatalog;
  seed?: number;
}

export interface CrowdOutcome {
  admins: number;
  /** Admins whose acknowledgment never succeeded. */
  unfinished: number;
  /** Storage calls and units per admin, retries included (the one acknowledgment made beforehand excluded). */
  callsPerAdmin: number;
  readUnitsPerAdmin: number;
  writeUnitsPerAdmin: number;
  /** Resolver calls that failed and were retried. */
  retries: number;
  /** Emulated time from the burst to the last acknowledgment, in ms. */
  emulatedMs: number;
  /** The longest single acknowledge call, in emulated ms (a Forge function has 25 s). */
  longestCallMs: number;
  memberReads: number;
  /** Members' page loads that failed (an error, no page). */
  memberFailures: number;
  /** Members' page loads that had the statement but no status (storage refused the status read). */
  memberUnavailable: number;
  /** Receipts on the chain, and whether each admin has exactly one. */
  receipts: number;
  oneEach: boolean;
}

/** `admins` press the button at once on an installation that already has one acknowledgment. */
// eslint-disable-next-line max-lines-per-function -- TODO(split)
export async function runCrowd(options: CrowdOptions): Promise<CrowdOutcome> {
  const clock = new VirtualClock();
  const random = seededRandom(options.seed ?? 7);
  const backoff: Backoff = { random, sleep: clock.sleep, now: clock.nowMs };
  const emulator = new ForgeEmulator({ kvs: options.kvs ?? {}, now: clock.now, sleep: clock.sleep }).install();
  try {
    const catalog = options.catalog ?? bundledCatalog;
    const handler = createResolverHandler({ catalog, evidence: bundledEvidence, clock: { now: clock.now }, backoff });
    const current = catalog.versions[catalog.versions.length - 1];
    if (!current) throw new Error('the catalog is empty');
    const payload = { version: current.source.version, hash: current.hash };
    const person = (i: number, admin: boolean) => {
      const accountId = `712020:crowd-${admin ? 'admin' : 'member'}-${String(i).padStart(6, '0')}`;
      emulator.users.set({ accountId, displayName: `Person ${i}`, admin: { jira: admin, confluence: admin } });
      return accountId;
    };
    const [first, ...admins] = Array.from({ length: options.admins + 1 }, (_, i) => person(i, true));
    const members = Array.from({ length: options.members ?? 0 }, (_, i) => person(i, false));
    const call = (name: string, body: unknown, accountId: string) =>
      emulator.invoke(handler, name, body, { installContext: CROWD_SITE, accountId }) as Promise<Result<unknown>>;
    if (first === undefined) throw new Error('a crowd needs an admin');
    await clock.run(call('acknowledge', payload, first));
    emulator.resetCounters();
    const began = clock.nowMs();
    let retries = 0;
    let finishedAt = began;
    let longestCallMs = 0;
    let adminsDone = false;
    const maxAttempts = options.maxAttempts ?? 20;

    const acknowledgeWithRetries = async (accountId: string): Promise<boolean> => {
      for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
        const calledAt = clock.nowMs();
        const result = await call('acknowledge', payload, accountId);
        longestCallMs = Math.max(longestCallMs, clock.nowMs() - calledAt);
        if (result.ok) {
          finishedAt = Math.max(finishedAt, clock.nowMs());
          return true;
        }
        if (!result.error.retryable) return false;
        retries += 1;
        await clock.sleep(retryDelayMs(result.error, attempt, random));
      }
      return false;
    };
    let memberReads = 0;
    let memberFailures = 0;
    let memberUnavailable = 0;
    const readAsMember = async (accountId: string, offset: number): Promise<void> => {
      await clock.sleep(offset);
      while (!adminsDone) {
        const result = await call('getDisclosure', {}, accountId);
        memberReads += 1;
        if (!result.ok) memberFailures += 1;
        else if ((result.data as Disclosure).status.state === 'unavailable') memberUnavailable += 1;
        await clock.sleep(options.memberEveryMs ?? 5_000);
      }
    };
    const work = async () => {
      const reading = members.map((id, i) =>
        readAsMember(id, Math.floor(((options.memberEveryMs ?? 5_000) * i) / members.length)),
      );
      const outcomes = await Promise.all(admins.map((id) => acknowledgeWithRetries(id)));
      adminsDone = true;
      await Promise.all(reading);
      return outcomes;
    };
    const outcomes = await clock.run(work());
    const usage = emulator.usage();
    const entries = emulator.entries(CROWD_SITE);
    const receipts = [...entries.entries()].filter(([key]) => key.startsWith('pp:rcpt:'));
    const perAccount = new Map<string, number>();
    for (const [, value] of receipts) {
      const accountId = (value as { accountId: string | null }).accountId;
      if (accountId) perAccount.set(accountId, (perAccount.get(accountId) ?? 0) + 1);
    }
    const done = admins.filter((_, i) => outcomes[i]);
    const n = options.admins;
    return {
      admins: n,
      unfinished: outcomes.filter((ok) => !ok).length,
      // A member's page load is one storage call (test/resolvers/disclosure.test.ts).
      callsPerAdmin: (usage.calls - memberReads) / n,
      readUnitsPerAdmin: usage.readUnits / n,
      writeUnitsPerAdmin: usage.writeUnits / n,
      retries,
      emulatedMs: finishedAt - began,
      longestCallMs,
      memberReads,
      memberFailures,
      memberUnavailable,
      receipts: receipts.length,
      oneEach: [...perAccount.values()].every((count) => count === 1) && done.every((id) => perAccount.get(id) === 1),
    };
  } finally {
    emulator.uninstall();
  }
}
