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

type Call = (name: string, body: unknown, accountId: string) => Promise<Result<unknown>>;

/** One crowd's callers and what they counted: admins acknowledging with retries, members reading. */
class CrowdCallers {
  retries = 0;
  finishedAt: number;
  longestCallMs = 0;
  adminsDone = false;
  memberReads = 0;
  memberFailures = 0;
  memberUnavailable = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly random: () => number,
    private readonly call: Call,
    private readonly payload: { version: number; hash: string },
    private readonly options: CrowdOptions,
  ) {
    this.finishedAt = clock.nowMs();
  }

  /** An admin presses the button, and again after each retryable failure, as the page would. */
  async acknowledge(accountId: string): Promise<boolean> {
    for (let attempt = 1; attempt <= (this.options.maxAttempts ?? 20); attempt += 1) {
      const calledAt = this.clock.nowMs();
      const result = await this.call('acknowledge', this.payload, accountId);
      this.longestCallMs = Math.max(this.longestCallMs, this.clock.nowMs() - calledAt);
      if (result.ok) {
        this.finishedAt = Math.max(this.finishedAt, this.clock.nowMs());
        return true;
      }
      if (!result.error.retryable) return false;
      this.retries += 1;
      await this.clock.sleep(retryDelayMs(result.error, attempt, this.random));
    }
    return false;
  }

  /** A member loads the page every `memberEveryMs`, from `offset`, until the admins are done. */
  async readAsMember(accountId: string, offset: number): Promise<void> {
    await this.clock.sleep(offset);
    while (!this.adminsDone) {
      const result = await this.call('getDisclosure', {}, accountId);
      this.memberReads += 1;
      if (!result.ok) this.memberFailures += 1;
      else if ((result.data as Disclosure).status.state === 'unavailable') this.memberUnavailable += 1;
      await this.clock.sleep(this.options.memberEveryMs ?? 5_000);
    }
  }

  /** Every admin at once, the members reading meanwhile: whether each admin's acknowledgment succeeded. */
  async run(admins: readonly string[], members: readonly string[]): Promise<boolean[]> {
    const every = this.options.memberEveryMs ?? 5_000;
    const reading = members.map((id, i) => this.readAsMember(id, Math.floor((every * i) / members.length)));
    const outcomes = await Promise.all(admins.map((id) => this.acknowledge(id)));
    this.adminsDone = true;
    await Promise.all(reading);
    return outcomes;
  }
}

/** The receipts each account has on the installation's chain. */
function receiptsPerAccount(entries: ReadonlyMap<string, unknown>): {
  receipts: number;
  perAccount: Map<string, number>;
} {
  const receipts = [...entries.entries()].filter(([key]) => key.startsWith('pp:rcpt:'));
  const perAccount = new Map<string, number>();
  for (const [, value] of receipts) {
    const accountId = (value as { accountId: string | null }).accountId;
    if (accountId) perAccount.set(accountId, (perAccount.get(accountId) ?? 0) + 1);
  }
  return { receipts: receipts.length, perAccount };
}

/** People on the emulated site: `count` admins or members, each with a stable account ID. */
function people(emulator: ForgeEmulator, count: number, admin: boolean): string[] {
  return Array.from({ length: count }, (_, i) => {
    const accountId = `712020:crowd-${admin ? 'admin' : 'member'}-${String(i).padStart(6, '0')}`;
    emulator.users.set({ accountId, displayName: `Person ${i}`, admin: { jira: admin, confluence: admin } });
    return accountId;
  });
}

/** `admins` press the button at once on an installation that already has one acknowledgment. */
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
    const [first, ...admins] = people(emulator, options.admins + 1, true);
    const members = people(emulator, options.members ?? 0, false);
    const call: Call = (name, body, accountId) =>
      emulator.invoke(handler, name, body, { installContext: CROWD_SITE, accountId }) as Promise<Result<unknown>>;
    if (first === undefined) throw new Error('a crowd needs an admin');
    const payload = { version: current.source.version, hash: current.hash };
    await clock.run(call('acknowledge', payload, first));
    emulator.resetCounters();
    const began = clock.nowMs();
    const callers = new CrowdCallers(clock, random, call, payload, options);
    const outcomes = await clock.run(callers.run(admins, members));
    const usage = emulator.usage();
    const { receipts, perAccount } = receiptsPerAccount(emulator.entries(CROWD_SITE));
    const done = admins.filter((_, i) => outcomes[i]);
    const n = options.admins;
    return {
      admins: n,
      unfinished: outcomes.filter((ok) => !ok).length,
      // A member's page load is one storage call (test/resolvers/disclosure.test.ts).
      callsPerAdmin: (usage.calls - callers.memberReads) / n,
      readUnitsPerAdmin: usage.readUnits / n,
      writeUnitsPerAdmin: usage.writeUnits / n,
      retries: callers.retries,
      emulatedMs: callers.finishedAt - began,
      longestCallMs: callers.longestCallMs,
      memberReads: callers.memberReads,
      memberFailures: callers.memberFailures,
      memberUnavailable: callers.memberUnavailable,
      receipts,
      oneEach: [...perAccount.values()].every((count) => count === 1) && done.every((id) => perAccount.get(id) === 1),
    };
  } finally {
    emulator.uninstall();
  }
}
