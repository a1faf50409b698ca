/**
 * Where each contradiction of `privacy-panel check` points, for SARIF and GitHub annotations: the code line
 * it names (`src/index.ts:12`), else the statement field it names (`facts.egress` → that line of
 * policy/statement.yml), else the manifest line that mentions what it names, else the statement's first line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseYaml, type YamlLocator } from '../statement/yaml-lines';

export interface Location {
  /** Relative to the app's folder, with `/`. */
  file: string;
  line: number;
}

export interface LocationSources {
  /** The app's folder. */
  dir: string;
  /** The statement and the manifest as the messages name them (relative to `dir`, or absolute). */
  statement: string;
  manifest: string;
}

const CODE_LINE = /(?:^|[\s(])((?:[\w@.-]+\/)*[\w@.-]+\.(?:[cm]?[jt]sx?|ya?ml|json)):(\d+)\b/;
const FACTS_PATH = /\bfacts\.([A-Za-z]+(?:\.[A-Za-z]+)*)/;
const CATEGORY = /category '([^']+)'/;
const TOKEN = /[A-Za-z0-9*][\w*.-]*\.[A-Za-z]{2,}|'[^']+'/g;

export class Locator {
  private readonly statementFile: string;
  private readonly manifestFile: string;
  private readonly statement: YamlLocator | undefined;
  private readonly statementValue: unknown;
  private readonly manifestLines: string[];

  constructor(private readonly sources: LocationSources) {
    this.statementFile = this.shown(sources.statement);
    this.manifestFile = this.shown(sources.manifest);
    const statementText = this.read(sources.statement);
    const parsed = statementText === undefined ? undefined : parseYaml(statementText);
    this.statement = parsed?.locate;
    this.statementValue = parsed?.value;
    this.manifestLines = (this.read(sources.manifest) ?? '').split('\n');
  }

  private shown(file: string): string {
    return (isAbsolute(file) ? relative(this.sources.dir, file) : file).split('\\').join('/');
  }

  private read(file: string): string | undefined {
    const abs = isAbsolute(file) ? file : join(this.sources.dir, file);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  }

  private statementLine(path: readonly (string | number)[]): number {
    return this.statement?.line(path, { key: true }) ?? 1;
  }

  /** The index of data category `id` in facts.dataStored, when the statement has it. */
  private categoryIndex(id: string): number {
    const facts = (this.statementValue as { facts?: { dataStored?: { id?: unknown }[] } } | undefined)?.facts;
    return facts?.dataStored?.findIndex((c) => c.id === id) ?? -1;
  }

  locate(message: string): Location {
    const code = CODE_LINE.exec(message);
    if (code?.[1] && code[2]) return { file: this.shown(code[1]), line: Number(code[2]) };
    const category = CATEGORY.exec(message);
    const index = category?.[1] === undefined ? -1 : this.categoryIndex(category[1]);
    if (index >= 0) return { file: this.statementFile, line: this.statementLine(['facts', 'dataStored', index]) };
    const field = FACTS_PATH.exec(message);
    if (field?.[1]) return { file: this.statementFile, line: this.statementLine(['facts', ...field[1].split('.')]) };
    if (message.includes(this.manifestFile)) {
      for (const token of message.match(TOKEN) ?? []) {
        const word = token.replace(/^'|'$/g, '');
        const at = this.manifestLines.findIndex((l) => l.includes(word));
        if (at >= 0) return { file: this.manifestFile, line: at + 1 };
      }
      return { file: this.manifestFile, line: 1 };
    }
    return { file: this.statementFile, line: 1 };
  }
}
