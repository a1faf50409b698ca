/**
 * Published versions are immutable. The lock (policy/published.lock.json) lists each published version's
 * hash and effective date; policy/versions/v<N>.json holds each one's source, verbatim. Pure: the caller
 * reads the files.
 */
import { canonicalJson, hashCanonical } from '../../src/domain/canonical';
import { issuesToProblems, pathText } from './issues';
import { problem, type StatementProblem } from './problems';
import * as v from 'valibot';
import { lockSchema, type LockEntry } from './lock-schema';
import { sourceSchemaFor } from './schema';
import type { StatementSource } from '../../src/domain/statement/types';
import { parseYaml } from './yaml-lines';

export type { LockEntry };

export interface ParsedLock {
  entries: LockEntry[];
  /** Line of entry `index` in the lock file. */
  lineOf: (index: number) => number;
  problems: StatementProblem[];
}

function parseJsonText(text: string, file: string, rule: 'lock-invalid' | 'snapshot-invalid') {
  const yaml = parseYaml(text);
  const problems = yaml.errors.map((e) => problem(file, e.line, rule, `not valid JSON: ${e.message}`));
  if (problems.length === 0) {
    try {
      JSON.parse(text);
    } catch (error) {
      problems.push(problem(file, 1, rule, `not valid JSON: ${(error as Error).message}`));
    }
  }
  return { yaml, problems };
}

/** A missing lock file (`undefined`) is an empty lock: nothing published yet. */
export function parseLock(text: string | undefined, file: string): ParsedLock {
  if (text === undefined) return { entries: [], lineOf: () => 1, problems: [] };
  const { yaml, problems } = parseJsonText(text, file, 'lock-invalid');
  const lineOf = (index: number) => yaml.locate.line(['versions', index]);
  if (problems.length > 0) return { entries: [], lineOf, problems };
  const parsed = v.safeParse(lockSchema, yaml.value);
  if (!parsed.success) {
    const found = parsed.issues.map((issue) => {
      const path = (issue.path ?? []).map((item) => item.key as string | number);
      const where = pathText(path) || 'the lock';
      const rule =
        issue.type === 'strict_object' && issue.expected === 'never' ? 'is not a known field' : issue.message;
      return problem(file, yaml.locate.line(path), 'lock-invalid', `${where}: ${rule}`);
    });
    return { entries: [], lineOf, problems: found };
  }
  return { entries: parsed.output.versions, lineOf, problems: [] };
}

export function parseSnapshot(text: string, file: string): { source?: StatementSource; problems: StatementProblem[] } {
  const { yaml, problems } = parseJsonText(text, file, 'snapshot-invalid');
  if (problems.length > 0) return { problems };
  const parsed = v.safeParse(sourceSchemaFor(yaml.value), yaml.value);
  if (!parsed.success) {
    const found = issuesToProblems(parsed.issues, yaml.value, file, (path) => yaml.locate.line(path));
    return { problems: found.map((p) => ({ ...p, rule: 'snapshot-invalid', message: `${p.message} (${p.rule})` })) };
  }
  return { source: parsed.output, problems: [] };
}

export interface LockCheckInput {
  current: StatementSource;
  lock: ParsedLock;
  /** Stored snapshots by the version their file name gives (v3.json → 3). */
  snapshots: ReadonlyMap<number, StatementSource>;
  files: {
    statement: string;
    lock: string;
    snapshot: (version: number) => string;
    /** Lines in the statement file. */
    versionLine: number;
    effectiveDateLine: number;
  };
}

export interface LockCheck {
  problems: StatementProblem[];
  /** `published`: the current version is in the lock with the same hash. `new`: it is exactly last+1, ready to publish. */
  status?: 'published' | 'new';
  hash: string;
}

/** The lock itself: versions 1, 2, 3… in order, dates never decreasing, each with its unchanged snapshot. */
function lockEntryProblems(input: LockCheckInput): StatementProblem[] {
  const { lock, snapshots, files } = input;
  const entries = lock.entries;
  const problems: StatementProblem[] = [];
  entries.forEach((entry, index) => {
    const line = lock.lineOf(index);
    if (entry.version !== index + 1) {
      problems.push(
        problem(
          files.lock,
          line,
          'lock-not-consecutive',
          `entry ${index + 1} is version ${entry.version}; published versions must run 1, 2, 3… in order`,
        ),
      );
    }
    const previous = entries[index - 1];
    if (previous && entry.effectiveDate < previous.effectiveDate) {
      problems.push(
        problem(
          files.lock,
          line,
          'effective-date-decreasing',
          `version ${entry.version} takes effect ${entry.effectiveDate}, before version ${previous.version} (${previous.effectiveDate})`,
        ),
      );
    }
    const snapshot = snapshots.get(entry.version);
    if (!snapshot) {
      problems.push(
        problem(
          files.lock,
          line,
          'published-version-missing',
          `version ${entry.version} is published but ${files.snapshot(entry.version)} is missing`,
        ),
      );
      return;
    }
    const snapshotHash = hashCanonical(snapshot);
    if (
      snapshot.version !== entry.version ||
      snapshotHash !== entry.hash ||
      snapshot.effectiveDate !== entry.effectiveDate
    ) {
      const what =
        snapshotHash !== entry.hash
          ? `hashes to ${snapshotHash}, not the published ${entry.hash}`
          : `does not match its lock entry (version ${snapshot.version}, effective ${snapshot.effectiveDate})`;
      problems.push(
        problem(
          files.snapshot(entry.version),
          1,
          'published-version-tampered',
          `published version ${entry.version} ${what}; published versions never change`,
        ),
      );
    }
  });
  const listed = new Set(entries.map((e) => e.version));
  for (const version of [...snapshots.keys()].sort((a, b) => a - b)) {
    if (!listed.has(version))
      problems.push(
        problem(
          files.snapshot(version),
          1,
          'snapshot-unlisted',
          `version ${version} has a snapshot but no entry in ${files.lock}`,
        ),
      );
  }

  return problems;
}

/** The current version against the lock: published unchanged, or exactly the next one; else its problem. */
function currentStatus(input: LockCheckInput, hash: string, problems: StatementProblem[]): LockCheck['status'] {
  const { current, files } = input;
  const entries = input.lock.entries;
  const last = entries[entries.length - 1];
  const lastVersion = last?.version ?? 0;
  const behindLock = () =>
    problem(
      files.statement,
      files.versionLine,
      'version-behind-lock',
      `version ${current.version} is older than the latest published version ${lastVersion}`,
    );
  const published = entries.find((e) => e.version === current.version);
  if (published) {
    if (published.hash !== hash) {
      problems.push(
        problem(
          files.statement,
          files.versionLine,
          'version-not-bumped',
          `the text of version ${current.version} changed after it was published; give it a new version (${lastVersion + 1})`,
        ),
      );
    } else if (current.version < lastVersion) {
      problems.push(behindLock());
    } else {
      return 'published';
    }
  } else if (current.version < lastVersion) {
    problems.push(behindLock());
  } else if (current.version !== lastVersion + 1) {
    problems.push(
      problem(
        files.statement,
        files.versionLine,
        'version-skipped',
        `the next version must be ${lastVersion + 1}, not ${current.version}`,
      ),
    );
  } else if (last && current.effectiveDate < last.effectiveDate) {
    problems.push(
      problem(
        files.statement,
        files.effectiveDateLine,
        'effective-date-decreasing',
        `version ${current.version} takes effect ${current.effectiveDate}, before version ${last.version} (${last.effectiveDate})`,
      ),
    );
  } else {
    return 'new';
  }
  return undefined;
}

export function checkLock(input: LockCheckInput): LockCheck {
  const hash = hashCanonical(input.current);
  const problems = lockEntryProblems(input);
  const status = currentStatus(input, hash, problems);
  return { problems, hash, ...(problems.length === 0 && status ? { status } : {}) };
}

export interface Publication {
  /** The new text of published.lock.json. */
  lockText: string;
  /** `v<N>.json`, in versions/. */
  snapshotName: string;
  /** The source, pretty-printed with keys in RFC 8785 order, so it reads well and re-hashes identically. */
  snapshotText: string;
}

/** The files that publish `current` after the already published `entries`. */
export function publication(current: StatementSource, entries: readonly LockEntry[]): Publication {
  const versions = [
    ...entries,
    { version: current.version, hash: hashCanonical(current), effectiveDate: current.effectiveDate },
  ];
  return {
    lockText: `${JSON.stringify({ versions }, null, 2)}\n`,
    snapshotName: `v${current.version}.json`,
    snapshotText: `${JSON.stringify(JSON.parse(canonicalJson(current)), null, 2)}\n`,
  };
}
