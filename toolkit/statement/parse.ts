/**
 * policy/statement.yml + its section files → a validated, normalised `StatementSource`, or every problem
 * found. Pure: the caller reads the files and passes their text.
 */
import { factFindings, duplicates } from './facts-rules';
import { issuesToProblems, pathText } from './issues';
import { markdownProblems } from './markdown';
import { invisibleCharacterProblems } from './invisible';
import { normaliseMarkdown } from './normalise';
import { problem, sortProblems, type StatementProblem } from './problems';
import { placeholderFindings, sectionPlaceholders, templateVendorFinding } from './placeholders';
import * as v from 'valibot';
import { statementFileSchema } from './schema';
import { SECTION_FILE } from './schema-parts';
import { SOURCE_FORMAT, type CurrentStatementSource } from '../../src/domain/statement/types';
import { parseYaml } from './yaml-lines';

export interface StatementInput {
  /** The statement file as problems name it, e.g. `policy/statement.yml`. Section paths are resolved next to it. */
  statementFile: string;
  statementText: string;
  /** The text of each section file, by path relative to the statement's folder (`sections/overview.md`). */
  sectionTexts: Readonly<Record<string, string>>;
}

export interface ParsedStatement {
  /** Present only when there are no problems. */
  source?: CurrentStatementSource;
  problems: StatementProblem[];
  /** Line of `version` in the statement file (1 when unknown), for problems about the version. */
  versionLine: number;
  /** Line of any node of the statement file, by path (1 when the file did not parse). */
  lineOf: (path: readonly PropertyKey[]) => number;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash + 1);
}

type LineOf = (path: readonly PropertyKey[], options?: { key?: boolean }) => number;

/** `change` is required from version 2 and absent on version 1. */
function changeProblems(top: Rec, file: string, lineOf: LineOf): StatementProblem[] {
  const version = top['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version <= 0) return [];
  if (version > 1 && top['change'] === undefined)
    return [
      problem(
        file,
        lineOf(['version']),
        'change-missing',
        `version ${version} needs a change: { summary, materiality } describing what changed since version ${version - 1}`,
      ),
    ];
  if (version === 1 && top['change'] !== undefined)
    return [
      problem(
        file,
        lineOf(['change'], { key: true }),
        'change-unexpected',
        'version 1 has nothing to compare with: remove change',
      ),
    ];
  return [];
}

/**
 * Each section's Markdown, normalised, by its index; its problems go to `problems`. Checked even when other
 * fields are wrong, so every problem shows at once.
 */
function readSections(
  input: StatementInput,
  top: Rec,
  lineOf: LineOf,
  problems: StatementProblem[],
): Map<number, string> {
  const file = input.statementFile;
  const folder = folderOf(file);
  const markdownByIndex = new Map<number, string>();
  (Array.isArray(top['sections']) ? top['sections'] : []).forEach((section: unknown, index) => {
    const path = isRec(section) ? section['file'] : undefined;
    if (typeof path !== 'string' || !SECTION_FILE.test(path)) return;
    const text = input.sectionTexts[path];
    if (text === undefined) {
      problems.push(
        problem(file, lineOf(['sections', index, 'file']), 'section-file-missing', `${folder}${path} does not exist`),
      );
      return;
    }
    const markdown = normaliseMarkdown(text);
    problems.push(...invisibleCharacterProblems(markdown, `${folder}${path}`));
    problems.push(...markdownProblems(markdown, `${folder}${path}`));
    for (const hit of sectionPlaceholders(markdown))
      problems.push(problem(`${folder}${path}`, hit.line, hit.rule, `${path} ${hit.message}`));
    markdownByIndex.set(index, markdown);
  });
  return markdownByIndex;
}

export function parseStatement(input: StatementInput): ParsedStatement {
  const file = input.statementFile;
  const yaml = parseYaml(input.statementText);
  if (yaml.errors.length > 0) {
    return {
      problems: yaml.errors.map((e) => problem(file, e.line, 'yaml-syntax', e.message)),
      versionLine: 1,
      lineOf: () => 1,
    };
  }
  const raw = yaml.value;
  const lineOf: LineOf = (path, options) => yaml.locate.line(path, options);
  const versionLine = lineOf(['version']);
  const problems: StatementProblem[] = invisibleCharacterProblems(input.statementText, file);

  const parsed = v.safeParse(statementFileSchema, raw);
  if (!parsed.success) problems.push(...issuesToProblems(parsed.issues, raw, file, lineOf));

  const top: Rec = isRec(raw) ? raw : {};
  for (const finding of factFindings(top['facts']))
    problems.push(problem(file, lineOf(finding.path), finding.rule, `${pathText(finding.path)}: ${finding.message}`));
  const placeholders = [...placeholderFindings(top['facts'], ['facts']), templateVendorFinding(raw)];
  for (const finding of placeholders) {
    if (finding)
      problems.push(problem(file, lineOf(finding.path), finding.rule, `${pathText(finding.path)} ${finding.message}`));
  }
  for (const finding of duplicates(top['sections'], 'id', ['sections'], 'duplicate-section-id', 'section id')) {
    problems.push(problem(file, lineOf(finding.path), finding.rule, finding.message));
  }

  problems.push(...changeProblems(top, file, lineOf));

  const markdownByIndex = readSections(input, top, lineOf, problems);

  // A placeholder keeps a statement from being published, not from being read: a draft with one still
  // compiles (the host build previews it), and every check that publishes or proves it fails on it.
  const blocking = problems.filter((p) => !p.rule.startsWith('placeholder-'));
  if (blocking.length > 0 || !parsed.success) return { problems: sortProblems(problems), versionLine, lineOf };

  const data = parsed.output;
  const source: CurrentStatementSource = {
    format: SOURCE_FORMAT,
    id: data.id,
    version: data.version,
    effectiveDate: data.effectiveDate,
    change: data.change ?? null,
    facts: data.facts,
    sections: data.sections.map((s, index) => ({
      id: s.id,
      title: s.title,
      markdown: markdownByIndex.get(index) ?? '',
    })),
  };
  return { source, problems: sortProblems(problems), versionLine, lineOf };
}
