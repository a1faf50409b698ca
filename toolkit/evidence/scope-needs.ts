/**
 * What could need each scope, from Atlassian's facts: the REST routes (routes.json, supplement.json), what
 * each product event, module type and GraphQL call needs (platform.json, from `@forge/manifest`), and the
 * classic ↔ granular correspondence Atlassian's descriptions give. Pure lookups; app-evidence.ts decides.
 */
import { allRoutes, candidateRoutes, hasRouteFacts, PLACEHOLDER, type RestProduct } from './route-scopes';
import platform from './scopes/platform.json';

/** The product a scope is for: the one whose calls, events or modules can need it. */
export type ScopeProduct = RestProduct | 'compass' | 'forge' | 'other';

/** Scopes the Forge platform itself needs (storage, the privacy API, remotes' tokens). */
const FORGE_SCOPES = new Set(['storage:app', 'report:personal-data', 'read:app-system-token', 'read:app-user-token']);

export function scopeProduct(scope: string): ScopeProduct {
  if (FORGE_SCOPES.has(scope)) return 'forge';
  if (/connect-/.test(scope)) return 'other';
  if (/(^|[:-])(jira|servicedesk|servicemanagement)([:.-]|$)/.test(scope)) return 'jira';
  if (/(^|[:-])confluence([:.-]|$)/.test(scope)) return 'confluence';
  if (/:bitbucket$/.test(scope)) return 'bitbucket';
  if (/:compass$/.test(scope)) return 'compass';
  return 'other';
}

export const isGranular = (scope: string): boolean => scope.split(':').length > 2;

const KNOWN = new Set<string>(platform.scopes);
const GRANULAR_FOR = new Map<string, string[]>(Object.entries(platform.granularFor));
const CLASSIC_FOR = new Map<string, string[]>();
for (const [classic, granular] of GRANULAR_FOR)
  for (const g of granular) CLASSIC_FOR.set(g, [...(CLASSIC_FOR.get(g) ?? []), classic]);

/** Whether Atlassian's scope list holds the scope (an unknown one is never called unused). */
export const isKnownScope = (scope: string): boolean => KNOWN.has(scope);

/** The scopes of the other family that Atlassian lists beside these (classic → granular and back). */
export function counterparts(scopes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const s of scopes) for (const c of (isGranular(s) ? CLASSIC_FOR.get(s) : GRANULAR_FOR.get(s)) ?? []) out.add(c);
  return [...out];
}

/** Which families the alternatives list: a route described with classic scopes only, granular only, or both. */
export function families(alternatives: readonly string[][]): { classic: boolean; granular: boolean } {
  const listed = alternatives.filter((a) => a.length > 0);
  return {
    classic: listed.some((a) => a.every((s) => !isGranular(s))),
    granular: listed.some((a) => a.every(isGranular)),
  };
}

/** A product event's accepted alternatives; null when Atlassian's mapping does not name the event. */
export function eventAlternatives(event: string): string[][] | null {
  const alts = (platform.events as Record<string, string[][]>)[event];
  return alts ?? null;
}

/** A module type's needed scopes, when Atlassian's mapping names it. */
export function moduleAlternatives(type: string): string[][] | null {
  return (platform.modules as Record<string, string[][]>)[type] ?? null;
}

/**
 * The scopes an unreadable REST call could need: those of every route it could hit, with their
 * counterparts of the other family, and `'any'` when it could hit a route no description covers.
 */
export function couldNeed(
  product: RestProduct,
  method: string | null,
  path: string | null,
): { scopes: Set<string>; any: boolean } {
  if (!hasRouteFacts(product)) return { scopes: new Set(), any: true };
  const routes = candidateRoutes(product, method, path);
  const scopes = new Set<string>();
  for (const r of routes) for (const alt of r.alternatives) for (const s of alt) scopes.add(s);
  counterparts([...scopes]).forEach((s) => scopes.add(s));
  // A call whose path is unread may also hit a route the descriptions leave out; one that no route fits, anything.
  if (path === null || path.startsWith(PLACEHOLDER)) UNDESCRIBED.get(product)?.forEach((s) => scopes.add(s));
  const any = routes.length === 0 || (path !== null && routes.every((r) => r.alternatives.length === 0));
  return { scopes, any };
}

/** Each product's known scopes that no route description names (JSM, Assets…): what an unread path may need. */
const UNDESCRIBED = new Map<RestProduct, Set<string>>();
{
  const described = new Set(allRoutes().flatMap((r) => r.alternatives.flat()));
  for (const s of KNOWN) {
    const p = scopeProduct(s);
    if ((p === 'jira' || p === 'confluence' || p === 'bitbucket') && !described.has(s))
      UNDESCRIBED.set(p, (UNDESCRIBED.get(p) ?? new Set()).add(s));
  }
}

/** What needs each scope, as Atlassian's facts say (a few REST routes, events, modules): for "unused" messages. */
const NEEDED_BY = new Map<string, string[]>();
const note = (scope: string, what: string): void => {
  const list = NEEDED_BY.get(scope) ?? [];
  if (list.length < 2) list.push(what);
  NEEDED_BY.set(scope, list);
};
for (const r of allRoutes()) for (const alt of r.alternatives) for (const s of alt) note(s, `${r.method} ${r.route}`);
for (const [event, alts] of Object.entries(platform.events as Record<string, string[][]>))
  for (const alt of alts) for (const s of alt) note(s, `a trigger on ${event}`);
for (const [type, alts] of Object.entries(platform.modules as Record<string, string[][]>))
  for (const alt of alts) for (const s of alt) note(s, `a ${type} module`);
NEEDED_BY.set('storage:app', ['@forge/kvs', 'custom entities']);
NEEDED_BY.set('report:personal-data', ['privacy.reportPersonalData']);

export function neededBy(scope: string): string[] {
  return NEEDED_BY.get(scope) ?? [];
}
