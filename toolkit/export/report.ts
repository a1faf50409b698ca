/** The verifier's report as the lines `privacy-panel verify` prints (and the offline verifier shows). Pure. */
import { clip } from './clip';
import type { VerifyProblem, VerifyReport } from './verify';

/** Problems printed at most; the rest are counted. */
export const REPORT_PROBLEMS_SHOWN = 50;

const problemLine = (problem: VerifyProblem) => `[${problem.code}] ${problem.where}: ${problem.message}`;

/** The one line `privacy-panel verify` prints (to stderr) for a file it cannot read as an export. */
export function formatUnreadable(report: VerifyReport, file: string): string {
  const first = report.problems[0];
  const reason = first ? problemLine(first) : 'unknown reason';
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return `privacy-panel: ${clip(file, 200)} cannot be read as a Privacy Panel export: ${reason}${more}\n`;
}

/** What the report says when no anchor from outside the file was given: what is then not proven. */
export const UNANCHORED =
  'no --head, --witness or --since: this proves only that the file agrees with itself; a receipt appended, or the whole chain rewritten and resealed with the salt in the file, would pass (docs/receipts.md)';

/** The report as lines; the first alone says the outcome and, when there are problems, the first one. */
export function reportLines(report: VerifyReport, file: string, shown = REPORT_PROBLEMS_SHOWN): string[] {
  const lines: string[] = [];
  const name = clip(file, 200);
  const total = report.problems.length + report.problemsOmitted;
  const first = report.problems[0];
  lines.push(
    report.ok
      ? `VERIFIED: ${name}`
      : `NOT VERIFIED: ${name}: ${total} problem${total === 1 ? '' : 's'}${first ? `, first ${problemLine(first)}` : ''}`,
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
  for (const outcome of report.anchors)
    lines.push(`  ${`${outcome.anchor}:`.padEnd(13)} ${clip(outcome.name, 100)}: ${outcome.line}`);
  if (!report.anchors.some((outcome) => outcome.anchor !== 'lock')) lines.push(`  not anchored: ${UNANCHORED}`);
  if (total > 0) {
    lines.push(`  problems:     ${total}`);
    for (const problem of report.problems.slice(0, shown)) lines.push(`    - ${problemLine(problem)}`);
    if (total > shown) lines.push(`    … and ${total - Math.min(shown, report.problems.length)} more`);
  }
  return lines;
}

export function formatReport(report: VerifyReport, file: string, shown = REPORT_PROBLEMS_SHOWN): string {
  return `${reportLines(report, file, shown).join('\n')}\n`;
}

export interface VerifyResult {
  /** 0 verified, 1 problems found, 2 a file cannot be read (the export, or one given beside it). */
  code: 0 | 1 | 2;
  lines: string[];
}

/** The outcome as `privacy-panel verify` and the offline verifier page both give it. */
export function resultOf(report: VerifyReport, file: string): VerifyResult {
  if (!report.readable) return { code: 2, lines: [formatUnreadable(report, file).trimEnd()] };
  const lines = reportLines(report, file);
  if (report.unreadableInputs.length > 0) return { code: 2, lines };
  return { code: report.ok ? 0 : 1, lines };
}
