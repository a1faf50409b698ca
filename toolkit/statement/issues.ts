/** zod issues → statement problems, each with its own rule id and the line of the offending node. */
import type { z } from 'zod';
import { problem, type RuleId, type StatementProblem } from './problems';
import type { Path } from './yaml-lines';

export type LineOf = (path: Path, options?: { key?: boolean }) => number;

export function pathText(path: Path): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out === '' ? String(seg) : `${out}.${String(seg)}`),
    '',
  );
}

function valueAt(root: unknown, path: Path): { found: boolean; value: unknown } {
  let value = root;
  for (const seg of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, seg))
      return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value };
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

function customRule(issue: z.core.$ZodIssue): RuleId | undefined {
  if (issue.code !== 'custom') return undefined;
  const rule: unknown = issue.params?.['rule'];
  return typeof rule === 'string' ? (rule as RuleId) : undefined;
}

/**
 * The errors of the one union branch a structured value was written for: `X or not-stated` fails on the
 * literal branch with a single shallow issue, so an object or list is reported where it is wrong inside.
 */
function structuredBranch(issue: z.core.$ZodIssue, value: unknown): readonly z.core.$ZodIssue[] | undefined {
  if (issue.code !== 'invalid_union' || value === null || typeof value !== 'object') return undefined;
  const deep = issue.errors.filter(
    (branch) => !(branch.length === 1 && branch[0]?.path.length === 0 && branch[0].code !== 'custom'),
  );
  return deep.length === 1 ? deep[0] : undefined;
}

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  file: string,
  lineOf: LineOf,
  prefix: Path = [],
): StatementProblem[] {
  const out: StatementProblem[] = [];
  for (const issue of issues) {
    const path: Path = [...prefix, ...issue.path];
    const where = pathText(path) || 'the document';
    const rule = customRule(issue);
    if (rule) {
      out.push(problem(file, lineOf(path), rule, `${where} ${issue.message}`));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        out.push(
          problem(file, lineOf(keyPath, { key: true }), 'unknown-field', `${pathText(keyPath)} is not a known field`),
        );
      }
      continue;
    }
    const at = valueAt(root, issue.path);
    if (!at.found && issue.path.length > 0) {
      out.push(problem(file, lineOf(path, { key: true }), 'missing-field', `${where} is required`));
      continue;
    }
    const last = path[path.length - 1];
    if (last === 'version' && path.length === prefix.length + 1) {
      out.push(
        problem(
          file,
          lineOf(path),
          'version-invalid',
          `version must be a positive whole number, not ${JSON.stringify(at.value)}`,
        ),
      );
      continue;
    }
    const branch = structuredBranch(issue, at.value);
    if (branch) {
      out.push(...issuesToProblems(branch, at.value, file, lineOf, path));
      continue;
    }
    switch (issue.code) {
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        const id: RuleId = last === 'materiality' ? 'materiality-invalid' : 'value-not-allowed';
        out.push(
          problem(file, lineOf(path), id, `${where} must be one of ${allowed}, not ${JSON.stringify(at.value)}`),
        );
        break;
      }
      case 'invalid_type':
        out.push(
          problem(
            file,
            lineOf(path),
            'wrong-type',
            `${where} must be ${expectedText(issue.expected)}, not ${kindOf(at.value)}`,
          ),
        );
        break;
      case 'too_small':
      case 'too_big':
        out.push(problem(file, lineOf(path), 'value-out-of-range', `${where}: ${issue.message}`));
        break;
      default:
        out.push(problem(file, lineOf(path), 'wrong-type', `${where}: ${issue.message}`));
    }
  }
  return out;
}
