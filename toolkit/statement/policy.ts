/**
 * The whole policy folder, checked at once: the current statement, its sections, the lock and the
 * published snapshots. Pure: scripts/lib/policy-files.ts reads the files into a `PolicyFiles`.
 */
import { compileCatalog, compileSource } from './compile';
import { checkLock, parseLock, parseSnapshot } from './lock';
import { parseStatement } from './parse';
import { problem, sortProblems, type StatementProblem } from './problems';
import type { CurrentStatementSource, StatementCatalog, StatementSource } from '../../src/domain/statement/types';
import type { CompiledTranslation, TranslationSource } from '../../src/domain/statement/translation';
import {
  compileTranslation,
  parseTranslation,
  parseTranslationSnapshot,
  TRANSLATION_PATHS,
  type TranslationFiles,
} from './translation';

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
  /** Each translations/<locale>/ folder's files (absent or empty: no translations). */
  translations?: readonly TranslationFiles[];
  /** Texts of the files in translations/published/, by file name. */
  translationSnapshotTexts?: Readonly<Record<string, string>>;
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
  /** Every published translation, oldest first; each locale's current one after its older ones. */
  translations: CompiledTranslation[];
  /** Translations in translations/<locale>/ that are valid but not published yet (npm run policy:publish). */
  unpublishedTranslations: TranslationSource[];
}

/** The JSON Schema of statement.yml beside it (json-schema.ts writes it; the package ships it). */
export const JSON_SCHEMA_FILE = 'statement.schema.json';

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
      translations: [],
      unpublishedTranslations: [],
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

  const translated = checkTranslations(files, published, at);
  problems.push(...translated.problems);
  // Without a readable statement or lock, comparing them would only add noise.
  const where = {
    statementFile,
    versionLine: parsed.versionLine,
    translations: translated.translations,
    unpublishedTranslations: translated.unpublished,
  };
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

/**
 * The translations: every published one (from translations/published/), and each locale folder checked
 * against the version it translates. A folder whose translation is not among the published ones is listed
 * as unpublished; the published ones are ordered by version, each locale's current one last.
 */
function checkTranslations(
  files: PolicyFiles,
  published: readonly StatementSource[],
  at: (name: string) => string,
): { problems: StatementProblem[]; translations: CompiledTranslation[]; unpublished: TranslationSource[] } {
  const problems: StatementProblem[] = [];
  const compiled = published.map(compileSource);
  const snapshots: CompiledTranslation[] = [];
  for (const [name, text] of Object.entries(files.translationSnapshotTexts ?? {})) {
    const file = at(`${TRANSLATION_PATHS.folder}/${TRANSLATION_PATHS.published}/${name}`);
    const snapshot = parseTranslationSnapshot(name, text, file);
    problems.push(...snapshot.problems);
    if (snapshot.translation) snapshots.push(snapshot.translation);
  }
  const current = new Set<string>();
  const unpublished: TranslationSource[] = [];
  for (const folder of files.translations ?? []) {
    const parsed = parseTranslation(folder, compiled);
    problems.push(...parsed.problems);
    if (!parsed.source) continue;
    const hash = compileTranslation(parsed.source).hash;
    if (snapshots.some((s) => s.hash === hash)) current.add(hash);
    else unpublished.push(parsed.source);
  }
  const order = (t: CompiledTranslation) => t.source.translates.version * 2 + (current.has(t.hash) ? 1 : 0);
  const translations = [...snapshots].sort((a, b) => order(a) - order(b));
  return { problems, translations, unpublished };
}

/** The catalog the app ships: every published version, oldest first. Only meaningful when `status` is `published`. */
export function publishedCatalog(check: PolicyCheck): StatementCatalog {
  const catalog = compileCatalog(check.published);
  return check.translations.length > 0 ? { ...catalog, translations: check.translations } : catalog;
}
