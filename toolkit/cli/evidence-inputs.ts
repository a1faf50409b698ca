/**
 * Loads what the evidence check reads: manifest.yml, the statement facts in force (policy/ compiled from
 * disk, or a given catalog or bare facts JSON), the backend and Custom UI sources, and
 * the data inventory. All file access for toolkit/evidence lives here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import type { KeyFamily } from '../../src/domain/inventory';
import { INVENTORY } from '../evidence/inventory-checks';
import { scanSources } from '../evidence/code-scan';
import type { CheckInputs } from '../evidence/run-checks';
import type { CodeSide, SourceFile } from '../../src/domain/evidence/types';
import { anyFactsSchema } from '../statement/schema';
import { factsFromPolicy } from './policy-facts';
import type { StatementFacts } from '../../src/domain/statement/types';

export const REPO_ROOT = join(__dirname, '..', '..');
export const EVIDENCE_JSON = join('src', 'generated', 'evidence.json');
export const STATEMENT_CATALOG = join('src', 'generated', 'statements.json');

/** Where sources are scanned, relative to the app root. */
export const SOURCE_ROOTS: readonly {
  dir: string;
  side: CodeSide;
  extensions: readonly string[];
  skip: readonly string[];
}[] = [
  { dir: 'src', side: 'backend', extensions: ['.ts'], skip: ['src/generated'] },
  { dir: 'static/admin/src', side: 'browser', extensions: ['.ts', '.tsx'], skip: [] },
];

export interface LoadOptions {
  /**
   * The statement facts file, relative to root: a `StatementCatalog` (last version wins) or bare facts.
   * Absent: the statement in root/policy, compiled from disk.
   */
  factsFile?: string;
  /** Overrides the key families (tests); defaults to src/domain/inventory.ts. */
  inventory?: readonly KeyFamily[];
}

export class EvidenceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceInputError';
  }
}

function walk(root: string, dir: string, extensions: readonly string[], skip: readonly string[]): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${dir}/${entry.name}`;
    if (skip.includes(rel) || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) out.push(...walk(root, rel, extensions, skip));
    else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

export function readSources(root: string): SourceFile[] {
  return SOURCE_ROOTS.flatMap(({ dir, side, extensions, skip }) =>
    walk(root, dir, extensions, skip).map((path) => ({ path, side, text: readFileSync(join(root, path), 'utf8') })),
  );
}

export function readManifest(root: string): unknown {
  const file = join(root, 'manifest.yml');
  if (!existsSync(file)) throw new EvidenceInputError(`${relative(process.cwd(), file) || file} not found`);
  return YAML.parse(readFileSync(file, 'utf8'));
}

export function readFacts(root: string, factsFile: string = STATEMENT_CATALOG): StatementFacts {
  const file = join(root, factsFile);
  if (!existsSync(file)) throw new EvidenceInputError(`${factsFile} not found: run \`npm run build:policy\` first`);
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  let raw: unknown = json;
  if (typeof json === 'object' && json !== null && 'versions' in json && Array.isArray(json.versions)) {
    const current: unknown = json.versions[json.versions.length - 1];
    raw =
      typeof current === 'object' &&
      current !== null &&
      'source' in current &&
      typeof current.source === 'object' &&
      current.source !== null &&
      'facts' in current.source
        ? current.source.facts
        : undefined;
  }
  const parsed = anyFactsSchema.safeParse(raw);
  if (!parsed.success)
    throw new EvidenceInputError(
      `${factsFile}: not valid statement facts: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** The statement in `root`/policy compiled from disk, so an edit is checked before any build. */
function readPolicyFacts(root: string): StatementFacts {
  const result = factsFromPolicy(root);
  if (result.problems) throw new EvidenceInputError(`the statement has problems:\n  ${result.problems.join('\n  ')}`);
  return result.facts;
}

export function loadEvidenceInputs(root: string = REPO_ROOT, options: LoadOptions = {}): CheckInputs {
  return {
    manifest: readManifest(root),
    facts: options.factsFile === undefined ? readPolicyFacts(root) : readFacts(root, options.factsFile),
    uses: scanSources(readSources(root)),
    inventory: options.inventory ?? INVENTORY,
  };
}
