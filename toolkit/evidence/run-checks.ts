/**
 * The whole check: manifest, code and data inventory against the statement. Pure; toolkit/cli/check.ts
 * loads the files (toolkit/cli/app-check.ts, evidence-inputs.ts) and fails the build on any problem. What
 * the code does comes from the one evidence engine (app-scan.ts, app-evidence.ts, scopes/routes.json).
 */
import type { KeyFamily } from '../../src/domain/storage/inventory';
import type { StatementFacts } from '../../src/domain/statement/types';
import { buildClaims } from './claims';
import { dataResidency, runsOnAtlassian } from './eligibility';
import { checkInventory, DEFAULT_SOURCE_NAMES, type SourceNames } from './inventory-checks';
import { InvalidManifestError, readManifestFacts } from './manifest-facts';
import type { AppEvidenceDetail } from './app-evidence';
import { checkAppAgainstStatement } from './app-statement-checks';
import { checkStatement } from './statement-checks';
import type { CheckReport, Evidence, ManifestFacts } from '../../src/domain/evidence/types';

export interface CheckInputs {
  /** manifest.yml, parsed. */
  manifest: unknown;
  /** The facts of the statement in force. */
  facts: StatementFacts;
  /** What the app's code does (app-evidence.ts), and which code proves each declared scope. */
  code: AppEvidenceDetail;
  /** The key families (normally `INVENTORY`: the panel's families with their descriptions). */
  inventory: readonly KeyFamily[];
  /** File names for messages; defaults to manifest.yml, policy/statement.yml, src/domain/storage/inventory.ts. */
  names?: Partial<SourceNames>;
}

const EMPTY_MANIFEST: ManifestFacts = {
  appId: null,
  scopes: [],
  egress: [],
  remotes: [],
  providers: [],
  connectModules: [],
  dynamicWebTriggers: [],
  endpoints: [],
  storage: [],
  sqlWithoutResidency: [],
  configurableEgress: false,
  moduleTypes: [],
};

export function runChecks(inputs: CheckInputs): CheckReport {
  const names: SourceNames = { ...DEFAULT_SOURCE_NAMES, ...inputs.names };
  let manifest: ManifestFacts;
  try {
    manifest = readManifestFacts(inputs.manifest);
  } catch (error) {
    if (!(error instanceof InvalidManifestError)) throw error;
    manifest = EMPTY_MANIFEST;
    return finish(
      inputs,
      names,
      manifest,
      [{ kind: 'invalid-manifest', message: `${names.manifest}: ${error.message}` }],
      [],
      [],
    );
  }
  const statement = checkStatement(inputs.facts, manifest, names);
  const inventory = checkInventory(inputs.inventory, inputs.facts, names);
  const code = checkAppAgainstStatement(inputs.code.evidence, inputs.facts, inputs.inventory, names);
  const warnings = [...statement.warnings, ...code.warnings];
  const storesPersonal = inputs.inventory.some((f) => f.personalData);
  if (storesPersonal && !manifest.scopes.includes('report:personal-data')) {
    warnings.push(
      `${names.inventory} stores personal data (account IDs), but ${names.manifest} lacks report:personal-data: Atlassian asks apps that store account IDs to report them every cycle`,
    );
  }
  return finish(
    inputs,
    names,
    manifest,
    [...statement.problems, ...inventory, ...code.problems],
    warnings,
    inputs.code.scopeUse,
  );
}

function finish(
  inputs: CheckInputs,
  names: SourceNames,
  manifest: ManifestFacts,
  problems: CheckReport['problems'],
  warnings: string[],
  scopeUse: Evidence['scopeUse'],
): CheckReport {
  const roa = runsOnAtlassian(manifest);
  const residency = dataResidency(manifest);
  const evidence: Evidence = {
    schemaVersion: 1,
    manifest: {
      scopes: manifest.scopes,
      egress: manifest.egress,
      remotes: manifest.remotes.map((r) => r.key),
      providers: manifest.providers,
      connectModules: manifest.connectModules,
      dynamicWebTriggers: manifest.dynamicWebTriggers,
      storage: manifest.storage,
    },
    runsOnAtlassian: roa,
    dataResidency: residency,
    scopeUse,
    keyFamilies: inputs.inventory.map((f) => ({
      name: f.name,
      pattern: f.pattern,
      category: f.category,
      personalData: f.personalData,
      retention: f.retention,
    })),
    claims: buildClaims({
      facts: inputs.facts,
      manifest,
      families: inputs.inventory,
      runsOnAtlassian: roa,
      dataResidency: residency,
      scopeUse,
      problems,
      names,
    }),
  };
  return { ok: problems.length === 0, problems, warnings, evidence };
}
