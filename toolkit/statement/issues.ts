/** valibot issues → statement problems, each with its own rule id and the line of the offending node. */
import * as v from 'valibot';
import { problem, type RuleId, type StatementProblem } from './problems';
import { tagOf, type Issue } from './schema-parts';
import type { Path } from './yaml-lines';

export type LineOf = (path: Path, options?: { key?: boolean }) => number;

export function pathText(path: Path): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out === '' ? String(seg) : `${out}.${String(seg)}`),
    '',
  );
}

/** The issue's path, relative to the value that was parsed. */
export function issuePath(issue: Issue): Path {
  return (issue.path ?? []).map((item) => item.key as PropertyKey);
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

/** What a schema of this valibot type takes, in the words of the problems. */
const EXPECTED: Readonly<Record<string, string>> = {
  strict_object: 'a mapping',
  object: 'a mapping',
  loose_object: 'a mapping',
  record: 'a record',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  integer: 'a whole number',
};

const RANGE = new Set(['min_length', 'max_length', 'min_value', 'max_value', 'non_empty']);

/** A check's own issue: it names the rule it stands for. */
const isRuleCheck = (issue: Issue): boolean => tagOf(issue)?.kind === 'rule';

/** A strict object's unknown field: valibot reports it as a key that was expected never to be there. */
const isUnknownField = (issue: Issue): boolean => issue.type === 'strict_object' && issue.expected === 'never';

/**
 * When no branch of a union takes a value, the issues of the one branch it was written for: every branch is
 * tried again, and the branches that fail with one shallow type error are not it (`X or not-stated` fails on
 * the literal that way), so an object or list is reported where it is wrong inside, and a text where its rule
 * is broken.
 */
function meantBranch(issue: Issue): readonly Issue[] | undefined {
  const tag = tagOf(issue);
  if (tag?.kind !== 'branches') return undefined;
  const tried = tag.options.map((option) => v.safeParse(option, issue.input).issues ?? []).filter((f) => f.length > 0);
  // A branch that only broke a rule or named an unknown field took the value's kind: it is the one.
  const soft = tried.filter((found) => found.every((i) => i.kind !== 'schema' || isUnknownField(i)));
  if (soft.length === 1) return soft[0];
  if (issue.input === null || typeof issue.input !== 'object') return undefined;
  const meant = tried.filter(
    (found) => !(found.length === 1 && found.every((i) => issuePath(i).length === 0 && !isRuleCheck(i))),
  );
  return meant.length === 1 ? meant[0] : undefined;
}

/** Every unknown field of the object a strict object's issue is about (valibot names only the first). */
function unknownFields(issue: Issue, path: Path, file: string, lineOf: LineOf): StatementProblem[] {
  const tag = tagOf(issue);
  const object = issue.path?.[issue.path.length - 1]?.input;
  const known = tag?.kind === 'fields' ? tag.fields : [];
  const keys =
    object !== null && typeof object === 'object'
      ? Object.keys(object).filter((key) => !known.includes(key))
      : [String(path[path.length - 1])];
  const parent = path.slice(0, -1);
  return keys.map((key) => {
    const keyPath = [...parent, key];
    return problem(file, lineOf(keyPath, { key: true }), 'unknown-field', `${pathText(keyPath)} is not a known field`);
  });
}

/** The problem of an issue on a value that is there, of the wrong kind or out of its range. */
function valueProblem(issue: Issue, path: Path, value: unknown, file: string, lineOf: LineOf): StatementProblem {
  const where = pathText(path) || 'the document';
  const tag = tagOf(issue);
  if (tag?.kind === 'values') {
    const id: RuleId = path[path.length - 1] === 'materiality' ? 'materiality-invalid' : 'value-not-allowed';
    return problem(file, lineOf(path), id, `${where} ${issue.message}`);
  }
  const expected = EXPECTED[issue.type];
  if (expected !== undefined && (issue.kind === 'schema' || issue.type === 'integer'))
    return problem(file, lineOf(path), 'wrong-type', `${where} must be ${expected}, not ${kindOf(value)}`);
  const rule: RuleId = RANGE.has(issue.type) ? 'value-out-of-range' : 'wrong-type';
  return problem(file, lineOf(path), rule, `${where}: ${issue.message}`);
}

export function issuesToProblems(
  issues: readonly Issue[],
  root: unknown,
  file: string,
  lineOf: LineOf,
  prefix: Path = [],
): StatementProblem[] {
  const out: StatementProblem[] = [];
  const unknownSeen = new Set<unknown>();
  const wrongKind = new Set<string>();
  for (const issue of issues) {
    const relative = issuePath(issue);
    const path: Path = [...prefix, ...relative];
    const where = pathText(path) || 'the document';
    const tag = tagOf(issue);
    if (tag?.kind === 'rule') {
      out.push(problem(file, lineOf(path), tag.rule, `${where} ${issue.message}`));
      continue;
    }
    if (isUnknownField(issue)) {
      const object = issue.path?.[issue.path.length - 1]?.input;
      if (!unknownSeen.has(object)) out.push(...unknownFields(issue, path, file, lineOf));
      unknownSeen.add(object);
      continue;
    }
    const at = valueAt(root, relative);
    if (!at.found && relative.length > 0) {
      out.push(problem(file, lineOf(path, { key: true }), 'missing-field', `${where} is required`));
      continue;
    }
    if (path[path.length - 1] === 'version' && path.length === prefix.length + 1) {
      // A version can break two of its rules at once (-1.5): it is one problem.
      if (out.some((found) => found.rule === 'version-invalid')) continue;
      const message = `version must be a positive whole number, not ${JSON.stringify(at.value)}`;
      out.push(problem(file, lineOf(path), 'version-invalid', message));
      continue;
    }
    const branch = meantBranch(issue);
    if (branch) {
      out.push(...issuesToProblems(branch, at.value, file, lineOf, path));
      continue;
    }
    // A value of the wrong kind (1.5 for a count) is one problem, not one per rule it then also breaks.
    if (wrongKind.has(where)) continue;
    const found = valueProblem(issue, path, at.value, file, lineOf);
    if (found.rule === 'wrong-type') wrongKind.add(where);
    out.push(found);
  }
  return out;
}
