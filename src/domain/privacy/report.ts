import { nextBatch, type ReportBatch } from './batch';
import { backfillRegistry } from './backfill';
import { eraseRegistryEntry } from './erase';
import { privacyBatchKey, privacyCycleKey } from '../inventory';
import { createRecord, readRecord, writeRecord } from '../records';
import type { BatchClaimRecord } from '../shapes';
import {
  NO_COUNTS,
  loadProgress,
  nextCycleAt,
  saveProgress,
  type ReportProgress,
  type RunCounts,
  type RunOutcome,
} from './progress';
import {
  ReportRefusedError,
  type Installation,
  type PersonalDataReporter,
  type PrivacyDeps,
  type ReportAnswer,
} from './types';

/**
 * The personal data report, one run: report every registered account to Atlassian once per cycle period,
 * 90 at a time, one request at a time, saving progress after each batch; erase the accounts reported
 * `closed`. A run cut short (time budget, 429, 5xx, crash) leaves progress from which the next run resumes.
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
 * A batch claimed `sending` longer ago than this belongs to a run that died (the function times out at
 * 300 s): it counts as sent, so nobody is reported twice; its accounts are reported again next cycle.
 */
const STALE_SENDING_MS = 15 * 60_000;

export async function runPersonalDataReport(deps: ReportRunDeps, where: Installation): Promise<ReportRunResult> {
  const { store, clock } = deps;
  const began = clock.now();
  const elapsed = (): number => clock.now().getTime() - began.getTime();
  const counts: RunCounts = { ...NO_COUNTS };
  let erased = 0;
  let progress = await loadProgress(store);

  const save = async (next: ReportProgress): Promise<void> => {
    progress = next;
    await saveProgress(store, progress);
  };
  const finish = async (outcome: RunOutcome): Promise<ReportRunResult> => {
    await save({ ...progress, lastRun: { ...counts, at: began.toISOString(), outcome } });
    return { ...counts, erased, outcome };
  };
  const erasePending = async (): Promise<void> => {
    for (const seq of [...progress.pendingErasure]) {
      if (await eraseRegistryEntry(deps, where, seq)) erased += 1;
      await save({ ...progress, pendingErasure: progress.pendingErasure.filter((pending) => pending !== seq) });
    }
  };

  await erasePending();
  if (progress.notBefore !== undefined && began < new Date(progress.notBefore)) return finish('waiting');
  if (progress.cycleComplete) {
    const due = nextCycleAt(progress);
    if (due && began < due) return finish('not-due');
    await backfillRegistry(store);
    // Cycle N is claimed once: a run overlapping this one adopts the same cycle instead of starting its own.
    const cycleNumber = (progress.cycleNumber ?? 0) + 1;
    const mine = { startedAt: began.toISOString() };
    const cycleKey = privacyCycleKey(cycleNumber);
    const cycle = (await createRecord(store, 'privacyCycle', cycleKey, mine))
      ? mine
      : ((await readRecord(store, 'privacyCycle', cycleKey)) ?? mine);
    await save({
      ...progress,
      cycleNumber,
      cycleStartedAt: cycle.startedAt,
      cycleComplete: false,
      nextSeq: 1,
      cycle: { ...NO_COUNTS },
    });
  }
  const cycleNumber = progress.cycleNumber ?? 0;

  for (;;) {
    if (elapsed() >= deps.budgetMs) return finish('partial');
    const batch = await nextBatch(store, progress.nextSeq);
    if (batch.accounts.length === 0) {
      await save({ ...progress, nextSeq: batch.nextSeq, cycleComplete: true });
      return finish('complete');
    }
    // Each batch of a cycle is claimed before it is sent: no batch goes out twice, even from overlapping
    // runs or after a progress save that failed.
    const batchKey = privacyBatchKey(cycleNumber, progress.nextSeq);
    const claim: BatchClaimRecord = { state: 'sending', nextSeq: batch.nextSeq, at: clock.now().toISOString() };
    if (!(await createRecord(store, 'privacyBatch', batchKey, claim))) {
      const held = await readRecord(store, 'privacyBatch', batchKey);
      const stale = held && clock.now().getTime() - Date.parse(held.at) > STALE_SENDING_MS;
      if (held?.state === 'sending' && !stale) return finish('overlapping');
      const closed = (held?.closedSeqs ?? []).filter((seq) => !progress.pendingErasure.includes(seq));
      await save({
        ...progress,
        nextSeq: held?.nextSeq ?? batch.nextSeq,
        pendingErasure: [...progress.pendingErasure, ...closed],
      });
      await erasePending();
      continue;
    }
    let answer: ReportAnswer;
    try {
      answer = await send(deps, batch, elapsed);
    } catch (error) {
      await store.delete(batchKey).catch(() => undefined); // not sent: the next run may send it
      if (error instanceof ReportRefusedError && error.reason === 'rate-limited') {
        const wait = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
        await save({ ...progress, notBefore: new Date(clock.now().getTime() + wait * 1000).toISOString() });
        return finish('rate-limited');
      }
      if (error instanceof ReportRefusedError) return finish('failed');
      throw error;
    }

    const closedIds = new Set(answer.updates.filter((u) => u.status === 'closed').map((u) => u.accountId));
    const updated = answer.updates.filter((u) => u.status === 'updated').length;
    const closedSeqs = batch.accounts.filter((a) => closedIds.has(a.accountId)).map((a) => a.seq);
    await writeRecord(store, 'privacyBatch', batchKey, { ...claim, state: 'sent', closedSeqs });
    counts.reported += batch.accounts.length;
    counts.closed += closedSeqs.length;
    counts.updated += updated;
    const { notBefore: _cleared, ...rest } = progress;
    await save({
      ...rest,
      nextSeq: batch.nextSeq,
      pendingErasure: [...progress.pendingErasure, ...closedSeqs],
      cyclePeriodSeconds: validPeriod(answer.cyclePeriodSeconds) ?? progress.cyclePeriodSeconds,
      cycle: {
        reported: progress.cycle.reported + batch.accounts.length,
        closed: progress.cycle.closed + closedSeqs.length,
        updated: progress.cycle.updated + updated,
      },
    });
    // `updated` needs nothing more: the app stores no profile data, names are looked up live.
    await erasePending();
  }
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
