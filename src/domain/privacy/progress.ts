import { PRIVACY_REPORT_KEY } from '../inventory';
import type { Store, StoredValue } from '../ports';

/** Atlassian's default cycle period: 7 days. */
export const DEFAULT_CYCLE_PERIOD_SECONDS = 7 * 24 * 3600;

export interface RunCounts {
  reported: number;
  closed: number;
  updated: number;
}

export type RunOutcome = 'complete' | 'partial' | 'rate-limited' | 'failed' | 'not-due' | 'waiting';

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
  /** Registry entries reported `closed` whose erasure has not finished yet. */
  pendingErasure: number[];
  /** Totals of the current cycle. */
  cycle: RunCounts;
  lastRun?: RunCounts & { at: string; outcome: RunOutcome };
}

export const NO_COUNTS: RunCounts = { reported: 0, closed: 0, updated: 0 };

export function initialProgress(): ReportProgress {
  return {
    cycleStartedAt: null,
    cycleComplete: true,
    nextSeq: 1,
    cyclePeriodSeconds: DEFAULT_CYCLE_PERIOD_SECONDS,
    pendingErasure: [],
    cycle: { ...NO_COUNTS },
  };
}

export async function loadProgress(store: Store): Promise<ReportProgress> {
  const stored = (await store.get<StoredValue>(PRIVACY_REPORT_KEY)) as unknown as Partial<ReportProgress> | undefined;
  return { ...initialProgress(), ...stored };
}

export async function saveProgress(store: Store, progress: ReportProgress): Promise<void> {
  await store.put(PRIVACY_REPORT_KEY, progress as unknown as StoredValue);
}

/** When the next cycle may begin: one cycle period after the last one began. */
export function nextCycleAt(progress: ReportProgress): Date | undefined {
  if (progress.cycleStartedAt === null) return undefined;
  return new Date(Date.parse(progress.cycleStartedAt) + progress.cyclePeriodSeconds * 1000);
}
