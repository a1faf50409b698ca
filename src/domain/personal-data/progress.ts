import { PRIVACY_REPORT_KEY } from '../storage/inventory';
import type { Store } from '../platform-ports';
import { readRecord, writeRecord } from '../storage/typed-store';
import type { ReportProgress, RunCounts } from './progress-record';

/** Atlassian's default cycle period: 7 days. */
export const DEFAULT_CYCLE_PERIOD_SECONDS = 7 * 24 * 3600;

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
