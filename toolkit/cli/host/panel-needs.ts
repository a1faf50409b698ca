/**
 * What the panel itself needs in a host, from Atlassian's route facts: the scopes its code calls for, and
 * those calls as findings of the evidence engine (the host's sources do not hold the panel's code: it runs
 * from its package, loaded by the handler folder `add` writes), so `check` and the page credit the scopes
 * `add` declared to the panel.
 */
import type { Finding } from '../../evidence/app-scan';
import { matchRoute } from '../../evidence/route-scopes';
import type { Product } from '../../../src/domain/product';

const JIRA_PREFIXES = ['jira:', 'jiraServiceManagement:'];

/** The products an app's modules are in; empty when none is one the panel supports. */
export function productsIn(modules: Record<string, unknown>): Product[] {
  const types = Object.keys(modules);
  const jira = types.some((t) => JIRA_PREFIXES.some((p) => t.startsWith(p)));
  // `macro` is the Confluence macro module's older, unprefixed name.
  const confluence = types.some((t) => t.startsWith('confluence:') || t === 'macro');
  return [...(jira ? ['jira' as const] : []), ...(confluence ? ['confluence' as const] : [])];
}

/**
 * The panel's own calls in a host, at `at` (its handler folder): one finding for each need whose scope the
 * manifest declares, for the products the app is in (both when its modules name neither).
 */
export function panelFindings(declared: readonly string[], products: readonly Product[], at: string): Finding[] {
  const served: readonly Product[] = products.length > 0 ? products : ['jira', 'confluence'];
  return panelScopeNeeds(served).flatMap((need): Finding[] => {
    const scope = need.anyOf.find((s) => declared.includes(s));
    return scope === undefined ? [] : [{ type: 'scope', scope, at: `${at}:0`, what: `Privacy Panel: ${need.why}` }];
  });
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
