/**
 * The whole policy folder, checked at once: the current statement, its sections, the lock and the
 * published snapshots. Pure: scripts/lib/policy-files.ts reads the files into a `PolicyFiles`.
 */
import { compileCatalog } from './compile';
import { checkLock, parseLock, parseSnapshot } from './lock';
import { parseStatement } from './parse';
import { problem, sortProblems, type StatementProblem } from './problems';
import type { CurrentStatementSource, StatementCatalog, StatementSource } from '../../src/domain/statement/types';

export interface PolicyFiles {
  /** The folder as problems name it, e.g. `policy`. */
  dir: string;
  /** Text of statement.yml; `undefined` when it does not exist. */
  statementText: string | undefined;
  /** Section texts by path relative to the folder (`sections/overview.md`). */
  sectionTexts: Readonly<Record<string, string>>;
  /** Text of published.lock.json; `undefined` when it does not exist (nothing published). */
  lockText: string | undefined;
  /** Texts of the files in versions/, by file name (`v1.json`). */
  snapshotTexts: Readonly<Record<string, string>>;
}

export interface PolicyCheck {
  problems: StatementProblem[];
  /** The current statement, when it is valid on its own. */
  current?: CurrentStatementSource;
  hash?: string;
  /** `published`: nothing to publish; `new`: the current version is ready to publish. Absent when there are problems. */
  status?: 'published' | 'new';
  /** The published snapshots, oldest first (valid ones only). */
  published: StatementSource[];
  /** The statement file as problems name it, and the line of its `version`. */
  statementFile: string;
  versionLine: number;
}

export const POLICY_PATHS = {
  statement: 'statement.yml',
  lock: 'published.lock.json',
  versions: 'versions',
  sections: 'sections',
} as const;

export function snapshotFileName(version: number): string {
  return `v${version}.json`;
}

export function checkPolicy(files: PolicyFiles): PolicyCheck {
  const at = (name: string) => `${files.dir}/${name}`;
  const statementFile = at(POLICY_PATHS.statement);
  const lockFile = at(POLICY_PATHS.lock);
  const snapshotFile = (version: number) => at(`${POLICY_PATHS.versions}/${snapshotFileName(version)}`);

  if (files.statementText === undefined) {
    return {
      problems: [problem(statementFile, 1, 'missing-field', 'the statement file does not exist')],
      published: [],
      statementFile,
      versionLine: 1,
    };
  }
  const parsed = parseStatement({
    statementFile,
    statementText: files.statementText,
    sectionTexts: files.sectionTexts,
  });
  const problems = [...parsed.problems];

  const lock = parseLock(files.lockText, lockFile);
  problems.push(...lock.problems);
  const snapshots = new Map<number, StatementSource>();
  for (const [name, text] of Object.entries(files.snapshotTexts)) {
    const file = at(`${POLICY_PATHS.versions}/${name}`);
    const match = /^v([1-9]\d*)\.json$/.exec(name);
    if (!match) {
      problems.push(problem(file, 1, 'snapshot-invalid', 'snapshot files are named v<version>.json'));
      continue;
    }
    const snapshot = parseSnapshot(text, file);
    problems.push(...snapshot.problems);
    if (snapshot.source) snapshots.set(Number(match[1]), snapshot.source);
  }
  const published = lock.entries.flatMap((e) => {
    const s = snapshots.get(e.version);
    return s ? [s] : [];
  });

  // Without a readable statement or lock, comparing them would only add noise.
  const where = { statementFile, versionLine: parsed.versionLine };
  if (!parsed.source || lock.problems.length > 0)
    return {
      problems: sortProblems(problems),
      published,
      ...where,
      ...(parsed.source ? { current: parsed.source } : {}),
    };
  const checked = checkLock({
    current: parsed.source,
    lock,
    snapshots,
    files: {
      statement: statementFile,
      lock: lockFile,
      snapshot: snapshotFile,
      versionLine: parsed.versionLine,
      effectiveDateLine: parsed.lineOf(['effectiveDate']),
    },
  });
  problems.push(...checked.problems);
  const result: PolicyCheck = {
    problems: sortProblems(problems),
    current: parsed.source,
    hash: checked.hash,
    published,
    ...where,
  };
  if (problems.length === 0 && checked.status) result.status = checked.status;
  return result;
}

/** The catalog the app ships: every published version, oldest first. Only meaningful when `status` is `published`. */
export function publishedCatalog(check: PolicyCheck): StatementCatalog {
  return compileCatalog(check.published);
}
