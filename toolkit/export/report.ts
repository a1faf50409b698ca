/** The verifier's report as the few lines `privacy-panel verify` prints. Pure. */
import type { VerifyReport } from './verify';

/** Problems printed at most; the rest are counted. */
export const REPORT_PROBLEMS_SHOWN = 50;

export function formatReport(report: VerifyReport, file: string, shown = REPORT_PROBLEMS_SHOWN): string {
  const lines: string[] = [];
  lines.push(`${report.ok ? 'VERIFIED' : 'NOT VERIFIED'}: ${file}`);
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
  if (report.problems.length > 0) {
    lines.push(`  problems:     ${report.problems.length}`);
    for (const problem of report.problems.slice(0, shown)) lines.push(`    - ${problem.where}: ${problem.message}`);
    if (report.problems.length > shown) lines.push(`    … and ${report.problems.length - shown} more`);
  }
  return `${lines.join('\n')}\n`;
}
