/** The verifier's report as the few lines `privacy-panel verify` prints. Pure. */
import type { VerifyReport } from './verify';

/** Problems printed at most; the rest are counted. */
export const REPORT_PROBLEMS_SHOWN = 50;

/** The one line `privacy-panel verify` prints (to stderr) for a file it cannot read as an export. */
export function formatUnreadable(report: VerifyReport, file: string): string {
  const first = report.problems[0];
  const reason = first ? `${first.where}: ${first.message}` : 'unknown reason';
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return `privacy-panel: ${file} cannot be read as a Privacy Panel export: ${reason}${more}\n`;
}

/** The report; its first line alone says the outcome and, when there are problems, the first one. */
export function formatReport(report: VerifyReport, file: string, shown = REPORT_PROBLEMS_SHOWN): string {
  const lines: string[] = [];
  const total = report.problems.length + report.problemsOmitted;
  const first = report.problems[0];
  lines.push(
    report.ok
      ? `VERIFIED: ${file}`
      : `NOT VERIFIED: ${file}: ${total} problem${total === 1 ? '' : 's'}${first ? `, first ${first.where}: ${first.message}` : ''}`,
  );
  if (report.installation) lines.push(`  installation: ${report.installation} (${report.product ?? '?'})`);
  if (report.exportedAt) lines.push(`  exported at:  ${report.exportedAt}`);
  const kinds = Object.entries(report.kinds)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  lines.push(`  receipts:     ${report.receipts}${kinds ? ` (${kinds})` : ''}`);
  lines.push(
    `  statements:   ${report.statements}${report.versions.length ? ` (versions ${report.versions.join(', ')})` : ''}`,
  );
  lines.push(
    `  commitments:  ${report.commitmentsChecked} account IDs checked${report.commitmentsChecked === 0 && report.kinds.acknowledgment > 0 ? ' (no salt in the file, or every ID erased)' : ''}`,
  );
  if (report.headHash) lines.push(`  head hash:    ${report.headHash}  (compare with the one noted at export time)`);
  if (report.firstBroken)
    lines.push(`  first broken: seq ${report.firstBroken.seq}, receipt ${report.firstBroken.receiptId || '(no id)'}`);
  if (total > 0) {
    lines.push(`  problems:     ${total}`);
    for (const problem of report.problems.slice(0, shown)) lines.push(`    - ${problem.where}: ${problem.message}`);
    if (total > shown) lines.push(`    … and ${total - Math.min(shown, report.problems.length)} more`);
  }
  return `${lines.join('\n')}\n`;
}
