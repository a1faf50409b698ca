/**
 * Loads what `privacy-panel check` and `marketplace` need for the app at DIR: the statement compiled from
 * DIR/policy (or --policy), the app's evidence (app-files.ts, app-evidence.ts), the declared key families,
 * and runs every check (run-checks.ts): the statement vs the manifest, the inventory and what the code does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import type { KeyFamily } from '../../src/domain/storage/inventory';
import { toPhysicalKey } from '../../src/domain/storage/key-prefix';
import type { StatementFacts } from '../../src/domain/statement/types';
import type { AppEvidence, CheckReport } from '../../src/domain/evidence/types';
import { appEvidenceDetail } from '../evidence/app-evidence';
import { INVENTORY } from '../evidence/inventory-checks';
import { runChecks } from '../evidence/run-checks';
import { checkPolicy } from '../statement/policy';
import { formatProblem } from '../statement/problems';
import { readForgeApp, type ForgeApp } from './forge-app';
import { EvidenceInputError, readFacts, REPO_ROOT } from './evidence-inputs';
import { readPolicyFiles } from './policy-files';
import { EXIT, ToolkitError } from '../errors';

export const KEY_FAMILIES_FILE = 'key-families.yml';
const INVENTORY_MODULE = join('src', 'domain', 'storage', 'inventory.ts');

export interface AppCheckOptions {
  /** The policy folder; default DIR/policy. */
  policyDir?: string;
  manifest?: string;
  /** A compiled facts file relative to DIR (tests, and the legacy `--facts`): skips compiling policy/. */
  factsFile?: string;
}

export interface AppCheckResult {
  report: CheckReport;
  app: AppEvidence;
  facts: StatementFacts;
}

/** The statement breaks its own rules: a problem found (exit 1), not an unreadable app (exit 2). */
export class StatementProblemsError extends ToolkitError {
  readonly code = 'PP-STATEMENT-PROBLEMS';
  readonly exitCode = EXIT.findings;
}

export function compiledFacts(policyDir: string): StatementFacts {
  const check = checkPolicy(readPolicyFiles(policyDir));
  if (check.problems.length > 0 || !check.current)
    throw new StatementProblemsError(
      `the statement in ${policyDir} does not compile:\n${check.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  return check.current.facts;
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `policy/key-families.yml`: `- { name, prefix, category, personalData? }` for each key family the app writes. */
export function readKeyFamilies(policyDir: string): KeyFamily[] {
  const file = join(policyDir, KEY_FAMILIES_FILE);
  if (!existsSync(file)) return [];
  const raw: unknown = YAML.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new EvidenceInputError(`${file}: must be a list of { name, prefix, category }`);
  return raw.map((item: unknown, i) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const field = (k: string): string => {
      const v = o[k];
      if (typeof v !== 'string' || v === '')
        throw new EvidenceInputError(`${file}: [${i}].${k} must be a non-empty string`);
      return v;
    };
    const prefix = field('prefix');
    return {
      name: field('name'),
      prefix,
      pattern: `${prefix}…`,
      matches: new RegExp(`^${escaped(prefix)}`),
      category: field('category'),
      purpose: typeof o.purpose === 'string' ? o.purpose : '',
      personalData: o.personalData === true,
      retention: typeof o.retention === 'string' ? o.retention : '',
      writeOnce: false,
    };
  });
}

/** The panel's own key families in a host it was added to, under the host's key prefix. */
function panelFamilies(app: ForgeApp): KeyFamily[] {
  if (!app.panel.added) return [];
  return INVENTORY.map((family) => {
    const prefix = toPhysicalKey(family.prefix, app.panel.keyPrefix);
    return { ...family, prefix, pattern: `${prefix}…`, matches: new RegExp(`^${escaped(prefix)}`) };
  });
}

export function checkApp(dir: string, options: AppCheckOptions = {}): AppCheckResult {
  const root = resolve(dir);
  const policyDir = resolve(options.policyDir ?? join(root, 'policy'));
  // The app first: a folder that is not a Forge app cannot be read (exit 2), whatever its policy/ holds.
  const app = readForgeApp(root, options.manifest === undefined ? {} : { manifest: options.manifest });
  const first = app.code();
  const facts = options.factsFile !== undefined ? readFacts(root, options.factsFile) : compiledFacts(policyDir);
  const code = appEvidenceDetail(first);
  // This repository and apps started from it declare their key families in code (src/domain/storage/inventory.ts);
  // other apps in policy/key-families.yml.
  const ownRepository =
    root === resolve(REPO_ROOT) || existsSync(join(root, INVENTORY_MODULE)) || options.factsFile !== undefined;
  // A host the panel was added to stores the panel's families too.
  const inventory = ownRepository ? INVENTORY : [...readKeyFamilies(policyDir), ...panelFamilies(app)];
  const names = {
    manifest: code.evidence.manifest,
    statement: `${policyDir === join(root, 'policy') ? 'policy' : policyDir}/statement.yml`,
    inventory: ownRepository ? 'src/domain/storage/inventory.ts' : `policy/${KEY_FAMILIES_FILE}`,
  };
  const report = runChecks({ manifest: first.manifest, facts, code, inventory, names });
  return { report, app: code.evidence, facts };
}
