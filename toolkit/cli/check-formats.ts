/**
 * `privacy-panel check --format text|json|sarif|github`: the same report for a person, a script, GitHub code
 * scanning (SARIF 2.1.0) and a GitHub Actions log (workflow commands, one annotation per contradiction).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CheckReport } from '../../src/domain/evidence/types';
import type { Locator, Location } from './check-locations';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface Finding extends Location {
  level: 'error' | 'warning';
  /** The problem kind, or `statement-warning` for a warning. */
  rule: string;
  message: string;
}

export const WARNING_RULE = 'statement-warning';

export function findings(report: CheckReport, locator: Locator): Finding[] {
  return [
    ...report.problems.map((p) => ({
      level: 'error' as const,
      rule: p.kind,
      message: p.message,
      ...locator.locate(p.message),
    })),
    ...report.warnings.map((w) => ({
      level: 'warning' as const,
      rule: WARNING_RULE,
      message: w,
      ...locator.locate(w),
    })),
  ];
}

export function checkJson(report: CheckReport, found: readonly Finding[]): string {
  const body = {
    ok: report.ok,
    problems: found.filter((f) => f.level === 'error'),
    warnings: found.filter((f) => f.level === 'warning'),
    evidence: report.evidence,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const RULE_HELP: Record<string, string> = {
  [WARNING_RULE]: 'The statement says more than the app shows, or the check could not read part of the app.',
};

export function checkSarif(found: readonly Finding[], tool: { version: string; homepage: string }): string {
  const ruleIds = [...new Set(found.map((f) => f.rule))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => ({
    id,
    shortDescription: {
      text: RULE_HELP[id] ?? `The data-handling statement contradicts the app (${id.replace(/-/g, ' ')}).`,
    },
    defaultConfiguration: { level: id === WARNING_RULE ? 'warning' : 'error' },
  }));
  const results: Result[] = found.map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIds.indexOf(f.rule),
    level: f.level,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, f.line) },
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'privacy-panel',
            version: tool.version,
            ...(tool.homepage ? { informationUri: tool.homepage } : {}),
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** GitHub's escaping for workflow command data and property values. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function checkGithub(found: readonly Finding[]): string {
  return found
    .map(
      (f) =>
        `::${f.level} file=${escapeProperty(f.file)},line=${Math.max(1, f.line)},title=${escapeProperty(`privacy-panel ${f.rule}`)}::${escapeData(f.message)}\n`,
    )
    .join('');
}
