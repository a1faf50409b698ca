/**
 * The one place the host commands (add, build, preview) call the evidence engine (toolkit/evidence), so
 * the engine can be swapped without touching them: the host manifest's facts, the host code's API uses,
 * the evidence the page shows, and which scopes the panel itself needs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCT_PATH_RULES } from '../../evidence/api-rules';
import { appEvidence } from '../../evidence/app-evidence';
import { scanFile } from '../../evidence/app-scan';
import { scanSources } from '../../evidence/code-scan';
import { INVENTORY } from '../../evidence/inventory-checks';
import { InvalidManifestError, readManifestFacts } from '../../evidence/manifest-facts';
import { runChecks } from '../../evidence/run-checks';
import type { ApiUse, Evidence, ManifestFacts, SourceFile } from '../../../src/domain/evidence/types';
import type { KeyFamily } from '../../../src/domain/inventory';
import type { Product } from '../../../src/domain/product';
import type { StatementFacts } from '../../../src/domain/statement/types';

export { InvalidManifestError };
export type { ManifestFacts };

export function hostManifestFacts(manifest: unknown): ManifestFacts {
  return readManifestFacts(manifest);
}

const CODE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const SKIP = new Set(['node_modules', 'build', 'dist', 'out', '.git', 'privacy-panel']);

function walk(root: string, dir: string, out: string[]): void {
  const abs = join(root, dir);
  if (!existsSync(abs)) return;
  for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name)) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, rel, out);
    else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
}

/** The host's own sources: `src/` runs in the function, `static/` in the browser. */
export function hostSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const [dir, side] of [
    ['src', 'backend'],
    ['static', 'browser'],
  ] as const) {
    const paths: string[] = [];
    walk(root, dir, paths);
    for (const path of paths) files.push({ path, side, text: readFileSync(join(root, path), 'utf8') });
  }
  return files;
}

export function hostApiUses(root: string): ApiUse[] {
  return scanSources(hostSources(root));
}

/**
 * The key families the host's own code writes to Forge storage (KVS or the legacy storage API, one key space
 * per installation), as the evidence engine reports them: the static start of each key written.
 */
export function hostKeyFamilies(root: string, manifest: Record<string, unknown>): HostKeyFamily[] {
  const files = hostSources(root).map((file) => ({
    path: file.path,
    side: file.side,
    lines: file.text.split('\n').length,
    scan: scanFile(file),
  }));
  const evidence = appEvidence({
    manifestPath: 'manifest.yml',
    manifest,
    facts: readManifestFacts(manifest),
    files,
    problems: [],
  });
  return evidence.keyFamilies
    .filter((f) => f.kind === 'kvs' || f.kind === 'legacy-storage')
    .map(({ family, at }) => ({ family, at }));
}

export interface HostKeyFamily {
  /** The static start of the keys, e.g. `pp:cache:` for `pp:cache:${id}`. */
  family: string;
  /** Where the code writes it (file:line). */
  at: string;
}

/** The panel's own key families (what it stores in the host's KVS). */
export const PANEL_KEY_FAMILIES: readonly KeyFamily[] = INVENTORY;

/** What the page shows beside the claims: the host's manifest and code, read against the statement's facts. */
export function hostEvidence(root: string, manifest: unknown, facts: StatementFacts): Evidence {
  return runChecks({ manifest, facts, uses: hostApiUses(root), inventory: PANEL_KEY_FAMILIES }).evidence;
}

/** A scope the panel needs for one purpose; any one of `anyOf` is enough (classic first). */
export interface ScopeNeed {
  why: string;
  anyOf: readonly string[];
  product?: Product;
}

function pathScopes(product: Product, path: string): readonly string[] {
  const rule = PRODUCT_PATH_RULES.find((r) => r.product === product && r.pattern.test(path));
  if (!rule) throw new Error(`no scope rule for ${product} ${path}`);
  return rule.anyOf;
}

/** Every scope the panel needs, by product: what its code calls (src/platform, static/admin/src/api.ts). */
export function panelScopeNeeds(products: readonly Product[]): ScopeNeed[] {
  const needs: ScopeNeed[] = [
    { why: 'its receipts in Forge storage (@forge/kvs)', anyOf: ['storage:app'] },
    { why: 'reporting the account IDs it stores (privacy.reportPersonalData)', anyOf: ['report:personal-data'] },
  ];
  if (products.includes('jira')) {
    needs.push(
      { why: 'the Jira admin check', anyOf: pathScopes('jira', '/rest/api/3/mypermissions'), product: 'jira' },
      { why: 'Jira display names', anyOf: pathScopes('jira', '/rest/api/3/user?'), product: 'jira' },
    );
  }
  if (products.includes('confluence')) {
    needs.push({
      why: 'the Confluence admin check and display names',
      anyOf: pathScopes('confluence', '/wiki/rest/api/user/current'),
      product: 'confluence',
    });
  }
  return needs;
}
