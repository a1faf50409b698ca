/**
 * The one place the host commands (add, build, preview) call the evidence engine (toolkit/evidence), so
 * the engine can be swapped without touching them: the host manifest's facts, what the host's code does,
 * the evidence the page shows, and which scopes the panel itself needs (from Atlassian's route facts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appEvidenceDetail, type AppEvidenceDetail } from '../../evidence/app-evidence';
import { scanFile, type Finding } from '../../evidence/app-scan';
import { INVENTORY } from '../../evidence/inventory-checks';
import { InvalidManifestError, readManifestFacts } from '../../evidence/manifest-facts';
import { matchRoute } from '../../evidence/route-scopes';
import { runChecks } from '../../evidence/run-checks';
import type { Evidence, ManifestFacts, SourceFile } from '../../../src/domain/evidence/types';
import type { Product } from '../../../src/domain/product';
import type { StatementFacts } from '../../../src/domain/statement/types';
import { PANEL } from './keys';

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

/**
 * The panel's own calls, as findings of the engine: the host's sources do not hold them (the panel runs from
 * its package, loaded by ${PANEL.handlerDir}). Only needs the manifest serves are listed: `add` declared them.
 */
function panelFindings(declared: readonly string[]): Finding[] {
  return panelScopeNeeds(['jira', 'confluence']).flatMap((need): Finding[] => {
    const scope = need.anyOf.find((s) => declared.includes(s));
    return scope === undefined
      ? []
      : [{ type: 'scope', scope, at: `${PANEL.handlerDir}:0`, what: `Privacy Panel: ${need.why}` }];
  });
}

/** The host's code read by the evidence engine against the host manifest: its own sources, and the panel's calls. */
function hostCode(root: string, manifest: Record<string, unknown>): AppEvidenceDetail {
  const facts = readManifestFacts(manifest);
  const files = hostSources(root).map((file) => ({
    path: file.path,
    side: file.side,
    lines: file.text.split('\n').length,
    scan: scanFile(file),
  }));
  const panel = {
    path: PANEL.handlerDir,
    side: 'backend' as const,
    lines: 0,
    scan: { findings: panelFindings(facts.scopes), imports: [] },
  };
  return appEvidenceDetail({
    manifestPath: 'manifest.yml',
    manifest,
    facts,
    files: [...files, panel],
    problems: [],
  });
}

/**
 * The key families the host's own code writes to Forge storage (KVS or the legacy storage API, one key space
 * per installation), as the evidence engine reports them: the static start of each key written.
 */
export function hostKeyFamilies(root: string, manifest: Record<string, unknown>): HostKeyFamily[] {
  return hostCode(root, manifest)
    .evidence.keyFamilies.filter((f) => f.kind === 'kvs' || f.kind === 'legacy-storage')
    .map(({ family, at }) => ({ family, at }));
}

export interface HostKeyFamily {
  /** The static start of the keys, e.g. `pp:cache:` for `pp:cache:${id}`. */
  family: string;
  /** Where the code writes it (file:line). */
  at: string;
}

/** What the page shows beside the claims: the host's manifest and code, read against the statement's facts. */
export function hostEvidence(root: string, manifest: Record<string, unknown>, facts: StatementFacts): Evidence {
  return runChecks({ manifest, facts, code: hostCode(root, manifest), inventory: INVENTORY }).evidence;
}

/** A scope the panel needs for one purpose; any one of `anyOf` is enough (classic first). */
export interface ScopeNeed {
  why: string;
  anyOf: readonly string[];
  product?: Product;
}

/**
 * The scopes a REST call of the panel needs, from Atlassian's route facts (scopes/routes.json): every
 * alternative that is one scope, classic first. (`decideScopes` picks one scope per need.)
 */
function routeScopes(product: Product, method: string, path: string): readonly string[] {
  const match = matchRoute(product, method, path);
  const single = match.kind === 'route' ? match.route.alternatives.filter((alt) => alt.length === 1).flat() : [];
  if (single.length === 0)
    throw new Error(`Atlassian's route facts give no single scope for ${product} ${method} ${path}`);
  return single;
}

/**
 * The product REST routes the panel's code calls (src/platform/admin-gate.ts, static/admin/src/api.ts);
 * test/evidence/panel-scopes.test.ts proves the engine finds exactly these calls in this repository.
 */
export const PANEL_ROUTES = {
  jiraPermissions: '/rest/api/3/mypermissions',
  jiraUser: '/rest/api/3/user',
  confluenceCurrentUser: '/wiki/rest/api/user/current',
  confluenceUser: '/wiki/rest/api/user',
} as const;

/** Every scope the panel needs, by product: what its code calls (src/platform, static/admin/src/api.ts). */
export function panelScopeNeeds(products: readonly Product[]): ScopeNeed[] {
  const needs: ScopeNeed[] = [
    { why: 'its receipts in Forge storage (@forge/kvs)', anyOf: ['storage:app'] },
    { why: 'reporting the account IDs it stores (privacy.reportPersonalData)', anyOf: ['report:personal-data'] },
  ];
  if (products.includes('jira')) {
    needs.push(
      { why: 'the Jira admin check', anyOf: routeScopes('jira', 'GET', PANEL_ROUTES.jiraPermissions), product: 'jira' },
      { why: 'Jira display names', anyOf: routeScopes('jira', 'GET', PANEL_ROUTES.jiraUser), product: 'jira' },
    );
  }
  if (products.includes('confluence')) {
    needs.push({
      why: 'the Confluence admin check and display names',
      anyOf: routeScopes('confluence', 'GET', PANEL_ROUTES.confluenceCurrentUser),
      product: 'confluence',
    });
  }
  return needs;
}
