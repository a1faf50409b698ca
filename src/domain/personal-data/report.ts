import { nextBatch, type ReportBatch } from './batch';
import { backfillRegistry } from './backfill';
import { eraseRegistryEntry } from './erase';
import { MAX_BATCH_ATTEMPTS, privacyBatchKey, privacyCycleKey } from '../storage/inventory';
import { StorageUnavailableError, type Store } from '../platform-ports';
import { createRecord, readRecord, readRecords, writeRecord } from '../storage/typed-store';
import type { BatchClaimRecord, CycleClaimRecord } from '../storage/stored-shapes';
import { NO_COUNTS, loadProgress, nextCycleAt, saveProgress } from './progress';
import type { ReportProgress, RunCounts, RunOutcome } from './progress-record';
import {
  ReportRefusedError,
  type Installation,
  type PersonalDataReporter,
  type PrivacyDeps,
  type ReportAnswer,
} from './types';

/**
 * The personal data report, one run: report every registered account to Atlassian once per cycle period,
 * 90 at a time, one request at a time; erase the accounts reported `closed` before moving on. Each send
 * is an attempt claimed write-once by one run (`privacy:batch:<cycle>:<from>:<attempt>`) and marked sent,
 * with the closed registry numbers, as soon as the answer arrives; the saved progress is only a shortcut
 * through those claims. The invariant (README, "Personal data"): per cycle, each registered account is in
 * exactly one answered report request, plus one more for every request naming it whose answer was lost.
 */

export interface ReportRunDeps extends PrivacyDeps {
  reporter: PersonalDataReporter;
  sleep(ms: number): Promise<void>;
  /** Start no new batch after this many milliseconds (the function's timeout, less a margin). */
  budgetMs: number;
}

export interface ReportRunResult extends RunCounts {
  outcome: RunOutcome;
  /** Accounts erased in this run. */
  erased: number;
}

/** A 429 asking for at most this long is waited out within the run; a longer one ends the run. */
const MAX_INLINE_WAIT_SECONDS = 30;
const MAX_INLINE_RETRIES = 3;
/** When a 429 names no Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;
/**
 * A `sending` batch (or `backfilling` cycle) claimed longer ago than this belongs to a run that died (the
 * function times out at 300 s): a batch's answer is then lost, so the next attempt sends it again.
 */
const STALE_SENDING_MS = 10 * 60_000;
/** Sends without an answer (timeout, connection lost) one run makes before it leaves the batch to the next. */
const MAX_UNANSWERED_PER_RUN = 3;
/** A storage failure restarts the run from what storage holds, after a jittered wait, this many times. */
const MAX_STORAGE_RETRIES = 4;
const STORAGE_RETRY_BASE_MS = 500;

/** What one run knows that storage may not yet: answers received, so a lost write never resends. */
interface RunState {
  id: string;
  began: Date;
  counts: RunCounts;
  erased: number;
  unanswered: number;
  /** Attempt key → the `sent` record of an answer this run received. */
  answered: Map<string, { sent: BatchClaimRecord; cyclePeriodSeconds?: number }>;
}

export async function runPersonalDataReport(deps: ReportRunDeps, where: Installation): Promise<ReportRunResult> {
  const run: RunState = {
    id: deps.ids.uuid(),
    began: deps.clock.now(),
    counts: { ...NO_COUNTS },
    erased: 0,
    unanswered: 0,
    answered: new Map(),
  };
  for (let retry = 0; ; retry += 1) {
    try {
      return await reportOnce(deps, where, run);
    } catch (error) {
      // Every step is idempotent and every claim names its run: starting again from storage heals.
      if (!(error instanceof StorageUnavailableError) || retry >= MAX_STORAGE_RETRIES) throw error;
      const wait = Math.round(STORAGE_RETRY_BASE_MS * 2 ** retry * (0.5 + random(deps) / 2));
      if (elapsed(deps, run) + wait >= deps.budgetMs) throw error;
      await deps.sleep(wait);
    }
  }
}

const elapsed = (deps: ReportRunDeps, run: RunState): number => deps.clock.now().getTime() - run.began.getTime();
const random = (deps: ReportRunDeps): number => parseInt(deps.ids.randomHex(2), 16) / 0x10000;

interface Attempt {
  attempt: number;
  key: string;
  record: BatchClaimRecord;
}

/** The newest attempt at the batch from `fromSeq` (one batch read of every possible attempt). */
async function latestAttempt(store: Store, cycle: number, fromSeq: number): Promise<Attempt | undefined> {
  const keys = Array.from({ length: MAX_BATCH_ATTEMPTS }, (_, i) => privacyBatchKey(cycle, fromSeq, i + 1));
  const found = await readRecords(store, 'privacyBatch', keys);
  let latest: Attempt | undefined;
  keys.forEach((key, i) => {
    const record = found.get(key);
    if (record) latest = { attempt: i + 1, key, record };
  });
  return latest;
}

/** One pass of a run over the stored progress: what it last read, and how it writes it back. */
class ReportPass {
  constructor(
    private readonly deps: ReportRunDeps,
    private readonly where: Installation,
    private readonly run: RunState,
    public progress: ReportProgress,
  ) {}

  async save(next: ReportProgress): Promise<void> {
    this.progress = next;
    await saveProgress(this.deps.store, this.progress);
  }

  async finish(outcome: RunOutcome): Promise<ReportRunResult> {
    const { run } = this;
    await this.save({ ...this.progress, lastRun: { ...run.counts, at: run.began.toISOString(), outcome } });
    return { ...run.counts, erased: run.erased, outcome };
  }

  /** A batch Atlassian answered: erase its closed accounts, then move past it. */
  async settle(sent: BatchClaimRecord, cyclePeriodSeconds?: number): Promise<void> {
    for (const seq of sent.closedSeqs ?? [])
      if (await eraseRegistryEntry(this.deps, this.where, seq)) this.run.erased += 1;
    const { notBefore: _cleared, ...rest } = this.progress;
    await this.save({
      ...rest,
      nextSeq: sent.nextSeq,
      cyclePeriodSeconds: validPeriod(cyclePeriodSeconds) ?? this.progress.cyclePeriodSeconds,
      cycle: {
        reported: this.progress.cycle.reported + (sent.reported ?? 0),
        closed: this.progress.cycle.closed + (sent.closedSeqs?.length ?? 0),
        updated: this.progress.cycle.updated + (sent.updated ?? 0),
      },
    });
  }

  /** Waits out a refusal, and opens the next cycle when the last is complete and due: the outcome if the run stops. */
  async begin(): Promise<RunOutcome | undefined> {
    const { deps, run, progress } = this;
    const { store, clock } = deps;
    if (progress.notBefore !== undefined && run.began < new Date(progress.notBefore)) return 'waiting';
    if (!progress.cycleComplete) return undefined;
    const due = nextCycleAt(progress);
    if (due && run.began < due) return 'not-due';
    // Cycle N is claimed once: a run overlapping this one adopts the same cycle instead of starting its own.
    // Its claimant backfills the registry before any batch is sent, so a backfill never reads markers
    // from before an erasure of this cycle and registers the erased account again.
    const cycleNumber = (progress.cycleNumber ?? 0) + 1;
    const cycleKey = privacyCycleKey(cycleNumber);
    const mine: CycleClaimRecord = { startedAt: run.began.toISOString(), run: run.id, state: 'backfilling' };
    let cycle = (await createRecord(store, 'privacyCycle', cycleKey, mine))
      ? mine
      : ((await readRecord(store, 'privacyCycle', cycleKey)) ?? mine);
    if (cycle.state === 'backfilling') {
      const abandoned = clock.now().getTime() - Date.parse(cycle.startedAt) > STALE_SENDING_MS;
      if (cycle.run !== run.id && !abandoned) return 'overlapping';
      await backfillRegistry(store, clock.now());
      cycle = { startedAt: cycle.startedAt, run: run.id, state: 'open' };
      await writeRecord(store, 'privacyCycle', cycleKey, cycle);
    }
    await this.save({
      ...progress,
      cycleNumber,
      cycleStartedAt: cycle.startedAt,
      cycleComplete: false,
      nextSeq: 1,
      cycle: { ...NO_COUNTS },
    });
    return undefined;
  }

  /** The next batch of the cycle, one step: the outcome if the run stops, undefined to go on. */
  async step(cycleNumber: number): Promise<RunOutcome | undefined> {
    const { deps, run } = this;
    const { store, clock } = deps;
    if (elapsed(deps, run) >= deps.budgetMs) return 'partial';
    const fromSeq = this.progress.nextSeq;
    const latest = await latestAttempt(store, cycleNumber, fromSeq);
    if (latest?.record.state === 'sent') {
      // Answered, by this run or another: its erasures are finished before anything moves past it.
      await this.settle(latest.record, run.answered.get(latest.key)?.cyclePeriodSeconds);
      return undefined;
    }
    const ours = latest?.record.run === run.id && latest.record.state === 'sending';
    const received = ours ? run.answered.get(latest.key) : undefined;
    if (latest && received) {
      // This run has the answer; only its `sent` write was lost.
      await writeRecord(store, 'privacyBatch', latest.key, received.sent);
      await this.settle(received.sent, received.cyclePeriodSeconds);
      return undefined;
    }
    const live =
      latest?.record.state === 'sending' && clock.now().getTime() - Date.parse(latest.record.at) <= STALE_SENDING_MS;
    if (live && !ours) return 'overlapping';

    const batch = await nextBatch(store, fromSeq, clock.now());
    // A registration still in flight: the next run reports it and goes on from there.
    if (batch.accounts.length === 0 && batch.registering) return 'partial';
    if (batch.accounts.length === 0) {
      await this.save({ ...this.progress, nextSeq: batch.nextSeq, cycleComplete: true });
      return 'complete';
    }
    const attempt = ours ? latest : await this.claim(cycleNumber, fromSeq, latest, batch);
    if (attempt === 'failed') return 'failed';
    if (attempt === undefined) return undefined; // another run took it: look again
    return this.sendAttempt(attempt, batch);
  }

  /**
   * The first attempt, or the next after one released or abandoned: claimed write-once, so one run sends it.
   * Undefined when another run claimed it first.
   */
  private async claim(
    cycleNumber: number,
    fromSeq: number,
    latest: Attempt | undefined,
    batch: ReportBatch,
  ): Promise<Attempt | 'failed' | undefined> {
    const number = (latest?.attempt ?? 0) + 1;
    if (number > MAX_BATCH_ATTEMPTS) return 'failed';
    const key = privacyBatchKey(cycleNumber, fromSeq, number);
    const record: BatchClaimRecord = {
      state: 'sending',
      run: this.run.id,
      nextSeq: batch.nextSeq,
      at: this.deps.clock.now().toISOString(),
    };
    if (!(await createRecord(this.deps.store, 'privacyBatch', key, record))) return undefined;
    return { attempt: number, key, record };
  }

  /** Sends the claimed attempt and records the answer: the outcome if the run stops, undefined to go on. */
  private async sendAttempt(attempt: Attempt, batch: ReportBatch): Promise<RunOutcome | undefined> {
    const { deps, run } = this;
    const { store, clock } = deps;
    let answer: ReportAnswer;
    try {
      answer = await send(deps, batch, () => elapsed(deps, run));
    } catch (error) {
      if (!(error instanceof ReportRefusedError)) throw error;
      // No answer, or a refusal: the next attempt sends it again (a refused batch was not reported).
      await writeRecord(store, 'privacyBatch', attempt.key, { ...attempt.record, state: 'released' });
      if (error.reason === 'unreachable') {
        run.unanswered += 1;
        return run.unanswered < MAX_UNANSWERED_PER_RUN ? undefined : 'failed';
      }
      if (error.reason === 'rate-limited') {
        const wait = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
        await this.save({ ...this.progress, notBefore: new Date(clock.now().getTime() + wait * 1000).toISOString() });
        return 'rate-limited';
      }
      return 'failed';
    }

    const sent = sentRecord(batch, answer, run.id, clock.now().toISOString());
    run.answered.set(attempt.key, {
      sent,
      ...(answer.cyclePeriodSeconds ? { cyclePeriodSeconds: answer.cyclePeriodSeconds } : {}),
    });
    run.counts.reported += sent.reported ?? 0;
    run.counts.closed += sent.closedSeqs?.length ?? 0;
    run.counts.updated += sent.updated ?? 0;
    // `updated` needs nothing more: the app stores no profile data, names are looked up live.
    await writeRecord(store, 'privacyBatch', attempt.key, sent);
    await this.settle(sent, answer.cyclePeriodSeconds);
    return undefined;
  }
}

async function reportOnce(deps: ReportRunDeps, where: Installation, run: RunState): Promise<ReportRunResult> {
  const pass = new ReportPass(deps, where, run, await loadProgress(deps.store));
  const stop = await pass.begin();
  if (stop) return pass.finish(stop);
  const cycleNumber = pass.progress.cycleNumber ?? 0;
  for (;;) {
    const outcome = await pass.step(cycleNumber);
    if (outcome) return pass.finish(outcome);
  }
}

function sentRecord(batch: ReportBatch, answer: ReportAnswer, run: string, at: string): BatchClaimRecord {
  const sentIds = new Set(batch.accounts.map((a) => a.accountId));
  const closedIds = new Set(answer.updates.filter((u) => u.status === 'closed').map((u) => u.accountId));
  const updated = answer.updates.filter((u) => u.status === 'updated' && sentIds.has(u.accountId)).length;
  return {
    state: 'sent',
    run,
    nextSeq: batch.nextSeq,
    at,
    closedSeqs: batch.accounts.filter((a) => closedIds.has(a.accountId)).map((a) => a.seq),
    reported: batch.accounts.length,
    updated,
  };
}

/** One batch, waiting out a short 429 within the run. */
async function send(deps: ReportRunDeps, batch: ReportBatch, elapsed: () => number): Promise<ReportAnswer> {
  const accounts = batch.accounts.map(({ accountId, updatedAt }) => ({ accountId, updatedAt }));
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await deps.reporter.report(accounts);
    } catch (error) {
      const wait =
        error instanceof ReportRefusedError && error.reason === 'rate-limited' ? error.retryAfterSeconds : undefined;
      const canWait =
        wait !== undefined &&
        wait <= MAX_INLINE_WAIT_SECONDS &&
        attempt < MAX_INLINE_RETRIES &&
        elapsed() + wait * 1000 < deps.budgetMs;
      if (!canWait) throw error;
      await deps.sleep(wait * 1000);
    }
  }
}

function validPeriod(seconds: number | undefined): number | undefined {
  return seconds !== undefined && Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}
