/**
 * Derives the scope facts that are not per REST route, from Atlassian's own Forge tooling (`@forge/manifest`,
 * the package `forge lint` and `forge deploy` validate manifests with), into `platform.json`:
 * - `events`: each product event's accepted scope alternatives (classic `current`, granular `beta`), as
 *   `@forge/manifest` checks a `trigger` (out/mapping/product-event-to-scope-mapping.json, Atlassian's Shipyard);
 * - `modules`: the scopes a module type needs (out/mapping/module-to-scope-mapping.js);
 * - `scopes`: every scope Forge accepts (out/scopes/shipyard-scopes.json);
 * - `granularFor`: each classic scope with the granular scopes Atlassian lists beside it as the other
 *   alternative of the same REST operation (routes.json) or product event: the classic ↔ granular
 *   correspondence as Atlassian's published facts give it.
 *
 * Usage: tsx toolkit/evidence/scopes/derive-platform.ts   (after derive.ts; writes platform.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import routes from './routes.json';

interface EventRow {
  productEvent: string;
  oAuthScopes: { current?: string[]; beta?: string[] };
}

/** A granular scope has three parts (`read:issue:jira`); a classic one two (`read:jira-work`). */
export const isGranular = (scope: string): boolean => scope.split(':').length > 2;

async function main(): Promise<void> {
  const pkgDir = dirname(dirname(require.resolve('@forge/manifest')));
  // The module mapping is not among the package's exports: load its file directly.
  const { MODULE_TO_SCOPES_MAPPING } = (await import(
    pathToFileURL(join(pkgDir, 'out', 'mapping', 'module-to-scope-mapping.js')).href
  )) as { MODULE_TO_SCOPES_MAPPING: Map<string, string[]> };
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const mapping = JSON.parse(
    readFileSync(join(pkgDir, 'out', 'mapping', 'product-event-to-scope-mapping.json'), 'utf8'),
  ) as { _source: string; mapping: EventRow[] };
  const scopes = JSON.parse(readFileSync(join(pkgDir, 'out', 'scopes', 'shipyard-scopes.json'), 'utf8')) as string[];

  const events: Record<string, string[][]> = {};
  for (const row of mapping.mapping) {
    const alts = [row.oAuthScopes.current ?? [], row.oAuthScopes.beta ?? []].filter((a) => a.length > 0);
    events[row.productEvent] = alts.map((a) => [...new Set(a)].sort());
  }
  const modules: Record<string, string[][]> = {};
  for (const [type, needed] of MODULE_TO_SCOPES_MAPPING) modules[type] = [[...needed].sort()];

  const granularFor = new Map<string, Set<string>>();
  const pair = (alternatives: readonly string[][]): void => {
    const classic = alternatives.filter((a) => a.length > 0 && a.every((s) => !isGranular(s)));
    const granular = alternatives.filter((a) => a.length > 0 && a.every(isGranular));
    for (const c of classic.flat()) {
      const set = granularFor.get(c) ?? new Set<string>();
      granular.flat().forEach((g) => set.add(g));
      granularFor.set(c, set);
    }
  };
  for (const row of routes.routes as [string, string, string, string[][]][]) pair(row[3]);
  Object.values(events).forEach(pair);

  const out = {
    derivedFrom: {
      package: `@forge/manifest@${version}`,
      events: `out/mapping/product-event-to-scope-mapping.json (${mapping._source})`,
      modules: 'out/mapping/module-to-scope-mapping.js',
      scopes: 'out/scopes/shipyard-scopes.json',
      granularFor:
        'routes.json operations and the product events above that list both a classic and a granular alternative',
    },
    events,
    modules,
    scopes: [...scopes].sort(),
    granularFor: Object.fromEntries(
      [...granularFor.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, g]) => [c, [...g].sort()]),
    ),
  };
  const file = join(__dirname, 'platform.json');
  const style = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(out), { ...style, parser: 'json', filepath: file }));
  console.log(
    `${file}: ${Object.keys(events).length} events, ${scopes.length} scopes, ${granularFor.size} classic scopes`,
  );
}

if (require.main === module) void main();
