/** What `pp:privacy:report` holds: where the personal data report stands (types only; progress.ts reads and writes it). */
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
