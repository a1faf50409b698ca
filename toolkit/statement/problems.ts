/**
 * Problems found in a statement, its sections, the lock or the snapshots. Every rule has a stable
 * kebab-case id (listed in policy/README.md) so a vendor can look it up.
 */

export const RULES = [
  // YAML and shape
  'yaml-syntax',
  'missing-field',
  'wrong-type',
  'unknown-field',
  'empty-value',
  'value-out-of-range',
  'value-not-allowed',
  'id-invalid',
  'version-invalid',
  'date-invalid',
  'email-invalid',
  'url-invalid',
  'materiality-invalid',
  'egress-domain-invalid',
  'contact-empty',
  'not-stated-not-allowed',
  'purpose-says-not-stated',
  // placeholders (never in a published statement)
  'placeholder-host',
  'placeholder-text',
  'placeholder-vendor',
  // uniqueness and references
  'duplicate-category-id',
  'duplicate-record-id',
  'duplicate-egress-domain',
  'right-target-unknown',
  'duplicate-section-id',
  'section-file-invalid',
  'section-file-missing',
  'change-missing',
  'change-unexpected',
  // facts that contradict each other
  'facts-vendor-storage-without-egress',
  'facts-analytics-without-egress',
  'facts-logs-without-egress',
  'facts-location-hosting-mismatch',
  // Markdown
  'heading-h1',
  'heading-too-deep',
  'section-empty',
  'markdown-unsupported',
  'invisible-character',
  // translations (policy/translations/)
  'translation-locale-mismatch',
  'translation-source-unknown',
  'translation-source-hash',
  'translation-text-missing',
  'translation-text-extra',
  'translation-section-missing',
  'translation-section-extra',
  'translation-section-order',
  'translation-url-extra',
  'translation-email-extra',
  'translation-host-extra',
  'translation-number-extra',
  'translation-duration-extra',
  'translation-unpublished',
  'published-translation-tampered',
  // published versions
  'lock-invalid',
  'snapshot-invalid',
  'snapshot-unlisted',
  'published-version-missing',
  'published-version-tampered',
  'lock-not-consecutive',
  'effective-date-decreasing',
  'version-not-bumped',
  'version-skipped',
  'version-behind-lock',
  'version-unpublished',
  'version-already-published',
] as const;

export type RuleId = (typeof RULES)[number];

export interface StatementProblem {
  /** Path as the vendor sees it, e.g. `policy/statement.yml`. */
  file: string;
  /** 1-based line; 1 when the problem is about the whole file. */
  line: number;
  rule: RuleId;
  message: string;
}

export function problem(file: string, line: number, rule: RuleId, message: string): StatementProblem {
  return { file, line, rule, message };
}

/** `policy/statement.yml:12: [rule-id] message` */
export function formatProblem(p: StatementProblem): string {
  return `${p.file}:${p.line}: [${p.rule}] ${p.message}`;
}

/** By file, then line, then rule: a stable order for printing. */
export function sortProblems(problems: readonly StatementProblem[]): StatementProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}
