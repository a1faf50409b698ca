/**
 * Loads what the evidence check reads: the app (its manifest and the code Forge builds for it, read by
 * app-files.ts and the one evidence engine), the statement facts in force (policy/ compiled from disk, or a
 * given catalog or bare facts JSON), and the data inventory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyFamily } from '../../src/domain/storage/inventory';
import { appEvidenceDetail } from '../evidence/app-evidence';
import { INVENTORY } from '../evidence/inventory-checks';
import type { CheckInputs } from '../evidence/run-checks';
import { readForgeApp } from './forge-app';
import * as v from 'valibot';
import { issuesToProblems } from '../statement/issues';
import { anyFactsSchema } from '../statement/schema';
import { factsFromPolicy } from './policy-facts';
import { EXIT, ToolkitError } from '../errors';
import type { StatementFacts } from '../../src/domain/statement/types';

export const REPO_ROOT = join(__dirname, '..', '..');
export const EVIDENCE_JSON = join('src', 'generated', 'evidence.json');
export const STATEMENT_CATALOG = join('src', 'generated', 'statements.json');

export interface LoadOptions {
  /**
   * The statement facts file, relative to root: a `StatementCatalog` (last version wins) or bare facts.
   * Absent: the statement in root/policy, compiled from disk.
   */
  factsFile?: string;
  /** Overrides the key families (tests); defaults to src/domain/storage/inventory.ts. */
  inventory?: readonly KeyFamily[];
}

/** The compiled facts, the statement or the app that `check` needs cannot be read. */
export class EvidenceInputError extends ToolkitError {
  readonly code = 'PP-EVIDENCE-INPUT';
  readonly exitCode = EXIT.unreadable;
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
  const parsed = v.safeParse(anyFactsSchema, raw);
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.issues, raw, factsFile, () => 1);
    throw new EvidenceInputError(
      `${factsFile}: not valid statement facts: ${problems.map((p) => `${p.message} (${p.rule})`).join('; ')}`,
    );
  }
  return parsed.output;
}

/** The statement in `root`/policy compiled from disk, so an edit is checked before any build. */
function readPolicyFacts(root: string): StatementFacts {
  const result = factsFromPolicy(root);
  if (result.problems) throw new EvidenceInputError(`the statement has problems:\n  ${result.problems.join('\n  ')}`);
  return result.facts;
}

export function loadEvidenceInputs(root: string = REPO_ROOT, options: LoadOptions = {}): CheckInputs {
  const app = readForgeApp(root).code();
  return {
    manifest: app.manifest,
    facts: options.factsFile === undefined ? readPolicyFacts(root) : readFacts(root, options.factsFile),
    code: appEvidenceDetail(app),
    inventory: options.inventory ?? INVENTORY,
    names: { manifest: app.manifestPath },
  };
}
