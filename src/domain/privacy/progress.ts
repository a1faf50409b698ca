import { PRIVACY_REPORT_KEY } from '../inventory';
import type { Store } from '../ports';
import { readRecord, writeRecord } from '../records';

/** Atlassian's default cycle period: 7 days. */
export const DEFAULT_CYCLE_PERIOD_SECONDS = 7 * 24 * 3600;

export interface RunCounts {
  reported: number;
  closed: number;
  updated: number;
}

/** `overlapping`: another run is sending this cycle's next batch right now; this one stopped without sending. */
export type RunOutcome = 'complete' | 'partial' | 'rate-limited' | 'failed' | 'not-due' | 'waiting' | 'overlapping';

/** `privacy:report`: where the report stands. Registry numbers and counts only, never an account ID. */
export interface ReportProgress {
  /** When the current (or last) cycle began; null before the first. */
  cycleStartedAt: string | null;
  /** true once every registry entry was reported in this cycle. */
  cycleComplete: boolean;
  /** The next registry number to report in this cycle. */
  nextSeq: number;
  cyclePeriodSeconds: number;
  /** After a 429: no report call before this time. */
  notBefore?: string;
  /** Totals of the current cycle. */
  cycle: RunCounts;
  /** The current (or last) cycle's number: names its write-once cycle and batch claims. */
  cycleNumber?: number;
  lastRun?: RunCounts & { at: string; outcome: RunOutcome };
}

export const NO_COUNTS: RunCounts = { reported: 0, closed: 0, updated: 0 };

export function initialProgress(): ReportProgress {
  return {
    cycleStartedAt: null,
    cycleComplete: true,
    nextSeq: 1,
    cyclePeriodSeconds: DEFAULT_CYCLE_PERIOD_SECONDS,
    cycle: { ...NO_COUNTS },
  };
}

export async function loadProgress(store: Store): Promise<ReportProgress> {
  const stored: Partial<ReportProgress> | undefined = await readRecord(store, 'privacyReport', PRIVACY_REPORT_KEY);
  return { ...initialProgress(), ...stored };
}

export async function saveProgress(store: Store, progress: ReportProgress): Promise<void> {
  await writeRecord(store, 'privacyReport', PRIVACY_REPORT_KEY, { ...progress });
}

/** When the next cycle may begin: one cycle period after the last one began. */
export function nextCycleAt(progress: ReportProgress): Date | undefined {
  if (progress.cycleStartedAt === null) return undefined;
  return new Date(Date.parse(progress.cycleStartedAt) + progress.cyclePeriodSeconds * 1000);
}
