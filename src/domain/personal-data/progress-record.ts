/** What `pp:privacy:report` holds: where the personal data report stands (progress.ts reads and writes it). */
export type { ReportProgress, RunCounts, RunOutcome } from '../storage/stored-shapes';
